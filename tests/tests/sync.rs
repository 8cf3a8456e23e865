//! Sync against the real fleet server on loopback, with faults injected between phone and
//! server. Figures (events, requests, retries) are printed for the closing note.

use std::sync::Arc;

use crossing_core::sync::{SyncError, SyncService};
#[allow(unused_imports)]
use crossing_core::Progress;
use crossing_core::{planner::SyncState, CodeKind, EventFilter, EventInput, EventKind, TripState};
use crossing_fleet::Config;
use crossing_integration_tests::fleet::{Faults, Fleet, Phone};

/// The ACI example trip as fleet F1 pushes it, and as its driver's phone knows it (trip ids are
/// per fleet: the phone gets them qualified with the fleet).
const ACI: &str = "T-2026-11-0417";
const ACI_KEY: &str = "F1:T-2026-11-0417";

async fn record_n(phone: &Phone, trip: &str, n: usize) {
    for i in 0..n {
        let mut e = EventInput::new(trip, EventKind::Exception);
        e.note = Some(format!("note {i}"));
        phone.core.record_event(e).expect("record");
    }
}

fn server_ids(events: &[serde_json::Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["event_id"].as_str().expect("id").to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_sync_record_offline_sync_and_the_manager_sees_each_event_once() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, faulty) = fleet.phone();
    let (report, _) = phone.sync_until_ok(1).await;
    assert_eq!(report.trips_updated, 1);
    let view = phone.core.manifest_view(ACI_KEY).expect("view");
    assert_eq!(view.title, "ACI trip 1234TR261126001 → 0453");
    phone
        .core
        .border_code(ACI_KEY, CodeKind::Qr, None)
        .expect("QR offline");

    // No signal: events are recorded and kept.
    faulty.set(Faults {
        offline: true,
        ..Faults::default()
    });
    phone
        .core
        .record_event(EventInput::new(ACI_KEY, EventKind::TripAcknowledged))
        .expect("ack");
    phone
        .core
        .record_event(EventInput::new(ACI_KEY, EventKind::DepartedOrigin))
        .expect("dep");
    phone
        .core
        .record_event(EventInput::new(ACI_KEY, EventKind::ArrivedAtBorder))
        .expect("arr");
    let e = phone.syncer.sync_once(0).await.expect_err("offline");
    assert!(matches!(e, SyncError::Retry { offline: true, .. }), "{e}");
    let status = phone.core.sync_status().expect("status");
    assert!(
        matches!(status.state, SyncState::Offline { .. }),
        "{status:?}"
    );
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
    assert_eq!(
        server_ids(&events),
        local,
        "each event exactly once, in device order"
    );
    assert_eq!(phone.core.sync_status().expect("status").pending, 0);
    assert_eq!(
        phone.core.sync_status().expect("status").state,
        SyncState::Idle
    );
    assert!(events
        .iter()
        .all(|e| e["flags"].as_array().expect("flags").is_empty()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lost_responses_on_30_percent_of_uploads_lose_and_duplicate_nothing() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    // 3,000 events: six uploads of 500, each answer lost with probability 0.3 (the first always).
    record_n(&phone, ACI_KEY, 3000).await;
    faulty.set(Faults {
        drop_event_responses: 0.3,
        drop_first_event_response: true,
        ..Faults::default()
    });
    let (report, tries) = phone.sync_until_ok(200).await;
    let events = fleet.events(ACI).await;
    let mut ids = server_ids(&events);
    ids.sort();
    ids.dedup();
    assert_eq!(events.len(), 3000);
    assert_eq!(ids.len(), 3000, "no duplicates on the server");
    let status = phone.core.sync_status().expect("status");
    assert_eq!((status.pending, status.dead), (0, 0));
    let lost = faulty
        .log
        .lock()
        .expect("log")
        .iter()
        .filter(|l| l.3 == 0)
        .count();
    println!(
        "T2 lost responses: 3000 events, {} sync attempts, {} requests, {lost} answers dropped, last run: {} uploaded + {} duplicates",
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
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    record_n(&phone, ACI_KEY, 1000).await;
    faulty.set(Faults {
        replay_events: true,
        ..Faults::default()
    });
    let (report, _) = phone.sync_until_ok(1).await;
    let events = fleet.events(ACI).await;
    assert_eq!(events.len(), 1000);
    let seqs: Vec<i64> = events
        .iter()
        .map(|e| e["device_seq"].as_i64().expect("seq"))
        .collect();
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
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, _faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    // A trip the fleet never assigned to this driver (imported by hand on the phone).
    let mut stray = fleet.fresh_trip("ace-trip.json");
    stray["id"] = "T-NOT-MINE".into();
    phone
        .core
        .import_trip_json(stray.to_string().as_bytes())
        .expect("local import");
    record_n(&phone, ACI_KEY, 500).await;
    let mut poison = EventInput::new("T-NOT-MINE", EventKind::Exception);
    poison.note = Some("not my trip".into());
    let poison = phone.core.record_event(poison).expect("poison");
    record_n(&phone, ACI_KEY, 499).await;
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
        ..Config::default()
    })
    .await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, faulty) = fleet.phone();
    // The trip is not on the phone yet: record against a locally imported copy.
    phone
        .core
        .import_trip_json(fleet.fresh_trip("aci-trip.json").to_string().as_bytes())
        .expect("import");
    record_n(&phone, ACI, 20).await;
    let e = phone.syncer.sync_once(0).await.expect_err("too old");
    assert_eq!(e, SyncError::UpdateRequired);
    assert_eq!(
        phone.core.sync_status().expect("s").state,
        SyncState::UpdateRequired
    );
    assert_eq!(phone.core.sync_status().expect("s").pending, 20);
    // The service does not retry by itself after "update required".
    let service = Arc::new(SyncService::new(phone.syncer_clone()));
    let runner = {
        let s = Arc::clone(&service);
        tokio::spawn(async move { s.run().await })
    };
    service.request_sync();
    // `runs` counts a run when it starts; the state leaves Syncing when it has ended.
    crossing_integration_tests::fleet::eventually("one run, finished", || {
        service.runs() == 1 && *service.subscribe().borrow() == SyncState::UpdateRequired
    })
    .await;
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
    faulty.set(Faults {
        outage_retry_after: Some(120),
        ..Faults::default()
    });
    let syncer = crossing_core::sync::Syncer::new(
        Arc::clone(&core),
        faulty.clone(),
        Arc::new(crossing_core::sync::StaticToken("t".into())),
        crossing_core::sync::SyncConfig::default(),
    );
    let service = Arc::new(SyncService::new(syncer));
    let runner = {
        let s = Arc::clone(&service);
        tokio::spawn(async move { s.run().await })
    };
    let start = tokio::time::Instant::now();
    service.request_sync();
    // Network flaps during the outage must not break the server's Retry-After.
    for minute in 0..60u64 {
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
        if minute % 7 == 0 {
            service.request_sync();
        }
    }
    let log = faulty.log.lock().expect("log").clone();
    let times: Vec<f64> = log.iter().map(|l| (l.0 - start).as_secs_f64()).collect();
    // Gaps are measured as exact `Duration`s: differences of f64 offsets drift by ~1e-13 s,
    // which read an exact 120 s gap as 119.99999999999989 s.
    let exact_gaps: Vec<std::time::Duration> = log.windows(2).map(|w| w[1].0 - w[0].0).collect();
    let gaps: Vec<f64> = exact_gaps.iter().map(|g| g.as_secs_f64()).collect();
    println!(
        "T4 outage: {} requests in 1 simulated hour; gaps min {:.1}s max {:.1}s",
        times.len(),
        gaps.iter().cloned().fold(f64::INFINITY, f64::min),
        gaps.iter().cloned().fold(0.0, f64::max)
    );
    assert!(times.len() >= 5, "it keeps trying: {times:?}");
    assert!(
        times.len() <= 30,
        "at most 30 requests in the hour: {}",
        times.len()
    );
    assert!(
        exact_gaps
            .iter()
            .all(|g| *g >= std::time::Duration::from_secs(120)),
        "no request within 120 s of a Retry-After: {gaps:?}"
    );
    let mut distinct = gaps.iter().map(|g| (g * 1000.0) as i64).collect::<Vec<_>>();
    distinct.sort_unstable();
    distinct.dedup();
    assert!(distinct.len() > 1, "delays are jittered: {gaps:?}");
    assert!(matches!(
        *service.subscribe().borrow(),
        SyncState::BackingOff { .. }
    ));
    runner.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_is_refreshed_exactly_once() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let stale = {
        let conn = crossing_fleet::store::open(&fleet.dir.path().join("fleet.db")).expect("db");
        let t = crossing_fleet::store::create_token(
            &conn,
            &crossing_fleet::store::NewToken::Driver("D1".into()),
            fleet.state.now(),
        )
        .expect("token");
        crossing_fleet::store::revoke_token(&conn, &t, fleet.state.now()).expect("revoke");
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
    assert_eq!(
        tokens.refreshes.load(std::sync::atomic::Ordering::Relaxed),
        1
    );
    // If the refresh gives nothing usable: sign-in required, queue kept.
    let bad = Arc::new(crossing_integration_tests::fleet::ExpiringToken {
        stale: stale.clone(),
        fresh: Some(stale),
        refreshes: Default::default(),
    });
    let phone = fleet.phone_with(transport, bad.clone());
    phone
        .core
        .import_trip_json(fleet.fresh_trip("aci-trip.json").to_string().as_bytes())
        .expect("import");
    record_n(&phone, ACI, 3).await;
    assert_eq!(
        phone.syncer.sync_once(0).await.expect_err("refused"),
        SyncError::SignInRequired
    );
    assert_eq!(bad.refreshes.load(std::sync::atomic::Ordering::Relaxed), 1);
    let status = phone.core.sync_status().expect("status");
    assert_eq!(
        (status.state, status.pending),
        (SyncState::SignInRequired, 3)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_single_transient_failure_is_retried_without_new_writes() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    record_n(&phone, ACI_KEY, 10).await;
    faulty.set(Faults {
        fail_next: 1,
        ..Faults::default()
    });
    let service = Arc::new(SyncService::new(phone.syncer_clone()));
    let runner = {
        let s = Arc::clone(&service);
        tokio::spawn(async move { s.run().await })
    };
    service.request_sync();
    // First run fails (injected reset); the service retries on its own (backoff ≤ 2 s).
    crossing_integration_tests::fleet::eventually("the queue to drain", || {
        phone
            .core
            .sync_status()
            .map(|s| s.pending == 0)
            .unwrap_or(false)
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
    service.request_sync();
    let runner = {
        let s = Arc::clone(&service);
        tokio::spawn(async move { s.run().await })
    };
    crossing_integration_tests::fleet::eventually("a run, finished", || {
        service.runs() == 1 && *service.subscribe().borrow() == SyncState::Idle
    })
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        service.runs(),
        1,
        "three triggers before the loop ran: one sync"
    );
    assert!(faulty.count() >= 2, "register + pull");
    runner.abort();
}

/// The driver's trips as the server sees them: id → version, active only.
async fn server_view(fleet: &Fleet) -> std::collections::BTreeMap<String, i64> {
    let (status, body) = fleet
        .request("GET", "/v1/fleet/trips", Some(&fleet.manager), None)
        .await;
    assert_eq!(status, 200);
    let trips: Vec<serde_json::Value> = serde_json::from_str(&body).expect("trips");
    trips
        .iter()
        .filter(|t| t["state"] == "active" && t["driver"] == "D1")
        .map(|t| {
            (
                format!("F1:{}", t["id"].as_str().expect("id")),
                t["version"].as_i64().expect("v"),
            )
        })
        .collect()
}

fn phone_view(phone: &Phone) -> std::collections::BTreeMap<String, i64> {
    phone
        .core
        .trips()
        .expect("trips")
        .into_iter()
        .filter(|t| t.state == TripState::Active)
        .map(|t| (t.id, t.version))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cursor_and_pages_stay_atomic_when_pulls_fail_between_pages() {
    let fleet = Fleet::start(Config::default()).await;
    let (phone, faulty) = fleet.phone();
    let base = fleet.fresh_trip("aci-trip.json");
    let mut changes = 0;
    let mut seen_versions: std::collections::HashMap<String, i64> = Default::default();
    let mut failures = 0;
    for round in 0..40 {
        // 50+ changes per round: creations, amendments, cancellations, reassignments.
        for i in 0..50 {
            let id = format!("T-{i:03}");
            let mut doc = base.clone();
            doc["id"] = id.clone().into();
            doc["tripNumber"] = format!("1234R{round:02}N{i:04}").into();
            doc["version"] = (round + 1).into();
            fleet.push(&doc, Some("D1")).await;
            changes += 1;
            match (round + i) % 9 {
                0 => {
                    fleet
                        .request(
                            "POST",
                            &format!("/v1/fleet/trips/{id}/cancel"),
                            Some(&fleet.manager),
                            None,
                        )
                        .await;
                    changes += 1;
                }
                1 => {
                    fleet
                        .request(
                            "POST",
                            &format!("/v1/fleet/trips/{id}/unassign"),
                            Some(&fleet.manager),
                            None,
                        )
                        .await;
                    changes += 1;
                }
                2 => {
                    let body = serde_json::json!({"driver": "D2"}).to_string();
                    fleet
                        .request(
                            "POST",
                            &format!("/v1/fleet/trips/{id}/assign"),
                            Some(&fleet.manager),
                            Some(body),
                        )
                        .await;
                    let body = serde_json::json!({"driver": "D1"}).to_string();
                    fleet
                        .request(
                            "POST",
                            &format!("/v1/fleet/trips/{id}/assign"),
                            Some(&fleet.manager),
                            Some(body),
                        )
                        .await;
                    changes += 2;
                }
                _ => {}
            }
            if i % 25 == 24 {
                // Pull with a failure between pages (every 3rd page request is dropped).
                faulty.set(Faults {
                    fail_every_nth_changes: Some(3),
                    ..Faults::default()
                });
                loop {
                    match phone.syncer.sync_once(0).await {
                        Ok(_) => break,
                        Err(SyncError::Retry { .. }) => failures += 1,
                        Err(e) => panic!("{e}"),
                    }
                    for t in phone.core.trips().expect("trips") {
                        let last = seen_versions.entry(t.id.clone()).or_insert(0);
                        assert!(
                            t.version >= *last,
                            "{} went back from v{} to v{}",
                            t.id,
                            last,
                            t.version
                        );
                        *last = t.version;
                    }
                }
            }
        }
    }
    faulty.set(Faults::default());
    phone.sync_until_ok(1).await;
    assert_eq!(phone_view(&phone), server_view(&fleet).await);
    println!("T9 cursor atomicity: {changes} trip changes, {failures} pulls failed between pages, final views equal");
    assert!(changes >= 2000, "{changes}");
    assert!(failures > 10);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_cursor_re_pulls_everything_and_keeps_the_outbox() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let mut ace = fleet.fresh_trip("ace-trip.json");
    fleet.push(&ace, Some("D1")).await;
    let (phone, _faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    record_n(&phone, ACI_KEY, 5).await;
    // While the phone is away: the ACE trip is amended, the ACI one unassigned, the log compacted.
    ace["version"] = 3.into();
    fleet.push(&ace, Some("D1")).await;
    fleet
        .request(
            "POST",
            &format!("/v1/fleet/trips/{ACI}/unassign"),
            Some(&fleet.manager),
            None,
        )
        .await;
    fleet
        .state
        .with_db(|c| crossing_fleet::store::compact_feed(c, "D1"))
        .await
        .expect("compact");
    let report = phone.syncer.sync_once(0).await.expect("sync");
    assert!(report.resynced, "410 led to a full re-pull");
    assert_eq!(phone_view(&phone), server_view(&fleet).await);
    assert_eq!(
        phone.core.trip(ACI_KEY).expect("tombstone").summary.state,
        TripState::Unassigned
    );
    // The events recorded on the (then assigned) trip were delivered before the pull.
    assert_eq!(fleet.events(ACI).await.len(), 5);
    assert_eq!(phone.core.sync_status().expect("s").pending, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn amendments_are_flagged_shown_and_cleared_by_acknowledging() {
    let fleet = Fleet::start(Config::default()).await;
    let mut doc = fleet.fresh_trip("aci-trip.json");
    fleet.push(&doc, Some("D1")).await;
    let (phone, _faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    phone
        .core
        .record_event(EventInput::new(ACI_KEY, EventKind::TripAcknowledged))
        .expect("ack v1");
    let qr_v1 = phone
        .core
        .border_code(ACI_KEY, CodeKind::Qr, None)
        .expect("qr");
    // The fleet amends to v2 (new trip number, a shipment removed) while the phone still shows v1.
    doc["version"] = 2.into();
    doc["tripNumber"] = "1234TR261126009".into();
    doc["shipments"]
        .as_array_mut()
        .expect("shipments")
        .remove(2);
    fleet.push(&doc, Some("D1")).await;
    phone
        .core
        .record_event(EventInput::new(ACI_KEY, EventKind::DepartedOrigin))
        .expect("on v1");
    phone.sync_until_ok(1).await;
    let events = fleet.events(ACI).await;
    assert_eq!(events[1]["kind"], "departed_origin");
    assert_eq!(
        events[1]["flags"],
        serde_json::json!(["stale_trip_version"])
    );
    let view = phone.core.manifest_view(ACI_KEY).expect("view");
    let a = view.amendment.expect("amendment banner");
    assert_eq!((a.from_version, a.to_version), (1, 2));
    assert_eq!(
        a.changes,
        ["Trip number: 1234TR261126001 → 1234TR261126009"]
    );
    assert_eq!(a.shipments_removed, ["1234BND261126003"]);
    assert!(a.codes_changed);
    let qr_v2 = phone
        .core
        .border_code(ACI_KEY, CodeKind::Qr, None)
        .expect("qr");
    assert_eq!(
        (qr_v2.trip_version, qr_v2.payload.as_str()),
        (2, "1234TR261126009")
    );
    assert_ne!(qr_v1.matrix, qr_v2.matrix, "the code re-rendered");
    assert!(view.status.needs_acknowledgement);
    phone
        .core
        .record_event(EventInput::new(ACI_KEY, EventKind::TripAcknowledged))
        .expect("ack v2");
    let view = phone.core.manifest_view(ACI_KEY).expect("view");
    assert!(view.amendment.is_none() && !view.status.needs_acknowledgement);
    phone.sync_until_ok(1).await;
    assert_eq!(fleet.events(ACI).await[2]["flags"], serde_json::json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancellation_removes_personal_data_at_the_next_sync_and_late_events_are_flagged() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    faulty.set(Faults {
        offline: true,
        ..Faults::default()
    });
    phone
        .core
        .record_event(EventInput::new(ACI_KEY, EventKind::ArrivedAtBorder))
        .expect("offline event");
    fleet
        .request(
            "POST",
            &format!("/v1/fleet/trips/{ACI}/cancel"),
            Some(&fleet.manager),
            None,
        )
        .await;
    faulty.set(Faults::default());
    let (report, _) = phone.sync_until_ok(1).await;
    assert_eq!(report.trips_removed, 1);
    let trip = phone.core.trip(ACI_KEY).expect("tombstone");
    assert_eq!(trip.summary.state, TripState::Cancelled);
    assert!(trip.manifest.is_none());
    for f in ["cache.db", "cache.db-wal"] {
        let bytes = std::fs::read(phone.dir.path().join(f)).unwrap_or_default();
        assert!(
            !bytes.windows(8).any(|w| w == b"Tremblay"),
            "{f} still holds the driver's name"
        );
    }
    let events = fleet.events(ACI).await;
    assert_eq!(events[0]["flags"], serde_json::json!(["trip_cancelled"]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_a_sync_at_any_await_point_loses_and_duplicates_nothing() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, faulty) = fleet.phone();
    record_after_first_pull(&phone).await;
    let mut cancelled = 0;
    for k in 0..40u64 {
        record_n(&phone, ACI_KEY, 7).await;
        // Drop the sync after a random, short time: inside a request, between requests, or
        // after the server committed but before the phone applied the answer.
        let delay = std::time::Duration::from_micros(200 + fastrand::u64(0..(3000 + k * 200)));
        if tokio::time::timeout(delay, phone.syncer.sync_once(0))
            .await
            .is_err()
        {
            cancelled += 1;
        }
    }
    faulty.set(Faults::default());
    phone.sync_until_ok(3).await;
    let events = fleet.events(ACI).await;
    let mut ids = server_ids(&events);
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!((n, ids.len()), (280, 280), "every event once");
    assert_eq!(phone.core.sync_status().expect("s").pending, 0);
    println!("T20 cancellation: 280 events, {cancelled} of 40 syncs dropped mid-flight, server holds each once");
    assert!(cancelled > 0);
}

async fn record_after_first_pull(phone: &Phone) {
    phone.sync_until_ok(1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drivers_and_managers_see_only_their_own() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    // Driver D2 cannot read D1's trip, nor see it in the feed, nor post events to it.
    let (s, body) = fleet
        .request(
            "GET",
            &format!("/v1/trips/{ACI}"),
            Some(&fleet.other_driver),
            None,
        )
        .await;
    assert_eq!(s, 404, "{body}");
    let (s, body) = fleet
        .request("GET", "/v1/changes", Some(&fleet.other_driver), None)
        .await;
    assert_eq!(s, 200);
    assert!(!body.contains(ACI), "{body}");
    let dev = uuid_v4();
    let reg = serde_json::json!({"device_id": dev, "platform": "test", "app_version": "0.1.0"})
        .to_string();
    assert_eq!(
        fleet
            .request("POST", "/v1/devices", Some(&fleet.other_driver), Some(reg))
            .await
            .0,
        200
    );
    let upload = serde_json::json!({"device_id": dev, "sent_at": fleet.now_rfc3339(), "events": [{
        "event_id": "0190aaaa-0000-7000-8000-0000000000aa", "device_seq": 1, "trip_id": ACI,
        "trip_version_seen": 1, "kind": "released", "occurred_at": fleet.now_rfc3339()}]});
    let (s, body) = fleet
        .request(
            "POST",
            "/v1/events",
            Some(&fleet.other_driver),
            Some(upload.to_string()),
        )
        .await;
    assert_eq!(s, 200);
    assert!(
        body.contains("\"status\":\"rejected\"") && body.contains("UNKNOWN_TRIP"),
        "{body}"
    );
    assert!(fleet.events(ACI).await.is_empty());
    // D2's device cannot be used with D1's token.
    let (s, body) = fleet
        .request(
            "POST",
            "/v1/events",
            Some(&fleet.driver),
            Some(upload.to_string()),
        )
        .await;
    assert_eq!(s, 403, "{body}");
    // The other fleet's manager sees nothing of F1.
    let (s, body) = fleet
        .request("GET", "/v1/fleet/trips", Some(&fleet.other_manager), None)
        .await;
    assert_eq!((s, body.as_str()), (200, "[]"));
    for path in [format!("/v1/fleet/trips/{ACI}/events")] {
        assert_eq!(
            fleet
                .request("GET", &path, Some(&fleet.other_manager), None)
                .await
                .0,
            404
        );
    }
    assert_eq!(
        fleet
            .request(
                "POST",
                &format!("/v1/fleet/trips/{ACI}/cancel"),
                Some(&fleet.other_manager),
                None
            )
            .await
            .0,
        404
    );
    let (s, _) = fleet
        .request(
            "POST",
            "/v1/fleet/trips",
            Some(&fleet.other_manager),
            Some(fleet.fresh_trip("aci-trip.json").to_string()),
        )
        .await;
    // Trip ids are per fleet (issue 11, D6): F2's push of the same id is F2's own trip, with no
    // hint that F1 uses the id, and F1's trip is untouched.
    assert_eq!(s, 201, "another fleet may use the same trip id");
    let (_, f1) = fleet
        .request("GET", "/v1/fleet/trips", Some(&fleet.manager), None)
        .await;
    let f1: serde_json::Value = serde_json::from_str(&f1).expect("json");
    assert_eq!(f1.as_array().map(Vec::len), Some(1));
    assert_eq!(f1[0]["driver"], "D1");
    // Roles: a driver cannot push, a manager cannot pull a driver's feed; no token, no entry.
    assert_eq!(
        fleet
            .request("GET", "/v1/fleet/trips", Some(&fleet.driver), None)
            .await
            .0,
        403
    );
    assert_eq!(
        fleet
            .request("GET", "/v1/changes", Some(&fleet.manager), None)
            .await
            .0,
        403
    );
    assert_eq!(fleet.request("GET", "/v1/changes", None, None).await.0, 401);
    assert_eq!(
        fleet
            .request("GET", "/v1/changes", Some("crd_not-a-token"), None)
            .await
            .0,
        401
    );
}

fn uuid_v4() -> String {
    let mut b = [0u8; 16];
    for x in &mut b {
        *x = fastrand::u8(..);
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_page_never_advances_the_cursor() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    let cursor_before = phone.core.trips().expect("trips");
    let mut amended = fleet.fresh_trip("aci-trip.json");
    amended["version"] = 2.into();
    fleet.push(&amended, Some("D1")).await;
    faulty.set(Faults {
        corrupt_pages: true,
        ..Faults::default()
    });
    let e = phone.syncer.sync_once(0).await.expect_err("bad page");
    assert!(
        e.to_string().contains("change page refused, cursor kept"),
        "{e}"
    );
    assert!(e.to_string().contains("portOfEntry"), "{e}");
    assert_eq!(
        phone.core.trips().expect("trips"),
        cursor_before,
        "nothing applied"
    );
    faulty.set(Faults::default());
    phone.sync_until_ok(1).await;
    assert_eq!(
        phone.core.trip(ACI_KEY).expect("trip").summary.version,
        2,
        "the same page applies once it is sound"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_request_400_stops_with_the_queue_intact() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, faulty) = fleet.phone();
    phone.sync_until_ok(1).await;
    record_n(&phone, ACI_KEY, 1000).await;
    faulty.set(Faults {
        events_status: Some(400),
        ..Faults::default()
    });
    let before = faulty.count();
    let e = phone.syncer.sync_once(0).await.expect_err("400");
    match &e {
        SyncError::Stop { after, .. } => {
            assert!(after.as_secs() >= 3600, "long backoff, no tight loop")
        }
        other => panic!("{other}"),
    }
    assert_eq!(faulty.count() - before, 1, "one request, no retry loop");
    let status = phone.core.sync_status().expect("status");
    assert_eq!((status.pending, status.dead), (1000, 0), "queue intact");
    assert!(matches!(status.state, SyncState::BackingOff { .. }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recording_while_a_sync_applies_a_thousand_trips_never_sees_busy() {
    let fleet = Fleet::start(Config::default()).await;
    let base = fleet.fresh_trip("ace-trip.json");
    for i in 0..1000 {
        let mut doc = base.clone();
        doc["id"] = format!("T-C{i:04}").into();
        doc["tripNumber"] = format!("NRTH7{i:06}").into();
        fleet.push(&doc, Some("D1")).await;
    }
    let (phone, _faulty) = fleet.phone();
    phone
        .core
        .import_trip_json(fleet.fresh_trip("aci-trip.json").to_string().as_bytes())
        .expect("local trip");
    let core = Arc::clone(&phone.core);
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let recorder = std::thread::spawn(move || {
        let mut latencies = Vec::new();
        while !flag.load(std::sync::atomic::Ordering::Relaxed) {
            let t = std::time::Instant::now();
            let mut e = EventInput::new(ACI, EventKind::Exception);
            e.note = Some("while syncing".into());
            core.record_event(e)
                .expect("no error may reach the caller while a sync runs");
            latencies.push(t.elapsed());
            std::thread::sleep(std::time::Duration::from_millis(3));
        }
        latencies
    });
    let report = phone.syncer.sync_once(0).await.expect("sync");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut latencies = recorder.join().expect("recorder");
    latencies.sort();
    assert!(report.trips_updated >= 1000, "{report:?}");
    assert!(!latencies.is_empty());
    println!(
        "T15 concurrency: {} events recorded during a sync of {} trips, 0 errors; record latency p50 {:?}, max {:?}",
        latencies.len(),
        report.trips_updated,
        latencies[latencies.len() / 2],
        latencies[latencies.len() - 1]
    );
}
