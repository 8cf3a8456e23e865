//! What the outside attack of 2026-12-01 found (issue 11; the defects with their tests: `docs/reliability.md`),
//! each against a real fleet server on loopback and real phones. Every test here failed on the
//! commit the review was made against (76f3b8f).

use std::sync::Arc;

use crossing_core::sync::{StaticToken, SyncConfig, Syncer};
use crossing_core::{Crossing, DeliveryState, EventFilter, EventInput, EventKind, FixedClock};
use crossing_fleet::{store, AppState, Config};
use crossing_integration_tests::fleet::Fleet;
use serde_json::{json, Value};

const ACI: &str = "T-2026-11-0417";
/// The trip as a phone synced from fleet F1 knows it (trip ids are per fleet).
const ACI_KEY: &str = "F1:T-2026-11-0417";

/// A fleet whose server and phones share a clock that stands still until the test moves it.
async fn fleet_on_fixed_clock() -> (Fleet, Arc<FixedClock>) {
    let clock = FixedClock::parse("2026-11-25T08:00:00-05:00").expect("clock");
    let fleet = Fleet::start(Config {
        clock: clock.clone(),
        ..Config::default()
    })
    .await;
    (fleet, clock)
}

fn parse(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// D1: a manager can give trips only to drivers on its fleet's roster.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_fleets_manager_cannot_put_a_trip_on_a_driver() {
    let fleet = Fleet::start(Config::default()).await;
    let mut doc = fleet.fresh_trip("ace-trip.json");
    doc["id"] = "F2-INJECT".into();
    // Fleet F2 pushes straight to F1's driver D1 ...
    let (status, body) = fleet
        .request(
            "POST",
            "/v1/fleet/trips?driver=D1",
            Some(&fleet.other_manager),
            Some(doc.to_string()),
        )
        .await;
    assert_eq!(status, 404, "{body}");
    assert_eq!(parse(&body)["field"], "driver");
    // ... or pushes to its own driver, then reassigns to D1.
    let (status, _) = fleet
        .request(
            "POST",
            "/v1/fleet/trips?driver=D3",
            Some(&fleet.other_manager),
            Some(doc.to_string()),
        )
        .await;
    assert_eq!(status, 201);
    for driver in ["D1", "D2", "nobody"] {
        let (status, body) = fleet
            .request(
                "POST",
                "/v1/fleet/trips/F2-INJECT/assign",
                Some(&fleet.other_manager),
                Some(json!({ "driver": driver }).to_string()),
            )
            .await;
        assert_eq!(status, 404, "assign to {driver}: {body}");
    }
    // D1's phone never sees it: its only trip is F1's.
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, _) = fleet.phone();
    phone.sync_until_ok(3).await;
    let ids: Vec<String> = phone
        .core
        .trips()
        .expect("trips")
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(ids, [ACI_KEY]);
    assert_eq!(phone.core.resolve_trip_id(None).expect("current"), ACI_KEY);
}

