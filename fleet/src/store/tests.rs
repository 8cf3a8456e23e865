//! Unit tests of the fleet store.

use super::*;

/// Found by schemathesis: lengths were counted in bytes while the OpenAPI document's
/// maxLength counts characters, so a 32-character non-ASCII app version was refused.
#[test]
fn device_text_limits_count_characters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let conn = open(&dir.path().join("fleet.db")).expect("open");
    let dev = "0190aaaa-0000-4000-8000-000000000001";
    let v32 = "é".repeat(32);
    let now = Utc::now();
    register_device(&conn, "d1", dev, &v32, &v32, now).expect("32 characters are allowed");
    let err = crate::error::ApiFailure::from(
        register_device(&conn, "d1", dev, "android", &"é".repeat(33), now)
            .expect_err("33 characters are not"),
    );
    assert_eq!(err.body.field.as_deref(), Some("app_version"));
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).expect("date").to_utc()
}

/// The server's "now" is the one it is given: the fleet policy judges the ETA by it, and
/// received times and the clock-skew flag come from it, not from the machine's clock.
#[test]
fn received_times_skew_and_eta_rules_follow_the_given_clock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut conn = open(&dir.path().join("fleet.db")).expect("open");
    add_to_roster(&conn, "F1", "D1", at("2026-11-01T00:00:00Z")).expect("roster");
    let doc = include_bytes!("../../../examples/aci-trip.json");
    // The day after the example's ETA (2026-11-26 14:30 Toronto), the fleet refuses it ...
    let late = crate::error::ApiFailure::from(
        push_trip(&mut conn, "F1", doc, Some("D1"), at("2026-11-27T12:00:00Z"))
            .expect_err("past ETA"),
    );
    assert!(
        late.body.reason.contains("is in the past"),
        "{}",
        late.body.reason
    );
    // ... the morning before, it takes it as it is.
    let morning = at("2026-11-25T13:00:00Z");
    push_trip(&mut conn, "F1", doc, Some("D1"), morning).expect("push");
    let dev = "0190aaaa-0000-4000-8000-000000000001";
    register_device(&conn, "D1", dev, "test", "1", morning).expect("device");
    let event = |n: i64, id: &str| WireEvent {
        event_id: id.into(),
        device_seq: n,
        trip_id: "T-2026-11-0417".into(),
        trip_version_seen: 1,
        kind: "departed_origin".into(),
        port: None,
        shipment: None,
        inspection: None,
        corrects: None,
        note: None,
        occurred_at: "2026-11-25T07:30:00-05:00".into(),
    };
    // A phone 4 minutes behind the server: no flag; 6 minutes ahead: clock_skew.
    let upload = |n, id: &str, sent_at: &str| EventsUpload {
        device_id: dev.into(),
        sent_at: sent_at.into(),
        events: vec![event(n, id)],
    };
    let ok = upload_events(
        &mut conn,
        "D1",
        &upload(
            1,
            "0190aaaa-0000-7000-8000-000000000001",
            "2026-11-25T07:56:00-05:00",
        ),
        morning,
    )
    .expect("upload");
    assert_eq!(ok[0].status, ResultStatus::Accepted);
    assert!(ok[0].flags.is_empty(), "{:?}", ok[0].flags);
    let skewed = upload_events(
        &mut conn,
        "D1",
        &upload(
            2,
            "0190aaaa-0000-7000-8000-000000000002",
            "2026-11-25T08:06:00-05:00",
        ),
        morning,
    )
    .expect("upload");
    assert_eq!(skewed[0].flags, ["clock_skew"]);
    let received: Vec<String> = trip_events(&conn, "F1", "T-2026-11-0417", None, 10)
        .expect("events")
        .0
        .into_iter()
        .map(|e| e.received_at)
        .collect();
    assert_eq!(received, ["2026-11-25T13:00:00.000Z"; 2]);
}

