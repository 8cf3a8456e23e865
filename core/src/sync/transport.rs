//! HTTP for the sync engine, behind a small trait so a shell could supply the platform's own
//! HTTP stack, and tests can put a fault-injecting layer in front of the real server.
//!
//! [`HttpTransport`] is reqwest with rustls (no OpenSSL), gzip, explicit timeouts, a response
//! size cap, and a refusal of plain `http://` to anything but loopback, checked before any
//! socket is opened.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// A boxed future, as the transport trait returns.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET.
    Get,
    /// POST.
    Post,
}

/// A request relative to the server's base URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// GET or POST.
    pub method: Method,
    /// Path and query, e.g. `/v1/changes?cursor=l.4`.
    pub path: String,
    /// Headers (authorization included).
    pub headers: Vec<(String, String)>,
    /// JSON body.
    pub body: Option<Vec<u8>>,
}

/// An answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers, names lower-case.
    pub headers: Vec<(String, String)>,
    /// Body (decompressed).
    pub body: Vec<u8>,
}

impl Response {
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// No answer came: the reason, without any secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TransportError(pub String);

/// Sends requests to one server.
pub trait Transport: Send + Sync {
    /// Sends a request and returns the answer, or why there was none.
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>>;
}

/// Largest response body accepted (bytes, after decompression).
pub const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;
/// Connect timeout.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Whole-request timeout.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Which certificate authorities the client trusts.
///
/// Android cannot use reqwest's default (rustls-platform-verifier needs JNI set-up and a Kotlin
/// component published outside crates.io: docs/toolchain.md pitfall 9, ADR 0015), so the FFI library uses
/// `TrustRoots::Bundled` there (feature `bundled-roots`): Mozilla's root store compiled in (`webpki-root-certs`,
/// updated with the crate). Desktop and iOS use the platform's store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrustRoots {
    /// The operating system's trust store (rustls-platform-verifier).
    Platform,
    /// Mozilla's roots compiled into the library; nothing else (feature `bundled-roots`).
    #[cfg(feature = "bundled-roots")]
    Bundled,
    /// Only these DER certificates (tests with a private CA; pinning a fleet's own CA).
    Only(Vec<Vec<u8>>),
}

impl TrustRoots {
    /// The default for the platform the library is built for.
    pub fn for_this_platform() -> Self {
        #[cfg(target_os = "android")]
        return TrustRoots::Bundled;
        #[cfg(not(target_os = "android"))]
        TrustRoots::Platform
    }
}

#[cfg(all(target_os = "android", not(feature = "bundled-roots")))]
compile_error!("Android has no usable platform verifier here: build crossing-core with feature `bundled-roots`");

/// reqwest over rustls.
#[derive(Debug, Clone)]
pub struct HttpTransport {
    client: reqwest::Client,
    base: String,
}

/// Installs ring as the process's TLS crypto provider (once). reqwest is built without a
/// provider of its own; every HTTP client in the project calls this first.
pub fn install_crypto_provider() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Err means another provider is already installed: that one is used.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// Checks a server URL: `https://` anywhere, `http://` only to loopback.
pub fn check_server_url(url: &str) -> Result<reqwest::Url, crate::Error> {
    let parsed = reqwest::Url::parse(url).map_err(|e| {
        // The library is built without Unicode domain-name tables (idna_adapter 1.0, −136 KB:
        // docs/dependencies.md), so a non-ASCII host is refused with the fix in the message.
        let hint = if url.is_ascii() {
            ""
        } else {
            " (host names must be ASCII: write an international domain in its xn-- form)"
        };
        crate::Error::input("server", format!("{url:?} is not a URL: {e}{hint}"))
    })?;
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" => {
            let loopback = match parsed.host() {
                Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                None => false,
            };
            if loopback {
                Ok(parsed)
            } else {
                Err(crate::Error::input(
                    "server",
                    "plain http:// is allowed only to loopback (127.0.0.1, ::1, localhost); use https://",
                ))
            }
        }
        other => Err(crate::Error::input(
            "server",
            format!("scheme {other:?} is not http(s)"),
        )),
    }
}

impl HttpTransport {
    /// A transport to `base_url` (e.g. `https://fleet.example.com`) with the platform's
    /// default trust roots ([`TrustRoots::for_this_platform`]).
    pub fn new(base_url: &str) -> Result<Self, crate::Error> {
        Self::with_trust(base_url, &TrustRoots::for_this_platform())
    }

