//! The store on real SQLite files: the trip cache (server-authoritative, wipeable) and the
//! event outbox (append-only, durable), across restarts, migrations and bad input.

use crossing_core::{
    schema, ApplyOutcome, Crossing, DeliveryState, Error, EventFilter, EventInput, EventKind,
    Inspection, Progress, TripState, CACHE_FILE, OUTBOX_FILE,
};
use crossing_integration_tests::{example, example_value, phone_at_examples_time};
use crossing_sqlite::{self as db, Durability, Schema};
use rusqlite::Connection;

const ACI: &str = "T-2026-11-0417";

fn open_with_aci() -> (tempfile::TempDir, Crossing) {
    let dir = tempfile::tempdir().expect("tempdir");
    let core = phone_at_examples_time(dir.path());
    core.import_trip_json(&example("aci-trip.json"))
        .expect("import");
    (dir, core)
}

fn manifest_json(dir: &std::path::Path, id: &str) -> Option<String> {
    let conn = Connection::open(dir.join(CACHE_FILE)).expect("open cache");
    conn.query_row("SELECT manifest FROM trip WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .expect("row")
}

#[test]
fn same_or_older_version_is_a_no_op_and_newer_replaces() {
    let (dir, core) = open_with_aci();
    let stored = manifest_json(dir.path(), ACI);
    let again = core
        .import_trip_json(&example("aci-trip.json"))
        .expect("again");
    assert_eq!(again.outcome, ApplyOutcome::Unchanged { stored: 1 });
    let mut doc = example_value("aci-trip.json");
    doc["version"] = 3.into();
    doc["conveyance"]["unitNumber"] = "999".into();
    let up = core
        .import_trip_json(doc.to_string().as_bytes())
        .expect("v3");
    assert_eq!(up.outcome, ApplyOutcome::Updated { previous: 1 });
    doc["version"] = 2.into();
    doc["conveyance"]["unitNumber"] = "222".into();
    let old = core
        .import_trip_json(doc.to_string().as_bytes())
        .expect("v2");
    assert_eq!(old.outcome, ApplyOutcome::Unchanged { stored: 3 });
    let trip = core.trip(ACI).expect("trip");
    assert_eq!(trip.summary.version, 3);
    assert_eq!(
        trip.manifest.expect("manifest").conveyance.unit_number,
        "999"
    );
    assert_ne!(manifest_json(dir.path(), ACI), stored);
}

#[test]
fn an_invalid_amendment_changes_nothing_stored() {
    let (dir, core) = open_with_aci();
    let before = dump(dir.path());
    let manifest_before = manifest_json(dir.path(), ACI);
    let mut doc = example_value("aci-trip.json");
    doc["version"] = 2.into();
    doc["conveyance"]["unitNumber"] = "777".into();
    doc["portOfEntry"] = "45".into();
    let e = core
        .import_trip_json(doc.to_string().as_bytes())
        .expect_err("invalid");
    assert!(
        matches!(e, Error::Document(crossing_core::DocumentError::Invalid(_))),
        "{e}"
    );
    assert_eq!(manifest_json(dir.path(), ACI), manifest_before);
    assert_eq!(core.trip(ACI).expect("trip").summary.version, 1);
    assert!(
        dump(dir.path()) == before,
        "every row and column is unchanged"
    );
}

/// Every column of every trip row, as text.
fn dump(dir: &std::path::Path) -> Vec<String> {
    let conn = Connection::open(dir.join(CACHE_FILE)).expect("open cache");
    let mut stmt = conn
        .prepare("SELECT id, version, regime, trip_number, port_of_entry, eta_local, eta_zone, state, manifest, warnings, received_at, state_changed_at FROM trip ORDER BY id")
        .expect("prepare");
    stmt.query_map([], |r| {
        (0..12)
            .map(|i| {
                r.get::<_, Option<String>>(i)
                    .or_else(|_| r.get::<_, i64>(i).map(|v| Some(v.to_string())))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|cols| format!("{cols:?}"))
    })
    .expect("query")
    .collect::<Result<_, _>>()
    .expect("rows")
}

#[test]
fn events_survive_restart_with_increasing_sequence_and_v7_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let device;
    {
        let core = phone_at_examples_time(dir.path());
        core.import_trip_json(&example("aci-trip.json"))
            .expect("import");
        device = core.device_id().to_string();
        core.record_event(EventInput::new(ACI, EventKind::TripAcknowledged))
            .expect("ack");
        core.record_event(EventInput::new(ACI, EventKind::DepartedOrigin))
            .expect("dep");
    }
    let core = phone_at_examples_time(dir.path());
    assert_eq!(core.device_id(), device, "device id is stable");
    let e = core
        .record_event(EventInput::new(ACI, EventKind::ArrivedAtBorder))
        .expect("arr");
    assert_eq!(e.device_seq, 3);
    assert_eq!(
        e.port.as_deref(),
        Some("0453"),
        "defaults to the trip's first port"
    );
    let all = core.events(&EventFilter::default()).expect("events");
    assert_eq!(
        all.iter().map(|e| e.device_seq).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    for e in &all {
        let id = uuid::Uuid::parse_str(&e.event_id).expect("uuid");
        assert_eq!(id.get_version_num(), 7);
        assert_eq!(e.state, DeliveryState::Pending);
        assert_eq!(e.trip_version_seen, 1);
        chrono::DateTime::parse_from_rfc3339(&e.occurred_at).expect("offset timestamp");
    }
    assert!(
        all.windows(2).all(|w| w[0].event_id < w[1].event_id),
        "v7 ids sort by time"
    );
}

#[test]
fn bad_events_are_refused_and_nothing_is_written() {
    let (dir, core) = open_with_aci();
    let cases: Vec<(EventInput, &str)> = vec![
        (
            EventInput::new("T-NOPE", EventKind::DepartedOrigin),
            "trip \"T-NOPE\": no such trip on this device",
        ),
        (
            EventInput {
                port: Some("453".into()),
                ..EventInput::new(ACI, EventKind::ArrivedAtBorder)
            },
            "port: \"453\" must be 4 digits with leading zeros (e.g. 0453)",
        ),
        (
            EventInput {
                shipment: Some("1234PARS999".into()),
                ..EventInput::new(ACI, EventKind::Delivered)
            },
            "shipment: \"1234PARS999\" is not on trip \"T-2026-11-0417\"",
        ),
        (
            EventInput::new(ACI, EventKind::Delivered),
            "shipment: is required for delivered events",
        ),
        (
            EventInput::new(ACI, EventKind::InInspection),
            "inspection: is required for in_inspection events",
        ),
        (
            EventInput::new(ACI, EventKind::Exception),
            "note: is required for exception events",
        ),
        (
            EventInput {
                note: Some("oops".into()),
                ..EventInput::new(ACI, EventKind::Correction)
            },
            "corrects: is required for correction events",
        ),
        (
            EventInput {
                note: Some("oops".into()),
                corrects: Some("0190aaaa-0000-7000-8000-000000000000".into()),
                ..EventInput::new(ACI, EventKind::Correction)
            },
            "is not an event recorded on this device",
        ),
        (
            EventInput {
                port: Some("0453".into()),
                ..EventInput::new(ACI, EventKind::Delivered)
            },
            "port: is not used with delivered events",
        ),
        (
            EventInput {
                note: Some("left \u{202E}thgir".into()),
                ..EventInput::new(ACI, EventKind::Exception)
            },
            "note: must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069)",
        ),
        (
            EventInput {
                note: Some("x".repeat(501)),
                ..EventInput::new(ACI, EventKind::DepartedOrigin)
            },
            "note: must be at most 500 characters",
        ),
        (
            EventInput {
                occurred_at: Some(core.clock().now() + chrono::Duration::hours(2)),
                ..EventInput::new(ACI, EventKind::DepartedOrigin)
            },
            "occurred_at: must not be in the future",
        ),
    ];
    for (input, expected) in cases {
        let e = core.record_event(input).expect_err(expected);
        assert!(
            e.to_string().contains(expected),
            "want {expected:?}, got {e}"
        );
    }
    assert!(core
        .events(&EventFilter::default())
        .expect("events")
        .is_empty());
    let conn = Connection::open(dir.path().join(OUTBOX_FILE)).expect("outbox");
    let next: i64 = conn
        .query_row("SELECT next_seq FROM device", [], |r| r.get(0))
        .expect("seq");
    assert_eq!(next, 1, "no sequence number was used up");
}

#[test]
fn kinds_with_their_fields_are_recorded() {
    let (_dir, core) = open_with_aci();
    let insp = core
        .record_event(EventInput {
            inspection: Some(Inspection::Secondary),
            port: Some("0453".into()),
            ..EventInput::new(ACI, EventKind::InInspection)
        })
        .expect("inspection");
    let delivered = core
        .record_event(EventInput {
            shipment: Some("1234pars261126001".into()),
            ..EventInput::new(ACI, EventKind::Delivered)
        })
        .expect("delivered");
    assert_eq!(delivered.shipment.as_deref(), Some("1234PARS261126001"));
    let fix = core
        .record_event(EventInput {
            corrects: Some(insp.event_id.clone()),
            note: Some("was primary only".into()),
            ..EventInput::new(ACI, EventKind::Correction)
        })
        .expect("correction");
    assert_eq!(fix.corrects.as_deref(), Some(insp.event_id.as_str()));
    let status = core.trip_status(ACI).expect("status");
    assert_eq!(
        status.progress,
        Progress::ArrivedAtConsignee,
        "the inspection was corrected away"
    );
    assert_eq!(status.delivered, ["1234PARS261126001"]);
    assert_eq!(status.pending_events, 3);
    assert!(
        status.headline.contains("not yet sent"),
        "{}",
        status.headline
    );
}

#[test]
fn outbox_rows_are_immutable_and_pending_rows_cannot_be_deleted() {
    let (dir, core) = open_with_aci();
    core.record_event(EventInput::new(ACI, EventKind::DepartedOrigin))
        .expect("event");
    let conn = Connection::open(dir.path().join(OUTBOX_FILE)).expect("outbox");
    let e = conn
        .execute("UPDATE event SET kind = 'released'", [])
        .expect_err("immutable");
    assert!(e.to_string().contains("immutable"), "{e}");
    let e = conn
        .execute("DELETE FROM event", [])
        .expect_err("pending kept");
    assert!(e.to_string().contains("cannot be deleted"), "{e}");
    conn.execute("UPDATE event SET state = 'sent', attempts = 1", [])
        .expect("bookkeeping may change");
    conn.execute("DELETE FROM event WHERE state = 'sent'", [])
        .expect("acknowledged rows may go");
}

#[test]
fn wiping_the_cache_never_touches_the_outbox() {
    let (dir, core) = open_with_aci();
    core.record_event(EventInput::new(ACI, EventKind::DepartedOrigin))
        .expect("event");
    let outbox_before = std::fs::read(dir.path().join(OUTBOX_FILE)).expect("read");
    core.wipe_cache().expect("wipe");
    assert!(core.trips().expect("trips").is_empty());
    assert_eq!(
        core.events(&EventFilter::default()).expect("events").len(),
        1
    );
    assert!(
        std::fs::read(dir.path().join(OUTBOX_FILE)).expect("read") == outbox_before,
        "outbox file untouched"
    );
    // Deleting the cache file entirely is also survivable: it is recreated empty.
    drop(core);
    std::fs::remove_file(dir.path().join(CACHE_FILE)).expect("rm");
    let core = phone_at_examples_time(dir.path());
    assert_eq!(
        core.events(&EventFilter::default()).expect("events").len(),
        1
    );
}

fn file_contains(dir: &std::path::Path, needle: &str) -> bool {
    std::fs::read_dir(dir).expect("dir").any(|entry| {
        let bytes = std::fs::read(entry.expect("entry").path()).unwrap_or_default();
        bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
    })
}

#[test]
fn cancellation_keeps_a_tombstone_and_scrubs_personal_data_from_the_files() {
    let (dir, core) = open_with_aci();
    core.record_event(EventInput::new(ACI, EventKind::TripAcknowledged))
        .expect("event");
    assert!(
        file_contains(dir.path(), "Tremblay"),
        "the driver's name is in the cache"
    );
    assert!(core.cancel_trip(ACI, Some(2)).expect("cancel"));
    assert!(
        !core.cancel_trip(ACI, Some(2)).expect("again"),
        "idempotent"
    );
    let stored = core.trip(ACI).expect("tombstone");
    assert_eq!(stored.summary.state, TripState::Cancelled);
    assert_eq!(stored.summary.version, 2);
    assert_eq!(
        stored.summary.trip_number, "1234TR261126001",
        "the driver can be told which"
    );
    assert!(stored.manifest.is_none());
    for canary in [
        "Tremblay",
        "T7654-32109-81041",
        "Great Lakes Brake",
        "AB12345",
    ] {
        assert!(
            !file_contains(dir.path(), canary),
            "{canary} still on disk after cancellation"
        );
    }
    let status = core.trip_status(ACI).expect("status");
    assert_eq!(status.headline, "Trip cancelled by the fleet");
    let e = core
        .record_event(EventInput {
            shipment: Some("1234PARS261126001".into()),
            ..EventInput::new(ACI, EventKind::Delivered)
        })
        .expect_err("shipments gone");
    assert!(e.to_string().contains("cancelled or cleared"), "{e}");
    let e = core
        .border_code(ACI, crossing_core::CodeKind::Qr, None)
        .expect_err("no code");
    assert!(e.to_string().contains("is cancelled"), "{e}");
    // The event recorded before is still pending: cancellation never touches the outbox.
    assert_eq!(
        core.events(&EventFilter::default()).expect("events").len(),
        1
    );
    // An older amendment arriving late does not resurrect it; a newer version does.
    let mut doc = example_value("aci-trip.json");
    doc["version"] = 2.into();
    let late = core
        .import_trip_json(doc.to_string().as_bytes())
        .expect("late");
    assert_eq!(late.outcome, ApplyOutcome::Unchanged { stored: 2 });
}

#[test]
fn personal_data_of_an_active_trip_is_kept_until_it_is_over() {
    let (dir, core) = open_with_aci();
    let e = core.purge_personal_data(ACI).expect_err("still active");
    assert!(e.to_string().contains("still active"), "{e}");
    for s in ["1234PARS261126001", "1234PARS261126002", "1234BND261126003"] {
        core.record_event(EventInput {
            shipment: Some(s.into()),
            ..EventInput::new(ACI, EventKind::Delivered)
        })
        .expect("delivered");
    }
    assert_eq!(
        core.trip_status(ACI).expect("status").progress,
        Progress::Delivered
    );
    assert!(core.purge_personal_data(ACI).expect("purge"));
    assert_eq!(
        core.trip(ACI).expect("trip").summary.state,
        TripState::Finished
    );
    assert!(!file_contains(dir.path(), "Tremblay"));
}

#[test]
fn unassignment_is_a_tombstone_too_and_unknown_trips_are_errors() {
    let (_dir, core) = open_with_aci();
    assert!(core.unassign_trip(ACI, None).expect("unassign"));
    assert_eq!(
        core.trip(ACI).expect("trip").summary.state,
        TripState::Unassigned
    );
    assert!(matches!(
        core.cancel_trip("T-NOPE", None),
        Err(Error::UnknownTrip(_))
    ));
    assert!(matches!(
        core.resolve_trip_id(None),
        Err(Error::NoActiveTrip)
    ));
}

#[test]
fn trip_number_reuse_on_another_trip_warns() {
    let (_dir, core) = open_with_aci();
    let mut doc = example_value("aci-trip.json");
    doc["id"] = "T-OTHER".into();
    let report = core
        .import_trip_json(doc.to_string().as_bytes())
        .expect("import");
    assert_eq!(report.warnings.len(), 1);
    assert!(
        report.warnings[0].rule.contains("T-2026-11-0417"),
        "{:?}",
        report.warnings
    );
}

/// Builds a file at every earlier schema version (by applying only the first k migrations),
/// puts a row in it when the schema allows, and opens it with the current code.
fn upgrade_every_earlier_version(
    schema: &Schema,
    durability: Durability,
    seed: &dyn Fn(&Connection, usize),
    check: &dyn Fn(&Connection, usize),
) {
    let fresh_dir = tempfile::tempdir().expect("tempdir");
    let fresh = db::open(&fresh_dir.path().join("fresh.db"), schema, durability).expect("fresh");
    let shape = |c: &Connection| -> Vec<(String, String)> {
        let mut stmt = c
            .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
            .expect("prepare");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    let want = shape(&fresh);
    for k in 0..schema.migrations.len() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("old.db");
        {
            let conn = Connection::open(&path).expect("create");
            for (i, sql) in schema.migrations[..k].iter().enumerate() {
                conn.execute_batch(sql).expect("old migration");
                conn.pragma_update(None, "user_version", i as i64 + 1)
                    .expect("version");
            }
            seed(&conn, k);
        }
        let conn = db::open(&path, schema, durability).expect("upgrade");
        check(&conn, k);
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("v");
        assert_eq!(v, schema.version(), "{} from v{k}", schema.name);
        assert_eq!(
            shape(&conn),
            want,
            "{} upgraded from v{k} matches a fresh file",
            schema.name
        );
    }
}

#[test]
fn every_earlier_schema_version_upgrades_to_the_current_one() {
    // Version 1 files hold a trip and a pending event; both must come through unchanged.
    const EVENT_V1: &str = "INSERT INTO device VALUES (1, 'dev-1', 2);
        INSERT INTO event (event_id, device_seq, trip_id, trip_version_seen, kind, port,
                           occurred_at, recorded_at)
        VALUES ('0190aaaa-0000-7000-8000-000000000001', 1, 'T1', 1, 'arrived_at_border', '0453',
                '2026-11-25T10:00:00.000-05:00', '2026-11-25T10:00:00.000-05:00');";
    const EVENT_ROW: &str = "SELECT event_id || device_seq || trip_id || kind || port || occurred_at || state FROM event";
    upgrade_every_earlier_version(
        &schema::CACHE,
        Durability::Normal,
        &|c, k| {
            if k >= 1 {
                c.execute_batch(
                    "INSERT INTO trip (id, version, regime, trip_number, port_of_entry, eta_local, eta_zone,
                                       state, manifest, received_at)
                     VALUES ('T1', 3, 'ACI', '1234TR1', '0453', '2026-11-26T14:30:00', 'America/Toronto',
                             'active', '{}', '2026-11-25T00:00:00Z')",
                )
                .expect("v1 trip");
            }
        },
        &|c, k| {
            if k >= 1 {
                let (v, m): (i64, String) = c
                    .query_row(
                        "SELECT version, manifest FROM trip WHERE id = 'T1'",
                        [],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .expect("trip kept");
                assert_eq!((v, m.as_str()), (3, "{}"));
            }
        },
    );
    upgrade_every_earlier_version(
        &schema::OUTBOX,
        Durability::Full,
        &|c, k| {
            if k >= 1 {
                c.execute_batch(EVENT_V1).expect("v1 event");
            }
        },
        &|c, k| {
            if k >= 1 {
                let row: String = c
                    .query_row(EVENT_ROW, [], |r| r.get(0))
                    .expect("event kept");
                assert_eq!(
                    row,
                    "0190aaaa-0000-7000-8000-0000000000011T1arrived_at_border04532026-11-25T10:00:00.000-05:00pending"
                );
            }
        },
    );
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(phone_at_examples_time(dir.path()));
    {
        let conn = Connection::open(dir.path().join(OUTBOX_FILE)).expect("outbox");
        conn.pragma_update(None, "user_version", 99).expect("bump");
    }
    let before = std::fs::read(dir.path().join(OUTBOX_FILE)).expect("read");
    let e = Crossing::open(dir.path()).expect_err("newer");
    assert_eq!(
        e.to_string(),
        format!(
            "outbox.db: database schema version 99 is newer than this app supports ({}); update the app (the file was left untouched)",
            schema::OUTBOX.migrations.len()
        )
    );
    assert!(
        std::fs::read(dir.path().join(OUTBOX_FILE)).expect("read") == before,
        "file unchanged"
    );
}

#[test]
fn pragmas_give_wal_and_full_sync_on_the_outbox() {
    let dir = tempfile::tempdir().expect("tempdir");
    let outbox = db::open(&dir.path().join("o.db"), &schema::OUTBOX, Durability::Full).expect("o");
    let cache = db::open(&dir.path().join("c.db"), &schema::CACHE, Durability::Normal).expect("c");
    let mode: String = outbox
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
    let sync: i64 = outbox
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .expect("sync");
    assert_eq!(sync, 2, "FULL");
    let sync: i64 = cache
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .expect("sync");
    assert_eq!(sync, 1, "NORMAL");
    let sd: i64 = cache
        .query_row("PRAGMA secure_delete", [], |r| r.get(0))
        .expect("sd");
    assert_eq!(sd, 1);
}

/// Everything an event carries about time comes from the core's clock: its recorded and
/// occurred times, and the time bits of its UUIDv7 id. On a clock that stands still, ids stay
/// unique and in recording order (the v7 counter).
#[test]
fn event_times_and_ids_come_from_the_core_clock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = crossing_core::FixedClock::parse("2031-07-04T23:59:59.250-07:00").expect("clock");
    let core = Crossing::open_with_clock(dir.path(), clock.clone()).expect("open");
    core.import_trip_json(&example("aci-trip.json"))
        .expect("import");
    let mut ids = Vec::new();
    for _ in 0..500 {
        let e = core
            .record_event(EventInput::new(ACI, EventKind::DepartedOrigin))
            .expect("record");
        assert_eq!(e.occurred_at, "2031-07-04T23:59:59.250-07:00");
        assert_eq!(e.recorded_at, e.occurred_at);
        let id = uuid::Uuid::parse_str(&e.event_id).expect("uuid");
        assert_eq!(id.get_version_num(), 7);
        let (secs, nanos) = id.get_timestamp().expect("v7 time").to_unix();
        assert_eq!((secs, nanos / 1_000_000), (1_941_001_199, 250));
        ids.push(e.event_id);
    }
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "ids on a standing clock are unique and keep recording order"
    );
    // The clock moves: so do the stamps.
    clock.advance(chrono::Duration::minutes(90));
    let later = core
        .record_event(EventInput::new(ACI, EventKind::ArrivedAtBorder))
        .expect("record");
    assert_eq!(later.occurred_at, "2031-07-05T01:29:59.250-07:00");
}
