//! The manager commands' HTTP client: one HTTP/1.1 request per call over hyper, TLS through
//! rustls with the operating system's trust store. Small on purpose, so the fleet server does
//! not compile the phone's HTTP stack (reqwest) for its own command line.

use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{HeaderMap, Method, Request, Uri};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

/// The whole exchange (connect, TLS, request, body) must finish within this.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A server's answer.
#[derive(Debug)]
pub struct Answer {
    /// The HTTP status code.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The body, as text.
    pub body: String,
}

/// Sends one request to `base` + `path` (`http://` or `https://`) with the `authorization`
/// header and, when there is a body, `content-type: application/json`. Errors name the server
/// (`base`) and what failed. Redirects are not followed and no proxy is used: the manager
/// commands talk to the fleet server itself.
pub async fn send(
    method: Method,
    base: &str,
    path: &str,
    auth: &str,
    body: Vec<u8>,
) -> Result<Answer, String> {
    let fail = |what: String| format!("{base}: {what}");
    let Target {
        uri,
        host,
        port,
        tls,
        host_header,
    } = target(base, path).map_err(fail)?;
    let mut request = Request::builder()
        .method(method)
        .uri(uri.path_and_query().map_or("/", |p| p.as_str()))
        .header("host", host_header)
        .header("authorization", auth);
    if !body.is_empty() {
        request = request.header("content-type", "application/json");
    }
    let request = request
        .body(Full::new(Bytes::from(body)))
        .map_err(|e| fail(format!("{e}")))?;
    let exchange = async {
        let tcp = TcpStream::connect((host.as_str(), port))
            .await
            .map_err(|e| e.to_string())?;
        if tls {
            exchange(tls_connect(&host, tcp).await?, request).await
        } else {
            exchange(tcp, request).await
        }
    };
    tokio::time::timeout(TIMEOUT, exchange)
        .await
        .map_err(|_| fail(format!("no answer within {} s", TIMEOUT.as_secs())))?
        .map_err(fail)
}

/// Where a request goes.
#[derive(Debug, PartialEq, Eq)]
struct Target {
    uri: Uri,
    /// The host to connect to and to name in TLS (an IPv6 literal without its brackets).
    host: String,
    port: u16,
    tls: bool,
    /// The `Host` header: the host as written, with the port unless it is the scheme's default
    /// (and never a `user:pass@` part).
    host_header: String,
}

fn target(base: &str, path: &str) -> Result<Target, String> {
    let uri: Uri = format!("{base}{path}")
        .parse()
        .map_err(|e| format!("{e}"))?;
    let written = uri.host().ok_or("no host")?.to_string();
    let tls = match uri.scheme_str() {
        Some("http") => false,
        Some("https") => true,
        _ => return Err("only http:// and https:// are supported".into()),
    };
    let default_port = if tls { 443 } else { 80 };
    let port = uri.port_u16().unwrap_or(default_port);
    let host_header = if port == default_port {
        written.clone()
    } else {
        format!("{written}:{port}")
    };
    let host = written
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    Ok(Target {
        uri,
        host,
        port,
        tls,
        host_header,
    })
}

/// `s` percent-encoded for one path segment or query value (everything but RFC 3986's
/// unreserved characters), so an id with a space or a non-ASCII letter reaches the server,
/// which then says what is wrong with it.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

async fn tls_connect(
    host: &str,
    tcp: TcpStream,
) -> Result<tokio_rustls::client::TlsStream<TcpStream>, String> {
    use rustls_platform_verifier::ConfigVerifierExt;
    // Another part of the process may have installed it already; either way ring is in place.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let config = rustls::ClientConfig::with_platform_verifier().map_err(|e| e.to_string())?;
    let name = rustls::pki_types::ServerName::try_from(host.to_string())
        .map_err(|e| format!("{host}: {e}"))?;
    tokio_rustls::TlsConnector::from(std::sync::Arc::new(config))
        .connect(name, tcp)
        .await
        .map_err(|e| format!("TLS: {e}"))
}

async fn exchange<S>(stream: S, request: Request<Full<Bytes>>) -> Result<Answer, String>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| e.to_string())?;
    let driver = tokio::spawn(conn);
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    driver.abort();
    Ok(Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_name_the_host_port_and_host_header() {
        let t = target("http://[::1]:8080", "/v1/fleet/trips").expect("ipv6");
        assert_eq!((t.host.as_str(), t.port, t.tls), ("::1", 8080, false));
        assert_eq!(t.host_header, "[::1]:8080");
        let t = target("https://user:pw@fleet.example.com", "/x").expect("https");
        assert_eq!(
            (t.host.as_str(), t.port, t.tls),
            ("fleet.example.com", 443, true)
        );
        assert_eq!(t.host_header, "fleet.example.com");
        let t = target("http://127.0.0.1:80", "/").expect("default port");
        assert_eq!(t.host_header, "127.0.0.1");
        assert!(target("ftp://h", "/").is_err());
        assert!(
            target("http://h", "/a b").is_err(),
            "callers encode what they send"
        );
    }

    #[test]
    fn path_values_are_percent_encoded() {
        assert_eq!(encode("T-2026.11_0417~"), "T-2026.11_0417~");
        assert_eq!(encode("T 1/é?"), "T%201%2F%C3%A9%3F");
    }
}
