//! HTTPS to a loopback fleet server with a private test CA: the client trusts exactly what it is
//! told to. Covers the Android choice (bundled Mozilla roots, not the platform verifier) and the
//! refusals: an unknown CA and an expired certificate.

use std::sync::Arc;

use crossing_core::transport::{HttpTransport, Method, Request, Transport, TrustRoots};
use crossing_fleet::{store, AppState, Config};
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use rustls_pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

struct Pki {
    ca: Vec<u8>,
    leaf: CertificateDer<'static>,
    leaf_key: PrivateKeyDer<'static>,
    expired: CertificateDer<'static>,
}

fn pki() -> Pki {
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("ca params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca =
        CertifiedIssuer::self_signed(ca_params, KeyPair::generate().expect("ca key")).expect("ca");
    let key = KeyPair::generate().expect("leaf key");
    let names = vec!["localhost".to_string(), "127.0.0.1".to_string()];
    let leaf = CertificateParams::new(names.clone())
        .expect("leaf")
        .signed_by(&key, &ca)
        .expect("signed");
    let mut old = CertificateParams::new(names).expect("old");
    old.not_before = rcgen::date_time_ymd(2020, 1, 1);
    old.not_after = rcgen::date_time_ymd(2021, 1, 1);
    let expired = old.signed_by(&key, &ca).expect("expired");
    Pki {
        ca: ca.der().to_vec(),
        leaf: leaf.der().clone(),
        leaf_key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        expired: expired.der().clone(),
    }
}

/// A fleet server behind TLS on loopback; returns its port.
async fn tls_server(cert: CertificateDer<'static>, key: PrivateKeyDer<'static>) -> u16 {
    let dir = tempfile::tempdir().expect("tempdir");
    let conn = store::open(&dir.path().join("fleet.db")).expect("db");
    let state = AppState::new(conn, Config::default());
    let app = crossing_fleet::router(state);
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let tls = tokio_rustls::rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("protocol versions")
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .expect("server config");
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(tls));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        let _keep = dir;
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                return;
            };
            let acceptor = acceptor.clone();
            let app = app.clone();
            tokio::spawn(async move {
                let Ok(stream) = acceptor.accept(tcp).await else {
                    return;
                };
                let service = hyper_util::service::TowerToHyperService::new(app);
                let _ = hyper_util::server::conn::auto::Builder::new(
                    hyper_util::rt::TokioExecutor::new(),
                )
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
            });
        }
    });
    port
}

async fn get(transport: &HttpTransport) -> Result<u16, String> {
    transport
        .send(Request {
            method: Method::Get,
            path: "/openapi.json".into(),
            headers: vec![],
            body: None,
        })
        .await
        .map(|r| r.status)
        .map_err(|e| e.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_to_a_loopback_server_with_a_test_ca() {
    let p = pki();
    let port = tls_server(p.leaf.clone(), p.leaf_key.clone_key()).await;
    let url = format!("https://localhost:{port}");
    let trusted =
        HttpTransport::with_trust(&url, &TrustRoots::Only(vec![p.ca.clone()])).expect("transport");
    assert_eq!(
        get(&trusted).await,
        Ok(200),
        "the test CA is trusted when given"
    );

    // Android's setting: Mozilla's roots only. The private CA is not among them.
    let bundled = HttpTransport::with_trust(&url, &TrustRoots::Bundled).expect("transport");
    let e = get(&bundled).await.expect_err("unknown CA");
    assert!(
        e.contains("certificate") || e.contains("UnknownIssuer") || e.contains("invalid peer"),
        "{e}"
    );

    // Desktop's setting: the OS store, which does not hold the test CA either.
    let platform = HttpTransport::with_trust(&url, &TrustRoots::Platform).expect("transport");
    assert!(
        get(&platform).await.is_err(),
        "an untrusted CA is refused by the platform verifier"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_certificate_is_refused() {
    let p = pki();
    let port = tls_server(p.expired.clone(), p.leaf_key.clone_key()).await;
    let url = format!("https://localhost:{port}");
    let t = HttpTransport::with_trust(&url, &TrustRoots::Only(vec![p.ca])).expect("transport");
    let e = get(&t).await.expect_err("expired");
    assert!(
        e.to_lowercase().contains("expired") || e.contains("certificate"),
        "{e}"
    );
}