    /// A transport trusting the given roots.
    pub fn with_trust(base_url: &str, roots: &TrustRoots) -> Result<Self, crate::Error> {
        let der = |bytes: &[u8]| {
            reqwest::Certificate::from_der(bytes)
                .map_err(|e| crate::Error::input("server", format!("trust root: {e}")))
        };
        let builder = reqwest::Client::builder();
        let builder = match roots {
            TrustRoots::Platform => builder,
            #[cfg(feature = "bundled-roots")]
            TrustRoots::Bundled => builder.tls_certs_only(
                webpki_root_certs::TLS_SERVER_ROOT_CERTS
                    .iter()
                    .map(|c| der(c.as_ref()))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
            TrustRoots::Only(certs) => builder.tls_certs_only(
                certs
                    .iter()
                    .map(|c| der(c))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        Self::with_client(base_url, builder)
    }

    /// A transport with extra client settings (tests add a test CA this way).
    pub fn with_client(
        base_url: &str,
        builder: reqwest::ClientBuilder,
    ) -> Result<Self, crate::Error> {
        let url = check_server_url(base_url)?;
        install_crypto_provider();
        let client = builder
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            // Never leave the configured server: a redirect could lead to a host (or plain
            // http) that `check_server_url` refuses, and that host's answers would be trusted.
            // A 3xx is an unusable answer (sync.rs), so every event stays pending.
            .redirect(reqwest::redirect::Policy::none())
            .gzip(true)
            .user_agent(concat!("crossing/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| crate::Error::input("server", format!("HTTP client: {e}")))?;
        Ok(HttpTransport {
            client,
            base: url.as_str().trim_end_matches('/').to_string(),
        })
    }

    /// The base URL.
    pub fn base_url(&self) -> &str {
        &self.base
    }
}

fn describe(e: &reqwest::Error) -> String {
    // reqwest errors name the URL and the cause, never headers (the token) or bodies.
    let mut causes = Vec::new();
    let mut src = std::error::Error::source(e);
    while let Some(inner) = src {
        causes.push(inner.to_string());
        src = inner.source();
    }
    let head = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect"
    } else {
        "request failed"
    };
    match causes.last() {
        Some(root) => format!("{head}: {root}"),
        None => head.to_string(),
    }
}

impl Transport for HttpTransport {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        Box::pin(async move {
            let url = format!("{}{}", self.base, request.path);
            let mut rb = match request.method {
                Method::Get => self.client.get(&url),
                Method::Post => self.client.post(&url),
            };
            for (k, v) in &request.headers {
                rb = rb.header(k.as_str(), v.as_str());
            }
            if let Some(body) = request.body {
                rb = rb.header("content-type", "application/json").body(body);
            }
            let mut resp = rb.send().await.map_err(|e| TransportError(describe(&e)))?;
            let status = resp.status().as_u16();
            let headers = resp
                .headers()
                .iter()
                .filter_map(|(k, v)| {
                    v.to_str()
                        .ok()
                        .map(|v| (k.as_str().to_string(), v.to_string()))
                })
                .collect();
            let mut body = Vec::new();
            while let Some(chunk) = resp
                .chunk()
                .await
                .map_err(|e| TransportError(describe(&e)))?
            {
                if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
                    return Err(TransportError(format!(
                        "response larger than {MAX_RESPONSE_BYTES} bytes"
                    )));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(Response {
                status,
                headers,
                body,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_loopback() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://localhost:1",
            "http://[::1]:9",
            "https://fleet.example.com",
        ] {
            assert!(check_server_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://fleet.example.com",
            "http://10.0.0.1",
            "ftp://127.0.0.1",
            "not a url",
        ] {
            assert!(check_server_url(bad).is_err(), "{bad}");
        }
        let e = check_server_url("https://flotte-québec.example").expect_err("refused");
        assert!(e.to_string().contains("xn-- form"), "{e}");
        assert!(check_server_url("https://xn--flotte-qubec-beb.example").is_ok());
        let e = check_server_url("http://fleet.example.com").expect_err("refused");
        assert!(e.to_string().contains("only to loopback"), "{e}");
    }
}