/// D1: events for a trip taken away while the phone was offline are kept (flagged) if they were
/// recorded while it was the driver's, refused (dead-lettered, still on the phone) if later.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_of_a_trip_taken_away_offline_are_kept_flagged_or_refused() {
    let (fleet, clock) = fleet_on_fixed_clock().await;
    fleet
        .push(
            &crossing_integration_tests::example_value("aci-trip.json"),
            Some("D1"),
        )
        .await;
    let (phone, _) = fleet.phone();
    phone.sync_until_ok(3).await;
    // Offline: the driver records an event; meanwhile the fleet gives the trip to D2.
    let kept = phone
        .core
        .record_event(EventInput::new(ACI_KEY, EventKind::DepartedOrigin))
        .expect("record");
    clock.advance(chrono::Duration::minutes(30));
    let (status, _) = fleet
        .request(
            "POST",
            &format!("/v1/fleet/trips/{ACI}/assign"),
            Some(&fleet.manager),
            Some(json!({"driver": "D2"}).to_string()),
        )
        .await;
    assert_eq!(status, 204);
    // An hour later, still before the phone has heard of it, the driver records again.
    clock.advance(chrono::Duration::hours(1));
    let late = phone
        .core
        .record_event(EventInput::new(ACI_KEY, EventKind::ArrivedAtBorder))
        .expect("record");
    let (report, _) = phone.sync_until_ok(3).await;
    assert_eq!((report.uploaded, report.dead_lettered), (1, 1));
    let events = phone.core.events(&EventFilter::default()).expect("events");
    let state = |id: &str| {
        let e = events.iter().find(|e| e.event_id == id).expect("event");
        (e.state, e.last_error.clone())
    };
    assert_eq!(state(&kept.event_id).0, DeliveryState::Sent);
    let (late_state, why) = state(&late.event_id);
    assert_eq!(late_state, DeliveryState::Dead);
    assert!(why.unwrap_or_default().contains("NOT_ASSIGNED"));
    // The manager sees the kept one, flagged.
    let server = fleet.events(ACI).await;
    assert_eq!(server.len(), 1, "{server:?}");
    assert_eq!(server[0]["event_id"], kept.event_id.as_str());
    assert_eq!(server[0]["flags"], json!(["unassigned"]));
    // The trip left the phone.
    assert_eq!(
        phone.core.trip(ACI_KEY).expect("trip").summary.state,
        crossing_core::TripState::Unassigned
    );
}

/// A server on a fixed address over a database file, restartable on another file.
struct Server {
    handle: Option<crossing_fleet::ServerHandle>,
    addr: std::net::SocketAddr,
}

impl Server {
    async fn start(db: &std::path::Path, addr: &str) -> Server {
        let conn = store::open(db).expect("db");
        let handle = crossing_fleet::spawn_on(addr, AppState::new(conn, Config::default()))
            .await
            .expect("listen");
        Server {
            addr: handle.addr,
            handle: Some(handle),
        }
    }

    async fn stop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.stop().await;
        }
    }
}

async fn push(url: &str, manager: &str, doc: &Value, path: &str) -> u16 {
    reqwest::Client::new()
        .post(format!("{url}{path}"))
        .header("authorization", format!("Bearer {manager}"))
        .body(doc.to_string())
        .send()
        .await
        .expect("push")
        .status()
        .as_u16()
}

fn trip(n: u32) -> Value {
    let mut doc = crossing_integration_tests::fleet::trip_for_tomorrow(
        "ace-trip.json",
        &crossing_core::SystemClock,
    );
    doc["id"] = format!("R-{n}").into();
    doc["tripNumber"] = format!("NRTH20261127{n:05}").into();
    doc
}

fn active_ids(core: &Crossing) -> Vec<String> {
    core.trips()
        .expect("trips")
        .into_iter()
        .filter(|t| t.state == crossing_core::TripState::Active)
        .map(|t| t.id)
        .collect()
}

