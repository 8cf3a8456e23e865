//! Sync against the real fleet server on loopback, with faults injected between phone and
//! server. Figures (events, requests, retries) are printed for the closing note.

use std::sync::Arc;

use crossing_core::sync::{SyncError, SyncService};
use crossing_core::{planner::SyncState, CodeKind, EventFilter, EventInput, EventKind, TripState};
#[allow(unused_imports)]
use crossing_core::Progress;
use crossing_fleet::Config;
use crossing_integration_tests::fleet::{fresh_trip, Faults, Fleet, Phone};

const ACI: &str = "T-2026-11-0417";

async fn record_n(phone: &Phone, trip: &str, n: usize) {
    for i in 0..n {
        let mut e = EventInput::new(trip, EventKind::Exception);
        e.note = Some(format!("note {i}"));
        phone.core.record_event(e).expect("record");
    }
}

fn server_ids(events: &[serde_json::Value]) -> Vec<String> {
    events.iter().map(|e| e["event_id"].as_str().expect("id").to_string()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_sync_record_offline_sync_and_the_manager_sees_each_event_once() {
    let fleet = Fleet::start(Config::default()).await;
    fleet.push(&fresh_trip("aci-trip.json"), Some("D1")).await;
    let (phone, faulty) = fleet.phone();
    let (report, _) = phone.sync_until_ok(1).await;
    assert_eq!(report.trips_updated, 1);
    let view = phone.core.manifest_view(ACI).expect("view");
    assert_eq!(view.title, "ACI trip 1234TR261126001 → 0453");
    phone.core.border_code(ACI, CodeKind::Qr, None).expect("QR offline");

    // No signal: events are recorded and kept.
    faulty.set(Faults { offline: true, ..Faults::default() });
    phone.core.record_event(EventInput::new(ACI, EventKind::TripAcknowledged)).expect("ack");
    phone.core.record_event(EventInput::new(ACI, EventKind::DepartedOrigin)).expect("dep");
    phone.core.record_event(EventInput::new(ACI, EventKind::ArrivedAtBorder)).expect("arr");
    let e = phone.syncer.sync_once(0).await.expect_err("offline");
    assert!(matches!(e, SyncError::Retry { offline: true, .. }), "{e}");
    let status = phone.core.sync_status().expect("status");
    assert!(matches!(status.state, SyncState::Offline { .. }), "{status:?}");
    assert_eq!(status.pending, 3);

    // Signal is back.
    faulty.set(Faults::default());
    let (report, _) = phone.sync_until_ok(1).await;
    assert_eq!(report.uploaded, 3);
    let events = fleet.events(ACI).await;
    assert_eq!(events.len(), 3);
    let local: Vec<String> = phone
        .core
        .events(&EventFilter::default())
        .expect("events")
        .into_iter()
        .map(|e| e.event_id)
        .collect();
    assert_eq!(server_ids(&events), local, "each event exactly once, in device order");
    assert_eq!(phone.core.sync_status().expect("status").pending, 0);
    assert_eq!(phone.core.sync_status().expect("status").state, SyncState::Idle);
    assert!(events.iter().all(|e| e["flags"].as_array().expect("flags").is_empty()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lost_responses_on_30_percent_of_uploads_lose_and_duplicate_nothing() {
    let fleet = Fleet::start(Config::default()).await;
    fleet.push(&fresh_trip("aci-trip.json"), Some("D1")).await;
    let (phone, faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    record_n(&phone, ACI, 1000).await;
    faulty.set(Faults { drop_event_responses: 0.3, ..Faults::default() });
    let (report, tries) = phone.sync_until_ok(200).await;
    let events = fleet.events(ACI).await;
    let mut ids = server_ids(&events);
    ids.sort();
    ids.dedup();
    assert_eq!(events.len(), 1000);
    assert_eq!(ids.len(), 1000, "no duplicates on the server");
    let status = phone.core.sync_status().expect("status");
    assert_eq!((status.pending, status.dead), (0, 0));
    let lost = faulty.log.lock().expect("log").iter().filter(|l| l.3 == 0).count();
    println!(
        "T2 lost responses: 1000 events, {} sync attempts, {} requests, {lost} answers dropped, last run: {} uploaded + {} duplicates",
        tries,
        faulty.count(),
        report.uploaded,
        report.duplicates
    );
    assert!(lost > 0, "faults were injected");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replayed_and_shuffled_batches_give_the_same_result() {
    let fleet = Fleet::start(Config::default()).await;
    fleet.push(&fresh_trip("aci-trip.json"), Some("D1")).await;
    let (phone, faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    record_n(&phone, ACI, 1000).await;
    faulty.set(Faults { replay_events: true, ..Faults::default() });
    let (report, _) = phone.sync_until_ok(1).await;
    let events = fleet.events(ACI).await;
    assert_eq!(events.len(), 1000);
    let seqs: Vec<i64> = events.iter().map(|e| e["device_seq"].as_i64().expect("seq")).collect();
    assert_eq!(seqs, (1..=1000).collect::<Vec<_>>());
    println!(
        "T3 replays: 1000 events, {} requests through the fault layer (each upload sent 2-3x), phone saw {} accepted / {} duplicate",
        faulty.count(),
        report.uploaded,
        report.duplicates
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_poison_event_is_dead_lettered_and_the_queue_moves_on() {
    let fleet = Fleet::start(Config::default()).await;
    fleet.push(&fresh_trip("aci-trip.json"), Some("D1")).await;
    let (phone, _faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    // A trip the fleet never assigned to this driver (imported by hand on the phone).
    let mut stray = fresh_trip("ace-trip.json");
    stray["id"] = "T-NOT-MINE".into();
    phone.core.import_trip_json(stray.to_string().as_bytes()).expect("local import");
    record_n(&phone, ACI, 500).await;
    let mut poison = EventInput::new("T-NOT-MINE", EventKind::Exception);
    poison.note = Some("not my trip".into());
    let poison = phone.core.record_event(poison).expect("poison");
    record_n(&phone, ACI, 499).await;
    let (report, _) = phone.sync_until_ok(1).await;
    assert_eq!((report.uploaded, report.dead_lettered), (999, 1));
    assert_eq!(fleet.events(ACI).await.len(), 999);
    let dead: Vec<_> = phone
        .core
        .events(&EventFilter::default())
        .expect("events")
        .into_iter()
        .filter(|e| e.state == crossing_core::DeliveryState::Dead)
        .collect();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].event_id, poison.event_id);
    assert_eq!(dead[0].last_error.as_deref(), Some("UNKNOWN_TRIP"));
    // Never sent again.
    let (again, _) = phone.sync_until_ok(1).await;
    assert_eq!(again.uploaded + again.dead_lettered + again.duplicates, 0);
    assert_eq!(phone.core.sync_status().expect("status").dead, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_too_old_stops_with_the_queue_intact_and_no_tight_loop() {
    let fleet = Fleet::start(Config {
        min_client_version: Some("99.0".into()),
    })
    .await;
    fleet.push(&fresh_trip("aci-trip.json"), Some("D1")).await;
    let (phone, faulty) = fleet.phone();
    // The trip is not on the phone yet: record against a locally imported copy.
    phone.core.import_trip_json(fresh_trip("aci-trip.json").to_string().as_bytes()).expect("import");
    record_n(&phone, ACI, 20).await;
    let e = phone.syncer.sync_once(0).await.expect_err("too old");
    assert_eq!(e, SyncError::UpdateRequired);
    assert_eq!(phone.core.sync_status().expect("s").state, SyncState::UpdateRequired);
    assert_eq!(phone.core.sync_status().expect("s").pending, 20);
    // The service does not retry by itself after "update required".
    let service = Arc::new(SyncService::new(phone.syncer_clone()));
    let runner = { let s = Arc::clone(&service); tokio::spawn(async move { s.run().await }) };
    service.request_sync();
    crossing_integration_tests::fleet::eventually("one run", || service.runs() == 1).await;
    let before = faulty.count();
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(faulty.count(), before, "no request without a new trigger");
    assert_eq!(*service.subscribe().borrow(), SyncState::UpdateRequired);
    runner.abort();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn an_hour_of_503_retry_after_120_is_respected_with_jitter() {
    // The fault layer answers every request itself, so no real I/O runs under paused time.
    let fleet_dir = tempfile::tempdir().expect("tempdir");
    let core = Arc::new(crossing_core::Crossing::open(fleet_dir.path()).expect("core"));
    let faulty = Arc::new(crossing_integration_tests::fleet::Faulty::new(
        crossing_core::transport::HttpTransport::new("http://127.0.0.1:9").expect("transport"),
    ));
    faulty.set(Faults { outage_retry_after: Some(120), ..Faults::default() });
    let syncer = crossing_core::sync::Syncer::new(
        Arc::clone(&core),
        faulty.clone(),
        Arc::new(crossing_core::sync::StaticToken("t".into())),
        crossing_core::sync::SyncConfig::default(),
    );
    let service = Arc::new(SyncService::new(syncer));
    let runner = { let s = Arc::clone(&service); tokio::spawn(async move { s.run().await }) };
    let start = tokio::time::Instant::now();
    service.request_sync();
    // Network flaps during the outage must not break the server's Retry-After.
    for minute in 0..60u64 {
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
        if minute % 7 == 0 {
            service.network_available();
        }
    }
    let log = faulty.log.lock().expect("log").clone();
    let times: Vec<f64> = log.iter().map(|l| (l.0 - start).as_secs_f64()).collect();
    let gaps: Vec<f64> = times.windows(2).map(|w| w[1] - w[0]).collect();
    println!(
        "T4 outage: {} requests in 1 simulated hour; gaps min {:.1}s max {:.1}s",
        times.len(),
        gaps.iter().cloned().fold(f64::INFINITY, f64::min),
        gaps.iter().cloned().fold(0.0, f64::max)
    );
    assert!(times.len() >= 5, "it keeps trying: {times:?}");
    assert!(times.len() <= 30, "at most 30 requests in the hour: {}", times.len());
    assert!(gaps.iter().all(|g| *g >= 120.0), "no request within 120 s of a Retry-After: {gaps:?}");
    let mut distinct = gaps.iter().map(|g| (g * 1000.0) as i64).collect::<Vec<_>>();
    distinct.sort_unstable();
    distinct.dedup();
    assert!(distinct.len() > 1, "delays are jittered: {gaps:?}");
    assert!(matches!(*service.subscribe().borrow(), SyncState::BackingOff { .. }));
    runner.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_is_refreshed_exactly_once() {
    let fleet = Fleet::start(Config::default()).await;
    fleet.push(&fresh_trip("aci-trip.json"), Some("D1")).await;
    let stale = {
        let conn = crossing_fleet::store::open(&fleet.dir.path().join("fleet.db")).expect("db");
        let t = crossing_fleet::store::create_token(&conn, &crossing_fleet::store::NewToken::Driver("D1".into()))
            .expect("token");
        crossing_fleet::store::revoke_token(&conn, &t).expect("revoke");
        t
    };
    let tokens = Arc::new(crossing_integration_tests::fleet::ExpiringToken {
        stale: stale.clone(),
        fresh: Some(fleet.driver.clone()),
        refreshes: Default::default(),
    });
    let transport = Arc::new(crossing_core::transport::HttpTransport::new(&fleet.url).expect("t"));
    let phone = fleet.phone_with(transport.clone(), tokens.clone());
    let (report, _) = phone.sync_until_ok(1).await;
    assert_eq!(report.trips_updated, 1);
    assert_eq!(tokens.refreshes.load(std::sync::atomic::Ordering::Relaxed), 1);
    // If the refresh gives nothing usable: sign-in required, queue kept.
    let bad = Arc::new(crossing_integration_tests::fleet::ExpiringToken {
        stale: stale.clone(),
        fresh: Some(stale),
        refreshes: Default::default(),
    });
    let phone = fleet.phone_with(transport, bad.clone());
    phone.core.import_trip_json(fresh_trip("aci-trip.json").to_string().as_bytes()).expect("import");
    record_n(&phone, ACI, 3).await;
    assert_eq!(phone.syncer.sync_once(0).await.expect_err("refused"), SyncError::SignInRequired);
    assert_eq!(bad.refreshes.load(std::sync::atomic::Ordering::Relaxed), 1);
    let status = phone.core.sync_status().expect("status");
    assert_eq!((status.state, status.pending), (SyncState::SignInRequired, 3));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_single_transient_failure_is_retried_without_new_writes() {
    let fleet = Fleet::start(Config::default()).await;
    fleet.push(&fresh_trip("aci-trip.json"), Some("D1")).await;
    let (phone, faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    record_n(&phone, ACI, 10).await;
    faulty.set(Faults { fail_next: 1, ..Faults::default() });
    let service = Arc::new(SyncService::new(phone.syncer_clone()));
    let runner = { let s = Arc::clone(&service); tokio::spawn(async move { s.run().await }) };
    service.request_sync();
    // First run fails (injected reset); the service retries on its own (backoff ≤ 2 s).
    crossing_integration_tests::fleet::eventually("the queue to drain", || {
        phone.core.sync_status().map(|s| s.pending == 0).unwrap_or(false)
    })
    .await;
    assert_eq!(fleet.events(ACI).await.len(), 10);
    assert!(service.runs() >= 2);
    runner.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn triggers_coalesce_into_one_sync() {
    let fleet = Fleet::start(Config::default()).await;
    let (phone, faulty) = fleet.phone();
    let service = Arc::new(SyncService::new(phone.syncer_clone()));
    service.request_sync();
    service.request_sync();
    service.network_available();
    let runner = { let s = Arc::clone(&service); tokio::spawn(async move { s.run().await }) };
    crossing_integration_tests::fleet::eventually("a run", || service.runs() == 1).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(service.runs(), 1, "three triggers before the loop ran: one sync");
    assert!(faulty.count() >= 2, "register + pull");
    runner.abort();
}
