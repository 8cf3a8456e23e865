//! Test helper for the browser tests (`tests/browser/`): the real fleet server over HTTPS with a
//! test CA, and a real phone core that syncs with it.
//!
//! - `console_fixture serve DIR`: makes a test CA and a certificate for 127.0.0.1 and localhost
//!   (`DIR/ca.pem`), a fleet database with a manager of F1 and drivers D1 and D2 on its roster,
//!   pushes the ACI and ACE examples (ETAs tomorrow) to D1, serves HTTPS on a free loopback port,
//!   prints one JSON line (`url`, `manager`, `driver`, `db`, `ca`) and serves until stdin closes.
//! - `console_fixture phone DIR URL CA TOKEN [record KIND TRIP [NOTE]]`: a phone core in DIR
//!   records an event if asked, syncs once, and prints its trips as JSON.

use std::io::{BufRead, Write};
use std::sync::Arc;

use crossing_core::sync::{StaticToken, SyncConfig, Syncer};
use crossing_core::transport::{HttpTransport, TrustRoots};
use crossing_core::{Crossing, EventInput, EventKind};
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use rustls_pki_types::pem::PemObject;
use tokio_rustls::rustls;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    match args.first().map(String::as_str) {
        Some("serve") if args.len() == 2 => rt.block_on(serve(&args[1])),
        Some("phone") if args.len() >= 5 => rt.block_on(phone(&args[1..])),
        _ => {
            eprintln!("usage: console_fixture serve DIR | phone DIR URL CA TOKEN [record KIND TRIP [NOTE]]");
            std::process::exit(2);
        }
    }
}

async fn serve(dir: &str) {
    let dir = std::path::Path::new(dir);
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("ca params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Crossing console test CA");
    let ca =
        CertifiedIssuer::self_signed(ca_params, KeyPair::generate().expect("key")).expect("ca");
    let key = KeyPair::generate().expect("leaf key");
    let mut leaf = CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
        .expect("leaf");
    leaf.distinguished_name
        .push(rcgen::DnType::CommonName, "127.0.0.1");
    let leaf = leaf.signed_by(&key, &ca).expect("signed");
    let ca_path = dir.join("ca.pem");
    std::fs::write(&ca_path, ca.pem()).expect("ca.pem");
    let tls = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_no_client_auth()
    .with_single_cert(
        vec![leaf.der().clone()],
        rustls_pki_types::PrivateKeyDer::Pkcs8(rustls_pki_types::PrivatePkcs8KeyDer::from(
            key.serialize_der(),
        )),
    )
    .expect("tls");
    let db = dir.join("fleet.db");
    let mut conn = crossing_fleet::store::open(&db).expect("store");
    let now = chrono::Utc::now();
    let token = |who| crossing_fleet::store::create_token(&conn, &who, now).expect("token");
    let manager = token(crossing_fleet::store::NewToken::Manager("F1".into()));
    let driver = token(crossing_fleet::store::NewToken::Driver("D1".into()));
    for d in ["D1", "D2"] {
        crossing_fleet::store::add_to_roster(&conn, "F1", d, now).expect("roster");
    }
    for (name, port_day) in [("aci-trip.json", 1), ("ace-trip.json", 2)] {
        let mut doc = crossing_integration_tests::example_value(name);
        doc["eta"]["local"] = (now + chrono::Duration::days(port_day))
            .format("%Y-%m-%dT12:00:00")
            .to_string()
            .into();
        crossing_fleet::store::push_trip(
            &mut conn,
            "F1",
            doc.to_string().as_bytes(),
            Some("D1"),
            now,
        )
        .expect("push");
    }
    let state = crossing_fleet::AppState::new(
        conn,
        crossing_fleet::Config {
            tls: Some(Arc::new(tls)),
            ..crossing_fleet::Config::default()
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let line = serde_json::json!({
        "url": format!("https://127.0.0.1:{}", addr.port()),
        "manager": manager, "driver": driver,
        "db": db, "ca": ca_path,
    });
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}").expect("stdout");
    out.flush().expect("flush");
    drop(out);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || {
        let mut line = String::new();
        while std::io::stdin()
            .lock()
            .read_line(&mut line)
            .is_ok_and(|n| n > 0)
        {}
        let _ = stop.send(());
    });
    crossing_fleet::serve_until(listener, state, async {
        let _ = stopped.await;
    })
    .await
    .expect("serve");
}

async fn phone(args: &[String]) {
    let (dir, url, ca, token) = (&args[0], &args[1], &args[2], &args[3]);
    crossing_core::transport::install_crypto_provider();
    let der = rustls_pki_types::CertificateDer::from_pem_file(ca)
        .expect("ca.pem")
        .to_vec();
    let core = Arc::new(Crossing::open(dir).expect("core"));
    if args.get(4).map(String::as_str) == Some("record") {
        let kind: EventKind = args[5].parse().expect("event kind");
        let mut input = EventInput::new(args[6].as_str(), kind);
        input.note = args.get(7).cloned();
        core.record_event(input).expect("record");
    }
    let transport =
        HttpTransport::with_trust(url, &TrustRoots::Only(vec![der])).expect("transport");
    let syncer = Syncer::new(
        Arc::clone(&core),
        Arc::new(transport),
        Arc::new(StaticToken(token.clone())),
        SyncConfig::default(),
    );
    syncer.sync_once(0).await.expect("sync");
    let trips: Vec<serde_json::Value> = core
        .trips()
        .expect("trips")
        .into_iter()
        .map(|t| {
            serde_json::json!({"id": t.id, "version": t.version, "state": t.state.as_str(),
                "tripNumber": t.trip_number})
        })
        .collect();
    println!("{}", serde_json::json!({ "trips": trips }));
}