/// D3: after the fleet database is restored from a backup, phones that synced since the backup
/// re-pull a snapshot (410) instead of trusting cursors of a history the backup never had, and
/// see trips pushed after the restore.
/// Both a backup made with `store::backup` (new epoch) and a raw file copy (same epoch, the
/// phone's cursor above the log) are caught.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restored_backup_makes_phones_pull_a_fresh_snapshot() {
    crossing_core::transport::install_crypto_provider();
    for how in ["store::backup", "raw copy"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("fleet.db");
        let now = chrono::Utc::now();
        let (manager, driver) = {
            let conn = store::open(&db).expect("db");
            let m =
                store::create_token(&conn, &store::NewToken::Manager("F1".into()), now).expect("m");
            let d =
                store::create_token(&conn, &store::NewToken::Driver("D1".into()), now).expect("d");
            store::add_to_roster(&conn, "F1", "D1", now).expect("roster");
            (m, d)
        };
        let mut server = Server::start(&db, "127.0.0.1:0").await;
        let url = format!("http://{}", server.addr);
        let phone_dir = tempfile::tempdir().expect("tempdir");
        let core = Arc::new(Crossing::open(phone_dir.path()).expect("phone"));
        let syncer = Syncer::over_http(
            Arc::clone(&core),
            &url,
            Arc::new(StaticToken(driver.clone())),
            SyncConfig::default(),
        )
        .expect("syncer");
        for n in 1..=2 {
            assert_eq!(
                push(&url, &manager, &trip(n), "/v1/fleet/trips?driver=D1").await,
                201
            );
        }
        syncer.sync_once(0).await.expect("sync");
        // The backup, taken now.
        let backup = dir.path().join("backup.db");
        if how == "store::backup" {
            store::backup(&store::open(&db).expect("db"), &backup).expect("backup");
        } else {
            server.stop().await;
            std::fs::copy(&db, &backup).expect("copy");
            server = Server::start(&db, &server.addr.to_string()).await;
        }
        // After the backup: pushed, R-1 cancelled; the phone follows.
        for n in 3..=4 {
            assert_eq!(
                push(&url, &manager, &trip(n), "/v1/fleet/trips?driver=D1").await,
                201
            );
        }
        assert_eq!(
            push(&url, &manager, &json!({}), "/v1/fleet/trips/R-1/cancel").await,
            204
        );
        syncer.sync_once(0).await.expect("sync");
        assert_eq!(active_ids(&core), ["F1:R-2", "F1:R-3", "F1:R-4"]);
        // Disaster: the database is restored from the backup, and work goes on: R-5 is pushed.
        server.stop().await;
        std::fs::copy(&backup, &db).expect("restore");
        for ext in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
        }
        let server = Server::start(&db, &server.addr.to_string()).await;
        assert_eq!(
            push(&url, &manager, &trip(5), "/v1/fleet/trips?driver=D1").await,
            201
        );
        let report = syncer.sync_once(0).await.expect("sync after restore");
        // The phone follows the restored server: active, which the
        // restored server never had, are tombstoned. R-1 stays cancelled on the phone: a phone
        // never revives a cancelled version (the fleet pushes a new version to reactivate it), so
        // a restore cannot put a cancelled trip back in front of an officer.
        assert!(report.resynced, "{how}: the phone re-pulled a snapshot");
        assert_eq!(active_ids(&core), ["F1:R-2", "F1:R-5"], "{how}: {report:?}");
        let state = |id: &str| core.trip(id).expect("trip").summary.state;
        assert_eq!(state("F1:R-1"), crossing_core::TripState::Cancelled);
        assert_eq!(state("F1:R-3"), crossing_core::TripState::Unassigned);
        assert_eq!(state("F1:R-4"), crossing_core::TripState::Unassigned);
        drop(server);
    }
}

