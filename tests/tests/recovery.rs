//! Damaged database files (issue 5, storage faults): a garbage or truncated cache is rebuilt and
//! re-pulled with the app still usable; a damaged outbox is moved aside (kept), its readable
//! events salvaged with their facts unchanged, and the counts reported.

use std::path::Path;
use std::sync::Arc;

use crossing_core::sync::{StaticToken, SyncConfig, Syncer};
use crossing_core::{Crossing, DeliveryState, EventFilter, EventInput, EventKind, StatusEvent};
use crossing_fleet::Config;
use crossing_integration_tests::fleet::Fleet;

const TRIP: &str = "T-2026-11-0417";
/// The trip as the phone knows it once synced from fleet F1 (trip ids are per fleet).
const TRIP_KEY: &str = "F1:T-2026-11-0417";

fn syncer(core: &Arc<Crossing>, fleet: &Fleet) -> Syncer {
    Syncer::over_http(
        Arc::clone(core),
        &fleet.url,
        Arc::new(StaticToken(fleet.driver.clone())),
        SyncConfig::default(),
    )
    .expect("syncer")
}

fn all_events(core: &Crossing) -> Vec<StatusEvent> {
    core.events(&EventFilter {
        trip_id: None,
        pending_only: false,
    })
    .expect("events")
}