/// A database written by the server before rosters, epochs and per-fleet ids (schema 1)
/// opens and migrates: its drivers join the rosters of the fleets whose trips they had, a
/// trip's assignment, change log and events follow it to its fleet-qualified key, an
/// assignment that was taken away is ended, and the database gets an epoch.
#[test]
fn a_database_of_schema_1_migrates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("fleet.db");
    {
        let conn = Connection::open(&path).expect("v1");
        conn.execute_batch(FLEET.migrations[0]).expect("schema 1");
        conn.execute_batch(
            "INSERT INTO trip VALUES ('T1', 'F1', 'D2', 2, 'active', 'N1', '{}', '2026-11-25T00:00:00.000Z');
             INSERT INTO assignment VALUES ('T1', 'D1'), ('T1', 'D2');
             INSERT INTO change (driver, trip_id, op, version, reason, doc, at)
                 VALUES ('D2', 'T1', 'upsert', 2, NULL, '{}', '2026-11-25T00:00:00.000Z');
             INSERT INTO event (event_id, device_id, driver, trip_id, trip_version_seen, device_seq,
                                kind, occurred_at, sent_at, received_at, skew_ms, flags)
                 VALUES ('e1', 'd1', 'D1', 'T1', 1, 1, 'departed_origin', 'x', 'x', 'x', 0, '[]');
             PRAGMA user_version = 1;",
        )
        .expect("v1 rows");
    }
    let conn = open(&path).expect("migrates");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, FLEET.migrations.len() as i64);
    let one = |sql: &str| -> String { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
    assert_eq!(one("SELECT key FROM trip"), "F1:T1");
    assert_eq!(
        one("SELECT group_concat(trip_id) FROM (SELECT DISTINCT trip_id FROM assignment)"),
        "F1:T1"
    );
    assert_eq!(one("SELECT trip_id FROM change"), "F1:T1");
    assert_eq!(one("SELECT trip_id FROM event"), "F1:T1");
    assert_eq!(
        one("SELECT group_concat(driver, ',') FROM (SELECT driver FROM roster WHERE fleet = 'F1' ORDER BY driver)"),
        "D1,D2"
    );
    assert_eq!(
        one("SELECT driver FROM assignment WHERE ended_at IS NOT NULL"),
        "D1",
        "D1's assignment was taken away before the upgrade"
    );
    assert_eq!(epoch(&conn).expect("epoch").len(), 16);
}

/// Migration 4 rebuilds the change log for its new CHECK: every entry keeps its position and the
/// sequence keeps its top, even when compaction had emptied the log, so no cursor a phone holds
/// can point past the log or see a position handed out twice.
#[test]
fn migration_4_keeps_change_log_positions_and_the_sequence_top() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("fleet.db");
    {
        let conn = rusqlite::Connection::open(&path).expect("create");
        for (i, sql) in FLEET.migrations[..3].iter().enumerate() {
            conn.execute_batch(sql).expect("migration");
            conn.pragma_update(None, "user_version", i as i64 + 1)
                .expect("version");
        }
        for n in 0..5 {
            conn.execute(
                "INSERT INTO change (driver, trip_id, op, version, reason, doc, at)
                 VALUES ('D1', 'F1:T', 'upsert', ?1, NULL, '{}', 't')",
                params![n + 1],
            )
            .expect("change");
        }
        // Compaction left two entries; the sequence stands at 5.
        conn.execute("DELETE FROM change WHERE seq <= 3", [])
            .expect("compact");
    }
    let conn = open(&path).expect("migrate to the newest version");
    assert_eq!(feed::log_top(&conn).expect("top"), 5);
    let seqs: Vec<i64> = conn
        .prepare("SELECT seq FROM change ORDER BY seq")
        .expect("query")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("seqs");
    assert_eq!(seqs, [4, 5]);
    log_customs(&conn, "D1", "F1:T", 1, "{}", "t").expect("a customs entry is allowed now");
    assert_eq!(
        feed::log_top(&conn).expect("top"),
        6,
        "no position handed out twice"
    );
}