/// D5, D9, D15: one UUID has one spelling; a resent id with other facts is a conflict the
/// phone is told and the manager sees; another driver's ids are never confirmed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn event_ids_are_canonical_and_conflicts_are_not_hidden() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let mut other = fleet.fresh_trip("ace-trip.json");
    other["id"] = "T-D2".into();
    fleet.push(&other, Some("D2")).await;
    let register = |dev: &'static str, token: String| {
        let fleet = &fleet;
        async move {
            fleet
                .request(
                    "POST",
                    "/v1/devices",
                    Some(&token),
                    Some(
                        json!({"device_id": dev, "platform": "t", "app_version": "1"}).to_string(),
                    ),
                )
                .await
        }
    };
    let dev1 = "0190aaaa-0000-4000-8000-0000000000d1";
    let dev2 = "0190aaaa-0000-4000-8000-0000000000d2";
    assert_eq!(register(dev1, fleet.driver.clone()).await.0, 200);
    assert_eq!(register(dev2, fleet.other_driver.clone()).await.0, 200);
    // A device id in another spelling is not another device.
    let (status, body) =
        register("0190AAAA-0000-4000-8000-0000000000D2", fleet.driver.clone()).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(parse(&body)["field"], "device_id");

    let upload = |token: &String, dev: &str, events: Value| {
        let body = json!({"device_id": dev, "sent_at": fleet.now_rfc3339(), "events": events});
        let token = token.clone();
        let fleet = &fleet;
        async move {
            let (status, body) = fleet
                .request("POST", "/v1/events", Some(&token), Some(body.to_string()))
                .await;
            assert_eq!(status, 200, "{body}");
            parse(&body)["results"].clone()
        }
    };
    let now = fleet.now_rfc3339();
    let event = |id: &str, trip: &str, kind: &str, port: &str| {
        json!({"event_id": id, "device_seq": 1, "trip_id": trip, "trip_version_seen": 1,
               "kind": kind, "port": port, "occurred_at": now})
    };
    let x = "0190cccc-0000-7000-8000-000000000001";
    let r = upload(
        &fleet.driver,
        dev1,
        json!([event(x, ACI, "arrived_at_border", "0453")]),
    )
    .await;
    assert_eq!(r[0]["status"], "accepted");
    // The same id and facts: a duplicate.
    let r = upload(
        &fleet.driver,
        dev1,
        json!([event(x, ACI, "arrived_at_border", "0453")]),
    )
    .await;
    assert_eq!(r[0]["status"], "duplicate");
    // The same id, other facts: a conflict, and the stored event says so.
    let r = upload(
        &fleet.driver,
        dev1,
        json!([event(x, ACI, "released", "0427")]),
    )
    .await;
    assert_eq!(
        (r[0]["status"].as_str(), r[0]["code"].as_str()),
        (Some("rejected"), Some("CONFLICT"))
    );
    assert_eq!(r[0]["retryable"], false);
    let server = fleet.events(ACI).await;
    assert_eq!(server.len(), 1);
    assert_eq!(server[0]["kind"], "arrived_at_border");
    assert_eq!(server[0]["flags"], json!(["id_conflict"]));
    // Other spellings of the same UUID are refused, never stored as more events.
    let spellings = [
        x.to_uppercase(),
        x.replace('-', ""),
        format!("{{{x}}}"),
        format!("urn:uuid:{x}"),
    ];
    for s in &spellings {
        let r = upload(
            &fleet.driver,
            dev1,
            json!([event(s, ACI, "arrived_at_border", "0453")]),
        )
        .await;
        assert_eq!(r[0]["code"], "INVALID_EVENT", "{s}");
    }
    for s in [
        "00000000-0000-0000-0000-000000000000",
        "0190cccc-0000-4000-8000-000000000001",
    ] {
        let r = upload(
            &fleet.driver,
            dev1,
            json!([event(s, ACI, "arrived_at_border", "0453")]),
        )
        .await;
        assert_eq!(r[0]["code"], "INVALID_EVENT", "nil and non-v7 ids: {s}");
    }
    assert_eq!(fleet.events(ACI).await.len(), 1);
    // D9: D2 cannot learn that X exists: on D2's own trip the id is a conflict only because it
    // is taken, and on D1's trip the answer is UNKNOWN_TRIP, not "duplicate".
    let r = upload(
        &fleet.other_driver,
        dev2,
        json!([event(x, ACI, "arrived_at_border", "0453")]),
    )
    .await;
    assert_eq!(r[0]["code"], "UNKNOWN_TRIP");
    let r = upload(
        &fleet.other_driver,
        dev2,
        json!([event(x, "T-D2", "arrived_at_border", "0453")]),
    )
    .await;
    assert_eq!(r[0]["code"], "CONFLICT");
    assert_ne!(r[0]["status"], "duplicate");
}

/// D14: pushing the same version of a cancelled trip does not pretend it was pushed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn re_pushing_a_cancelled_trip_is_a_conflict() {
    let fleet = Fleet::start(Config::default()).await;
    let doc = fleet.fresh_trip("aci-trip.json");
    fleet.push(&doc, Some("D1")).await;
    let cancel = format!("/v1/fleet/trips/{ACI}/cancel");
    assert_eq!(
        fleet
            .request("POST", &cancel, Some(&fleet.manager), None)
            .await
            .0,
        204
    );
    let (status, body) = fleet
        .request(
            "POST",
            "/v1/fleet/trips",
            Some(&fleet.manager),
            Some(doc.to_string()),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(parse(&body)["reason"]
        .as_str()
        .unwrap_or_default()
        .contains("cancelled"));
    // A higher version reactivates it.
    let mut v2 = doc.clone();
    v2["version"] = 2.into();
    assert_eq!(fleet.push(&v2, Some("D1")).await["outcome"], "amended");
}