/// A phone that synced the trip and recorded `n` events (the first `synced` of them delivered).
async fn phone_with_events(fleet: &Fleet, dir: &Path, n: usize, synced: usize) -> Vec<StatusEvent> {
    let core = Arc::new(Crossing::open(dir).expect("open"));
    let s = syncer(&core, fleet);
    s.sync_once(0).await.expect("pull the trip");
    for i in 0..n {
        let mut e = EventInput::new(TRIP_KEY, EventKind::Exception);
        // Long notes spread the rows over many pages.
        e.note = Some(format!("event {i} {}", "n".repeat(300)));
        core.record_event(e).expect("record");
        if i + 1 == synced {
            s.sync_once(0).await.expect("deliver the first ones");
        }
    }
    all_events(&core)
    // Dropping the last connection checkpoints the WAL into the main file.
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_or_truncated_cache_is_rebuilt_and_pulled_again() {
    crossing_core::transport::install_crypto_provider();
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    for damage in ["garbage", "truncated"] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("phone");
        let before = phone_with_events(&fleet, &dir, 5, 0).await;
        let cache = dir.join(crossing_core::CACHE_FILE);
        let bytes = std::fs::read(&cache).expect("cache bytes");
        assert!(bytes.len() > 8192, "{damage}: the cache holds the trip");
        match damage {
            "garbage" => std::fs::write(&cache, vec![0xA5u8; bytes.len()]).expect("garbage"),
            _ => std::fs::write(&cache, &bytes[..bytes.len() / 2]).expect("truncate"),
        }
        let core = Arc::new(Crossing::open(&dir).expect("opens despite the damage"));
        let rec = core.recovery();
        assert!(rec.cache_rebuilt, "{damage}: {rec:?}");
        assert_eq!(
            rec.outbox_moved_to, None,
            "{damage}: the outbox was healthy"
        );
        assert!(
            core.trips().expect("usable").is_empty(),
            "{damage}: empty, not broken"
        );
        assert_eq!(all_events(&core), before, "{damage}: events untouched");
        // The next sync pulls the trip again and delivers the events.
        let report = syncer(&core, &fleet).sync_once(0).await.expect("sync");
        assert_eq!(report.trips_updated, 1, "{damage}: trip pulled again");
        assert!(
            core.manifest_view(TRIP_KEY).is_ok(),
            "{damage}: manifest back"
        );
        assert!(all_events(&core)
            .iter()
            .all(|e| e.state == DeliveryState::Sent));
        // A healthy reopen reports nothing.
        drop(core);
        let again = Crossing::open(&dir).expect("reopen");
        assert_eq!(
            again.recovery(),
            crossing_core::recover::Recovery::default()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn damaged_outbox_is_moved_aside_and_readable_events_salvaged() {
    crossing_core::transport::install_crypto_provider();
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    for damage in ["truncated", "garbage page", "garbage file"] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("phone");
        let before = phone_with_events(&fleet, &dir, 300, 20).await;
        let device = Crossing::open(&dir).expect("open").device_id().to_string();
        let outbox = dir.join(crossing_core::OUTBOX_FILE);
        let bytes = std::fs::read(&outbox).expect("outbox bytes");
        assert!(bytes.len() > 20 * 4096, "{damage}: rows over many pages");
        let damaged = match damage {
            "truncated" => bytes[..bytes.len() * 2 / 3].to_vec(),
            "garbage page" => {
                let mut b = bytes.clone();
                let page = 4096 * 12;
                b[page..page + 4096].fill(0x5A);
                b
            }
            _ => vec![0x00u8; 4096],
        };
        std::fs::write(&outbox, &damaged).expect("damage");
        let core = Crossing::open(&dir).expect("opens despite the damage");
        let rec = core.recovery();
        println!("{damage}: {rec:?} of {} events", before.len());
        let aside = rec.outbox_moved_to.clone().expect("moved aside");
        assert_eq!(
            std::fs::metadata(&aside).expect("kept").len(),
            damaged.len() as u64,
            "{damage}: the damaged file is kept as it was"
        );
        let now = all_events(&core);
        assert_eq!(
            now.len() as u64,
            rec.events_salvaged,
            "{damage}: count reported"
        );
        // Every salvaged event is exactly the event that was recorded, state included.
        for e in &now {
            let original = before
                .iter()
                .find(|b| b.event_id == e.event_id)
                .expect("known");
            assert_eq!(e, original, "{damage}: facts and state unchanged");
        }
        match damage {
            "garbage file" => assert_eq!(rec.events_salvaged, 0),
            _ => {
                assert!(rec.events_salvaged > 0, "{damage}: readable rows salvaged");
                assert_eq!(
                    rec.events_salvaged + rec.events_unreadable,
                    before.len() as u64,
                    "{damage}: every recorded event is either salvaged or counted lost"
                );
                assert_eq!(core.device_id(), device, "{damage}: same device identity");
            }
        }
        // The phone keeps working: a new event continues the sequence, and sync delivers.
        let last = now.iter().map(|e| e.device_seq).max().unwrap_or(0);
        let new = core
            .record_event(EventInput::new(TRIP_KEY, EventKind::DepartedOrigin))
            .expect("record after recovery");
        assert!(new.device_seq > last, "{damage}: sequence continues");
        let core = Arc::new(core);
        syncer(&core, &fleet)
            .sync_once(0)
            .await
            .expect("sync after recovery");
        assert!(all_events(&core)
            .iter()
            .all(|e| e.state == DeliveryState::Sent));
    }
}

/// Issue 11, D7: a cache whose header is intact but whose pages are damaged opens (the open
/// check reads only the header), and the damage is found later, at the first read. The cache
/// is rebuilt then, recording goes on from what the outbox remembers of the trip, and the next
/// sync delivers the event and pulls the trip again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn damaged_cache_pages_found_in_use_never_stop_recording() {
    crossing_core::transport::install_crypto_provider();
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("phone");
    phone_with_events(&fleet, &dir, 1, 1).await;
    let cache = dir.join(crossing_core::CACHE_FILE);
    let mut bytes = std::fs::read(&cache).expect("cache bytes");
    assert!(
        bytes.len() > 2 * 4096,
        "the trip spans pages after the first"
    );
    bytes[4096..].fill(0x5A);
    std::fs::write(&cache, &bytes).expect("damage");
    let core = Arc::new(Crossing::open(&dir).expect("opens: the header is intact"));
    assert!(!core.recovery().cache_rebuilt, "not found at open");
    // Recording a delivery (which checks the shipment against the trip) works.
    let mut delivered = EventInput::new(TRIP_KEY, EventKind::Delivered);
    delivered.shipment = Some("1234PARS261126001".into());
    let e = core
        .record_event(delivered)
        .expect("recording never depends on the cache");
    assert!(
        core.recovery().cache_rebuilt,
        "the damage was found and the cache rebuilt"
    );
    // A shipment the trip does not have is still refused, from the remembered context.
    let mut wrong = EventInput::new(TRIP_KEY, EventKind::Delivered);
    wrong.shipment = Some("1234NOPE".into());
    assert!(core.record_event(wrong).is_err());
    assert!(core.trips().expect("the rebuilt cache reads").is_empty());
    let report = syncer(&core, &fleet).sync_once(0).await.expect("sync");
    assert_eq!(report.uploaded, 1);
    assert_eq!(core.trips().expect("trips").len(), 1, "pulled again");
    let server = fleet.events(TRIP).await;
    assert!(server.iter().any(|s| s["event_id"] == e.event_id.as_str()));
}

/// Issue 11 (unclear case decided): an outbox emptied to 0 bytes is not a silent new start:
/// the loss is reported, and the install gets a new device id (its old sequence numbers are
/// never reused under the old id).
#[test]
fn an_emptied_outbox_is_reported_with_a_new_device_id() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("phone");
    let device = {
        let core = crossing_integration_tests::phone_at_examples_time(&dir);
        core.import_trip_json(&crossing_integration_tests::example("aci-trip.json"))
            .expect("trip");
        core.record_event(EventInput::new(TRIP, EventKind::DepartedOrigin))
            .expect("record");
        core.device_id().to_string()
    };
    let outbox = dir.join(crossing_core::OUTBOX_FILE);
    std::fs::write(&outbox, b"").expect("empty it");
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{side}", outbox.display()));
    }
    let core = crossing_integration_tests::phone_at_examples_time(&dir);
    assert!(core.recovery().outbox_found_empty);
    assert_ne!(core.device_id(), device);
    assert!(all_events(&core).is_empty());
    let again = crossing_integration_tests::phone_at_examples_time(&dir);
    assert!(!again.recovery().outbox_found_empty, "reported once");
    drop(core);
}
