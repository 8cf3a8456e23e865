//! Unauthenticated resource exhaustion (issue 11, D2): the real `crossing-fleet serve` binary
//! under `ulimit -n 128`, flooded with idle sockets that reconnect as soon as they are closed,
//! slowloris header streams and token-less 5 MiB bodies, still serves a real driver's sync and
//! a manager's push, closes idle connections after its header timeout, and does not buffer the
//! bodies it refuses.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crossing_core::sync::{StaticToken, SyncConfig, Syncer};
use crossing_fleet::store;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const IDLE: usize = 150;
const SLOW: usize = 50;
const BIG: usize = 20;

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_idle_and_slow_connections_does_not_stop_a_drivers_sync() {
    crossing_core::transport::install_crypto_provider();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("fleet.db");
    let now = chrono::Utc::now();
    let (manager, driver) = {
        let mut conn = store::open(&db).expect("db");
        let m = store::create_token(&conn, &store::NewToken::Manager("F1".into()), now).expect("m");
        let d = store::create_token(&conn, &store::NewToken::Driver("D1".into()), now).expect("d");
        store::add_to_roster(&conn, "F1", "D1", now).expect("roster");
        let mut doc: serde_json::Value =
            serde_json::from_str(include_str!("../../examples/aci-trip.json")).expect("example");
        doc["eta"]["local"] = (now + chrono::Duration::days(1))
            .format("%Y-%m-%dT12:00:00")
            .to_string()
            .into();
        store::push_trip(&mut conn, "F1", doc.to_string().as_bytes(), Some("D1"), now)
            .expect("push");
        (m, d)
    };
    let mut server = Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -n 128 && exec "$0" "$@""#)
        .arg(env!("CARGO_BIN_EXE_fleet_cli"))
        .args(["serve", "--db"])
        .arg(&db)
        .args(["--listen", "127.0.0.1:0", "--header-timeout", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("listening line");
    let addr = line
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://"))
        .expect("address")
        .to_string();
    let pid = server.id();
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).expect("limits");
    assert!(
        limits
            .lines()
            .any(|l| l.starts_with("Max open files") && l.split_whitespace().nth(3) == Some("128")),
        "{limits}"
    );
    let rss_before = rss_kib(pid);

    let stop = Arc::new(AtomicBool::new(false));
    let closed_by_server = Arc::new(AtomicUsize::new(0));
    let connected = Arc::new(AtomicUsize::new(0));
    let mut attackers = Vec::new();
    // Idle sockets that send nothing and reconnect whenever the server drops them.
    for _ in 0..IDLE {
        let (addr, stop, closed, connected) = (
            addr.clone(),
            Arc::clone(&stop),
            Arc::clone(&closed_by_server),
            Arc::clone(&connected),
        );
        attackers.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let Ok(mut s) = TcpStream::connect(&addr).await else {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                };
                connected.fetch_add(1, Ordering::Relaxed);
                let mut buf = [0u8; 64];
                match tokio::time::timeout(Duration::from_secs(5), s.read(&mut buf)).await {
                    Ok(Ok(0)) => {
                        closed.fetch_add(1, Ordering::Relaxed);
                    }
                    _ => tokio::time::sleep(Duration::from_millis(20)).await,
                }
            }
        }));
    }
    // Slowloris: a header line every half second, never the blank line.
    for _ in 0..SLOW {
        let (addr, stop) = (addr.clone(), Arc::clone(&stop));
        attackers.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let Ok(mut s) = TcpStream::connect(&addr).await else {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                };
                let _ = s
                    .write_all(b"POST /v1/devices HTTP/1.1\r\nHost: x\r\n")
                    .await;
                while !stop.load(Ordering::Relaxed) {
                    if s.write_all(b"X-Slow: 1\r\n").await.is_err() {
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
            }
        }));
    }
    // Token-less 5 MiB bodies at full speed: refused on the headers, never buffered.
    let big_answers = Arc::new(AtomicUsize::new(0));
    for _ in 0..BIG {
        let (addr, answers) = (addr.clone(), Arc::clone(&big_answers));
        attackers.push(tokio::spawn(async move {
            let Ok(mut s) = TcpStream::connect(&addr).await else {
                return;
            };
            let body = vec![b'x'; 5 * 1024 * 1024];
            let head = format!(
                "POST /v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(head.as_bytes()).await;
            let _ = s.write_all(&body).await;
            let mut answer = vec![0u8; 256];
            if let Ok(Ok(n)) = tokio::time::timeout(Duration::from_secs(30), s.read(&mut answer)).await {
                if answer[..n].starts_with(b"HTTP/1.1 401") {
                    answers.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }

    // Once every idle socket is open, a real driver syncs (pulls the trip, sends an event) and
    // a manager lists trips.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while connected.load(Ordering::Relaxed) < IDLE && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(
        connected.load(Ordering::Relaxed) >= IDLE,
        "the flood did not start"
    );
    let phone_dir = tempfile::tempdir().expect("tempdir");
    let core = Arc::new(crossing_core::Crossing::open(phone_dir.path()).expect("phone"));
    core.import_trip_json(include_bytes!("../../examples/aci-trip.json"))
        .expect("local copy");
    let mut e =
        crossing_core::EventInput::new("T-2026-11-0417", crossing_core::EventKind::Exception);
    e.note = Some("under load".into());
    core.record_event(e).expect("record");
    let syncer = Syncer::over_http(
        Arc::clone(&core),
        &format!("http://{addr}"),
        Arc::new(StaticToken(driver)),
        SyncConfig::default(),
    )
    .expect("syncer");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
    let mut tries = 0;
    let report = loop {
        tries += 1;
        match syncer.sync_once(0).await {
            Ok(r) => break r,
            Err(e) if tokio::time::Instant::now() < deadline => {
                eprintln!("sync try {tries}: {e}");
            }
            Err(e) => panic!("the driver could not sync under the flood: {e}"),
        }
    };
    assert_eq!(report.uploaded, 1, "{report:?}");
    let listed = reqwest::Client::new()
        .get(format!("http://{addr}/v1/fleet/trips"))
        .header("authorization", format!("Bearer {manager}"))
        .timeout(Duration::from_secs(60))
        .send()
        .await
        .expect("manager request under the flood");
    assert_eq!(listed.status().as_u16(), 200);
    // Idle sockets are being closed by the server (its header timeout), not piling up.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while closed_by_server.load(Ordering::Relaxed) < IDLE && tokio::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let closed = closed_by_server.load(Ordering::Relaxed);
    let rss_after = rss_kib(pid);
    stop.store(true, Ordering::Relaxed);
    for a in attackers {
        a.abort();
    }
    println!(
        "flood under ulimit -n 128: driver synced after {tries} tries; {closed} idle sockets closed by the server; \
         {} of {BIG} 5 MiB token-less bodies answered 401; RSS {rss_before} → {rss_after} KiB",
        big_answers.load(Ordering::Relaxed)
    );
    assert!(
        closed >= IDLE,
        "the server closed only {closed} idle sockets"
    );
    assert!(
        rss_after < rss_before + 64 * 1024,
        "refused bodies were buffered: RSS {rss_before} → {rss_after} KiB"
    );
    let _ = server.kill();
    let _ = server.wait();
}