/// D4: a server (or a proxy in front of it) that redirects is not followed: the phone sends
/// nothing to the other host, keeps every event pending and applies nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirects_are_not_followed_and_events_stay_pending() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    crossing_core::transport::install_crypto_provider();
    // The host a redirect points at: counts every connection it gets.
    let elsewhere = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let elsewhere_addr = elsewhere.local_addr().expect("addr");
    let reached = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = Arc::clone(&reached);
    tokio::spawn(async move {
        while let Ok((_s, _)) = elsewhere.accept().await {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    });
    // The configured server answers every request with a 307 to that host.
    let redirector = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", redirector.local_addr().expect("addr"));
    let answered = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = Arc::clone(&answered);
    tokio::spawn(async move {
        while let Ok((mut s, _)) = redirector.accept().await {
            let count = Arc::clone(&count);
            tokio::spawn(async move {
                let mut buf = vec![0u8; 64 * 1024];
                let _ = s.read(&mut buf).await;
                let answer = format!(
                    "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://{elsewhere_addr}/v1/events\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
                let _ = s.write_all(answer.as_bytes()).await;
                count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            });
        }
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let core = Arc::new(crossing_integration_tests::phone_at_examples_time(
        dir.path(),
    ));
    core.import_trip_json(&crossing_integration_tests::example("aci-trip.json"))
        .expect("trip");
    core.record_event(EventInput::new(ACI, EventKind::DepartedOrigin))
        .expect("record");
    let syncer = Syncer::over_http(
        Arc::clone(&core),
        &url,
        Arc::new(StaticToken("crd_test".into())),
        SyncConfig::default(),
    )
    .expect("syncer");
    let e = syncer
        .sync_once(0)
        .await
        .expect_err("a redirect is not an answer");
    assert!(e.to_string().contains("redirect"), "{e}");
    assert!(answered.load(std::sync::atomic::Ordering::SeqCst) >= 1);
    assert_eq!(
        reached.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "nothing was sent to the other host"
    );
    let status = core.sync_status().expect("status");
    assert_eq!((status.pending, status.dead), (1, 0));
    assert_eq!(core.trips().expect("trips").len(), 1);
}

/// D8: the server refuses what its own phone would refuse (the same rules, from the core), with
/// the field and the rule, and flags what a real driver's event can be after an amendment or a
/// diversion instead of losing it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_applies_the_phones_event_rules() {
    let (fleet, _clock) = fleet_on_fixed_clock().await;
    fleet
        .push(
            &crossing_integration_tests::example_value("aci-trip.json"),
            Some("D1"),
        )
        .await;
    let dev = "0190aaaa-0000-4000-8000-0000000000d1";
    let (status, _) = fleet
        .request(
            "POST",
            "/v1/devices",
            Some(&fleet.driver),
            Some(json!({"device_id": dev, "platform": "t", "app_version": "1"}).to_string()),
        )
        .await;
    assert_eq!(status, 200);
    let now = "2026-11-25T07:30:00-05:00";
    let mut n = 0;
    let mut send = |fields: Value| {
        n += 1;
        let mut e = json!({"event_id": format!("0190dddd-0000-7000-8000-{n:012}"), "device_seq": n,
            "trip_id": ACI, "trip_version_seen": 1, "occurred_at": now});
        for (k, v) in fields.as_object().expect("object") {
            e[k] = v.clone();
        }
        let body = json!({"device_id": dev, "sent_at": "2026-11-25T08:00:00-05:00", "events": [e]});
        let fleet = &fleet;
        async move {
            let (status, body) = fleet
                .request(
                    "POST",
                    "/v1/events",
                    Some(&fleet.driver),
                    Some(body.to_string()),
                )
                .await;
            assert_eq!(status, 200, "{body}");
            parse(&body)["results"][0].clone()
        }
    };
    let refused = [
        (
            json!({"kind": "in_inspection", "port": "0453", "inspection": "tertiary"}),
            "inspection: \"tertiary\" must be primary or secondary",
        ),
        (
            json!({"kind": "exception", "note": "bad\u{0}byte"}),
            "note: must not contain control characters",
        ),
        (
            json!({"kind": "exception", "note": "\u{1b}[31mred"}),
            "note: must not contain control characters",
        ),
        (
            json!({"kind": "exception", "note": "a \u{202E}b"}),
            "note: must not contain bidirectional override characters",
        ),
        (
            json!({"kind": "delivered"}),
            "shipment: is required for delivered events",
        ),
        (
            json!({"kind": "exception"}),
            "note: is required for exception events",
        ),
        (
            json!({"kind": "correction", "note": "n"}),
            "corrects: is required for correction events",
        ),
        (
            json!({"kind": "departed_origin", "port": "0453"}),
            "port: is not used with departed_origin events",
        ),
        (
            json!({"kind": "arrived_at_border", "port": "453"}),
            "port: \"453\" must be 4 digits",
        ),
        (
            json!({"kind": "departed_origin", "occurred_at": "9999-12-31T23:59:59Z"}),
            "occurred_at: is after the upload was sent",
        ),
        (
            json!({"kind": "departed_origin", "occurred_at": "0001-01-01T00:00:00Z"}),
            "occurred_at: is more than 7 days before the trip was pushed",
        ),
        (
            json!({"kind": "departed_origin", "trip_version_seen": 999}),
            "trip_version_seen: 999 is above the trip's version 1",
        ),
        (
            json!({"kind": "teleported"}),
            "kind: \"teleported\" is not an event kind",
        ),
    ];
    for (fields, why) in refused {
        let r = send(fields.clone()).await;
        assert_eq!(r["code"], "INVALID_EVENT", "{fields}: {r}");
        assert!(
            r["reason"].as_str().unwrap_or_default().starts_with(why),
            "{fields}: {r}"
        );
    }
    // A shipment the trip no longer has, another port, a correction of an unknown event: kept.
    let flagged = [
        (
            json!({"kind": "delivered", "shipment": "1234NOPE1"}),
            "shipment_not_on_trip",
        ),
        (
            json!({"kind": "arrived_at_border", "port": "0427"}),
            "other_port",
        ),
        (
            json!({"kind": "correction", "note": "n", "corrects": "0190eeee-0000-7000-8000-000000000001"}),
            "corrects_unknown",
        ),
    ];
    for (fields, flag) in flagged {
        let r = send(fields.clone()).await;
        assert_eq!(r["status"], "accepted", "{fields}: {r}");
        assert!(
            r["flags"]
                .as_array()
                .expect("flags")
                .iter()
                .any(|f| f == flag),
            "{fields}: {r}"
        );
    }
    assert_eq!(
        fleet.events(ACI).await.len(),
        3,
        "only the flagged ones are stored"
    );
}

/// D10: a trip's events come in pages (at most 1000, `limit` fewer), the next page named by a
/// header, together exactly the events in device order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_managers_event_list_is_paged() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, _) = fleet.phone();
    phone.sync_until_ok(3).await;
    for i in 0..5 {
        let mut e = EventInput::new(ACI_KEY, EventKind::Exception);
        e.note = Some(format!("n{i}"));
        phone.core.record_event(e).expect("record");
    }
    phone.sync_until_ok(3).await;
    let client = reqwest::Client::new();
    let mut seqs = Vec::new();
    let mut after: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut url = format!("{}/v1/fleet/trips/{ACI}/events?limit=2", fleet.url);
        if let Some(a) = &after {
            url.push_str(&format!("&after={a}"));
        }
        let resp = client
            .get(url)
            .header("authorization", format!("Bearer {}", fleet.manager))
            .send()
            .await
            .expect("page");
        assert_eq!(resp.status().as_u16(), 200);
        after = resp
            .headers()
            .get(crossing_fleet::NEXT_PAGE_HEADER)
            .map(|v| v.to_str().expect("ascii").to_string());
        let page: Vec<Value> =
            serde_json::from_str(&resp.text().await.expect("body")).expect("json");
        assert!(page.len() <= 2);
        seqs.extend(page.iter().map(|e| e["device_seq"].as_i64().expect("seq")));
        pages += 1;
        if after.is_none() {
            break;
        }
    }
    assert_eq!((pages, seqs), (3, vec![1, 2, 3, 4, 5]));
    let (status, _) = fleet
        .request(
            "GET",
            &format!("/v1/fleet/trips/{ACI}/events?limit=1001"),
            Some(&fleet.manager),
            None,
        )
        .await;
    assert_eq!(status, 400);
}

