//! The canary run (issue 5, privacy): a trip full of canary personal data (names, document
//! numbers, plates) and a canary driver token go through a real fleet server process and a phone,
//! along the happy path and a series of error paths. None of the canaries may appear in the
//! server's log (its stdout and stderr), in any error message the server or the core produced, or
//! in any panic text; and the token must not appear in any database file, phone or server.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use crossing_core::sync::{StaticToken, SyncConfig, Syncer};
use crossing_core::{Crossing, EventInput, EventKind};
use crossing_fleet::store::{self, NewToken};
use crossing_integration_tests::fleet::trip_for_tomorrow;

const PII: &[&str] = &[
    "Zqcanaryfirst",
    "Zqcanarylast",
    "ZQCANARYDOC77",
    "ZQCNRY77",
    "ZQTRL99",
    "42709999999901",
];

fn canary_trip() -> serde_json::Value {
    // The server runs in a child process on the system clock.
    let mut t = trip_for_tomorrow("aci-trip.json", &crossing_core::SystemClock);
    t["crew"][0]["firstName"] = PII[0].into();
    t["crew"][0]["lastName"] = PII[1].into();
    t["crew"][0]["travelDocuments"][0]["number"] = PII[2].into();
    t["conveyance"]["plates"][0]["number"] = PII[3].into();
    t["trailers"][0]["plates"][0]["number"] = PII[4].into();
    t["crew"][0]["fastCardNumber"] = PII[5].into();
    t
}

fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn canaries_stay_out_of_logs_errors_and_files() {
    crossing_core::transport::install_crypto_provider();
    let panics: Arc<Mutex<Vec<String>>> = Arc::default();
    {
        let panics = Arc::clone(&panics);
        std::panic::set_hook(Box::new(move |info| {
            panics.lock().expect("lock").push(info.to_string());
        }));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let server_dir = dir.path().join("server");
    std::fs::create_dir_all(&server_dir).expect("mkdir");
    let db = server_dir.join("fleet.db");
    let (manager, token) = {
        let conn = store::open(&db).expect("store");
        store::add_to_roster(&conn, "F1", "D1", chrono::Utc::now()).expect("roster");
        (
            store::create_token(&conn, &NewToken::Manager("F1".into()), chrono::Utc::now())
                .expect("manager"),
            store::create_token(&conn, &NewToken::Driver("D1".into()), chrono::Utc::now())
                .expect("driver"),
        )
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let mut server = Command::new(env!("CARGO_BIN_EXE_fleet_serve"))
        .arg(&db)
        .arg(format!("127.0.0.1:{port}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("server");
    let mut server_out = server.stdout.take().expect("stdout");
    let mut ready = [0u8; 6];
    server_out.read_exact(&mut ready).expect("ready");
    let mut errors: Vec<String> = Vec::new();
    let http = reqwest::Client::new();
    let post = |path: String, auth: String, body: String| {
        let http = http.clone();
        async move {
            let r = http
                .post(path)
                .header("authorization", format!("Bearer {auth}"))
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .expect("request");
            (r.status().as_u16(), r.text().await.expect("body"))
        }
    };

    // The manager pushes the trip, then broken versions of it (each refused with a message).
    let trip = canary_trip();
    let (s, _) = post(
        format!("{url}/v1/fleet/trips?driver=D1"),
        manager.clone(),
        trip.to_string(),
    )
    .await;
    assert_eq!(s, 201);
    let mut broken = Vec::new();
    for (pointer, value) in [
        ("/crew/0/dateOfBirth", "Zqcanarylast"),
        (
            "/crew/0/firstName",
            "Zqcanaryfirst-Zqcanaryfirst-Zqcanaryfirst",
        ),
        (
            "/crew/0/travelDocuments/0/number",
            "ZQCANARYDOC77-ZQCANARYDOC77-ZQCANARYDOC77",
        ),
        ("/conveyance/plates/0/number", "zqcnry77 lowercase"),
        ("/crew/0/fastCardNumber", "ZQCNRY77"),
        ("/crew/0/citizenship", "Zqcanarylast"),
    ] {
        let mut t = trip.clone();
        *t.pointer_mut(pointer).expect("pointer") = value.into();
        t["version"] = 2.into();
        broken.push(t);
    }
    let mut typed = trip.clone();
    typed["crew"][0]["firstName"] = 12345.into();
    typed["crew"][0]["lastName"] = serde_json::json!(["Zqcanarylast"]);
    typed["version"] = 2.into();
    broken.push(typed);
    for t in &broken {
        let (s, body) = post(
            format!("{url}/v1/fleet/trips"),
            manager.clone(),
            t.to_string(),
        )
        .await;
        assert_eq!(s, 400, "{body}");
        errors.push(body);
    }
    // Wrong and mangled tokens.
    for bad in [format!("{token}x"), token.chars().rev().collect::<String>()] {
        let (s, body) = post(format!("{url}/v1/events"), bad, "{}".into()).await;
        assert_eq!(s, 401);
        errors.push(body);
    }
    // A driver event upload with canaries in the wrong places.
    let (_, body) = post(
        format!("{url}/v1/events"),
        token.clone(),
        serde_json::json!({"device_id": "ZQCANARYDOC77", "sent_at": "x", "events": []}).to_string(),
    )
    .await;
    errors.push(body);

    // The phone: sync with the canary token, record, then the local error paths.
    let phone_dir = dir.path().join("phone");
    let core = Arc::new(Crossing::open(&phone_dir).expect("phone"));
    let syncer = Syncer::over_http(
        Arc::clone(&core),
        &url,
        Arc::new(StaticToken(token.clone())),
        SyncConfig::default(),
    )
    .expect("syncer");
    syncer.sync_once(0).await.expect("sync");
    core.record_event(EventInput::new(
        "F1:T-2026-11-0417",
        EventKind::DepartedOrigin,
    ))
    .expect("record");
    syncer.sync_once(0).await.expect("sync events");
    for t in &broken {
        errors.push(
            core.import_trip_json(t.to_string().as_bytes())
                .expect_err("refused")
                .to_string(),
        );
    }
    let mut e = EventInput::new("F1:T-2026-11-0417", EventKind::Released);
    e.shipment = Some("ZQCANARYDOC77".into());
    errors.push(
        core.record_event(e)
            .expect_err("unknown shipment")
            .to_string(),
    );
    let bad_sync = Syncer::over_http(
        Arc::clone(&core),
        &url,
        Arc::new(StaticToken(format!("{token}x"))),
        SyncConfig::default(),
    )
    .expect("syncer");
    core.record_event(EventInput::new(
        "F1:T-2026-11-0417",
        EventKind::ArrivedAtBorder,
    ))
    .expect("record");
    errors.push(bad_sync.sync_once(0).await.expect_err("401").to_string());
    errors.push(format!("{:?}", core.sync_status().expect("status")));
    drop(bad_sync);
    drop(syncer);
    drop(core);

    server.kill().expect("kill");
    server.wait().expect("reap");
    let mut log = Vec::new();
    server_out.read_to_end(&mut log).expect("stdout");
    server
        .stderr
        .take()
        .expect("stderr")
        .read_to_end(&mut log)
        .expect("stderr");
    let log = String::from_utf8_lossy(&log).to_string();
    let _ = std::panic::take_hook();

    let texts: Vec<(&str, &String)> = errors
        .iter()
        .map(|e| ("error message", e))
        .chain(std::iter::once(("server log", &log)))
        .collect();
    let panics = panics.lock().expect("lock").clone();
    assert!(errors.len() >= 15, "the error paths ran: {}", errors.len());
    assert!(errors.iter().all(|e| !e.is_empty()));
    for canary in PII.iter().copied().chain(std::iter::once(token.as_str())) {
        for (what, text) in &texts {
            assert!(!text.contains(canary), "{what} holds a canary: {text}");
        }
        for p in &panics {
            assert!(!p.contains(canary), "panic text holds a canary: {p}");
        }
    }
    // The token is in no database file (the server keeps its SHA-256; the phone never stores it).
    let mut files = Vec::new();
    files_under(dir.path(), &mut files);
    assert!(files.iter().any(|f| f.ends_with("outbox.db")));
    for f in &files {
        let bytes = std::fs::read(f).expect("read");
        assert!(
            !bytes.windows(token.len()).any(|w| w == token.as_bytes()),
            "{} holds the token",
            f.display()
        );
    }
    println!(
        "canary run: {} error messages, {} B of server log, {} panics, {} files scanned: no canary found",
        errors.len(),
        log.len(),
        panics.len(),
        files.len()
    );
}
