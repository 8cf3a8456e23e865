//! Kill-at-random durability of the whole loop (docs/sync.md T1, CI size): a child process
//! records events and syncs them to a real fleet server on loopback while the parent SIGKILLs it
//! at random moments and restarts it. Every event whose `record_event` returned `Ok` must end on
//! the server exactly once, nothing else may be there, the outbox must end with nothing pending,
//! and `PRAGMA integrity_check` must pass after every kill. Set `CROSSING_CRASH_KILLS` for more.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use crossing_fleet::Config;
use crossing_integration_tests::fleet::Fleet;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_survive_random_kills_during_record_and_sync() {
    let kills: usize = std::env::var("CROSSING_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let fleet = Fleet::start(Config::default()).await;
    let trip = "T-2026-11-0417";
    // The phone knows the trip qualified with its fleet (trip ids are per fleet).
    let trip_key = "F1:T-2026-11-0417";
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("phone");
    let mut recorded: Vec<String> = Vec::new();
    let mut round = 0;
    while round < kills || recorded.len() < 1000 {
        round += 1;
        let mut child = Command::new(env!("CARGO_BIN_EXE_sync_loop"))
            .arg(&data)
            .arg(&fleet.url)
            .arg(&fleet.driver)
            .arg(trip_key)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let stdout = child.stdout.take().expect("stdout");
        let (first_tx, first_rx) = std::sync::mpsc::channel::<()>();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("recorded ").map(str::to_string))
                .inspect(|_| {
                    let _ = first_tx.send(());
                })
                .collect::<Vec<_>>()
        });
        // Odd rounds kill at a random moment from the start (often during open or the first
        // record); even rounds wait for the first recorded event, then kill at random, so the
        // run makes progress even when a loaded machine starts the child slowly.
        if round % 2 == 0 {
            let _ = first_rx.recv_timeout(Duration::from_secs(10));
        }
        tokio::time::sleep(Duration::from_millis(5 + fastrand::u64(0..60))).await;
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        recorded.extend(reader.join().expect("reader"));
        let conn =
            rusqlite::Connection::open(data.join(crossing_core::OUTBOX_FILE)).expect("outbox");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(check, "ok", "outbox after kill {round}");
        let conn = rusqlite::Connection::open(data.join(crossing_core::CACHE_FILE)).expect("cache");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(check, "ok", "cache after kill {round}");
        assert!(
            round < kills * 20,
            "not enough events recorded: {}",
            recorded.len()
        );
    }
    // Quiescence: one clean sync.
    let core = std::sync::Arc::new(crossing_core::Crossing::open(&data).expect("open"));
    let syncer = crossing_core::sync::Syncer::over_http(
        std::sync::Arc::clone(&core),
        &fleet.url,
        std::sync::Arc::new(crossing_core::sync::StaticToken(fleet.driver.clone())),
        crossing_core::sync::SyncConfig::default(),
    )
    .expect("syncer");
    syncer.sync_once(0).await.expect("final sync");
    let server = fleet.events(trip).await;
    let mut ids: Vec<String> = server
        .iter()
        .map(|e| e["event_id"].as_str().expect("id").to_string())
        .collect();
    let on_server = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), on_server, "no event twice on the server");
    let mut want = recorded.clone();
    want.sort();
    // Every acknowledged event is there; nothing is there that was not recorded locally.
    let local: Vec<String> = core
        .events(&crossing_core::EventFilter::default())
        .expect("events")
        .into_iter()
        .map(|e| e.event_id)
        .collect();
    for id in &want {
        assert!(
            ids.binary_search(id).is_ok(),
            "recorded event {id} missing on the server"
        );
    }
    for id in &ids {
        assert!(
            local.contains(id),
            "server holds {id}, never recorded on the phone"
        );
    }
    assert_eq!(
        core.sync_status().expect("status").pending,
        0,
        "outbox drained"
    );
    println!(
        "T1 crash: {round} SIGKILLs, {} events acknowledged by record_event, {} on the server (each once), {} recorded in all (some acknowledged just before a kill, before printing)",
        want.len(),
        on_server,
        local.len()
    );
}