/// D10: one token cannot do without bound: a driver's uploads beyond its share are answered
/// 429 with `Retry-After` (the phone keeps every event pending and waits), and the devices one
/// driver may register are capped (an existing one may always register again).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_token_has_a_bounded_share() {
    let fleet = Fleet::start(Config {
        limits: crossing_fleet::Limits {
            events_burst: 10,
            events_per_minute: 1,
            devices_per_driver: 2,
            ..crossing_fleet::Limits::default()
        },
        ..Config::default()
    })
    .await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let (phone, _) = fleet.phone();
    phone.sync_until_ok(3).await;
    for i in 0..10 {
        let mut e = EventInput::new(ACI_KEY, EventKind::Exception);
        e.note = Some(format!("n{i}"));
        phone.core.record_event(e).expect("record");
    }
    let report = phone.syncer.sync_once(0).await.expect("within the share");
    assert_eq!(report.uploaded, 10);
    let mut e = EventInput::new(ACI_KEY, EventKind::Exception);
    e.note = Some("one more".into());
    phone.core.record_event(e).expect("record");
    match phone.syncer.sync_once(0).await {
        Err(crossing_core::sync::SyncError::Retry {
            after, server_said, ..
        }) => {
            assert!(server_said, "the server's Retry-After is honoured");
            assert!(after >= std::time::Duration::from_secs(30), "{after:?}");
        }
        other => panic!("expected a retry after 429, got {other:?}"),
    }
    assert_eq!(phone.core.sync_status().expect("status").pending, 1);
    // Devices: the phone's own is one; one more is allowed, a third is not.
    let register = |dev: &str| {
        let body = json!({"device_id": dev, "platform": "t", "app_version": "1"}).to_string();
        let fleet = &fleet;
        async move {
            fleet
                .request("POST", "/v1/devices", Some(&fleet.driver), Some(body))
                .await
        }
    };
    assert_eq!(
        register("0190aaaa-0000-4000-8000-000000000002").await.0,
        200
    );
    let (status, body) = register("0190aaaa-0000-4000-8000-000000000003").await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(
        register("0190aaaa-0000-4000-8000-000000000002").await.0,
        200
    );
}

/// Issue 11, the unclear cases decided: two `Authorization` headers are refused (not "the
/// first wins"); the scheme is case-insensitive; a token that cannot be sent (a newline in it)
/// means "sign in again", not a network error to retry.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorization_edge_cases_are_decided() {
    let fleet = Fleet::start(Config::default()).await;
    let url = format!("{}/v1/fleet/trips", fleet.url);
    let client = reqwest::Client::new();
    let status = |r: reqwest::Response| r.status().as_u16();
    let two = client
        .get(&url)
        .header("authorization", format!("Bearer {}", fleet.manager))
        .header("authorization", format!("Bearer {}", fleet.other_manager))
        .send()
        .await
        .expect("send");
    assert_eq!(status(two), 401);
    let lower = client
        .get(&url)
        .header("authorization", format!("bearer {}", fleet.manager))
        .send()
        .await
        .expect("send");
    assert_eq!(status(lower), 200);
    let (phone, _) = fleet.phone_with_token("crd_abc\nX-Injected: 1");
    match phone.syncer.sync_once(0).await {
        Err(crossing_core::sync::SyncError::SignInRequired) => {}
        other => panic!("a token with a newline must ask to sign in, got {other:?}"),
    }
}
