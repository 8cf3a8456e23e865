//! Journeys (issue 13): a driver's whole day through the app model — the same screens and
//! intents the Android and iOS shells draw and send — with the real stores and a real fleet
//! server on loopback. No test here touches a store or the sync engine except through
//! [`App`], the way a shell would.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crossing_core::app::{
    self, App, FormInput, InputValue, Need, RecordIntent, RecordOutcome, SignInOutcome, StartStep,
    StartupFailure, SyncAdvice,
};
use crossing_core::log::{Level, LogSink};
use crossing_core::sync::{
    StaticToken, SyncConfig, SyncService, Syncer, TokenProvider, TokenUnavailable,
};
use crossing_core::transport::{
    BoxFuture, HttpTransport, Request, Response, Transport, TransportError,
};
use crossing_core::{Change, Crossing, EventKind, TripState};
use crossing_fleet::Config;
use crossing_integration_tests::fleet::{Faults, Faulty, Fleet};

const ACI: &str = "T-2026-11-0417";
const ACI_KEY: &str = "F1:T-2026-11-0417";
const SHIPMENTS: [&str; 3] = ["1234PARS261126001", "1234PARS261126002", "1234BND261126003"];

/// A phone as a shell sees it: the app model over a core and its one sync service.
struct Driver {
    dir: tempfile::TempDir,
    app: App,
    faulty: Arc<Faulty>,
    changes: tokio::sync::broadcast::Receiver<Change>,
}

fn driver_with(
    fleet: &Fleet,
    transport: Arc<dyn Transport>,
    tokens: Arc<dyn TokenProvider>,
    faulty: Arc<Faulty>,
) -> Driver {
    let dir = tempfile::tempdir().expect("tempdir");
    let core =
        Arc::new(Crossing::open_with_clock(dir.path(), Arc::clone(&fleet.clock)).expect("core"));
    let syncer = Syncer::new(Arc::clone(&core), transport, tokens, SyncConfig::default());
    let changes = core.subscribe_changes();
    let app = App::new(
        core,
        Some(Arc::new(SyncService::new(syncer))),
        "America/Toronto",
    );
    Driver {
        dir,
        app,
        faulty,
        changes,
    }
}

fn driver(fleet: &Fleet) -> Driver {
    let faulty = Arc::new(Faulty::new(
        HttpTransport::new(&fleet.url).expect("transport"),
    ));
    driver_with(
        fleet,
        faulty.clone(),
        Arc::new(StaticToken(fleet.driver.clone())),
        faulty,
    )
}

impl Driver {
    fn record(&self, kind: EventKind, values: &[(&str, &str)]) -> RecordOutcome {
        self.app
            .record(&RecordIntent {
                trip_id: ACI_KEY.into(),
                kind,
                values: values
                    .iter()
                    .map(|(id, value)| InputValue {
                        id: (*id).into(),
                        value: (*value).into(),
                    })
                    .collect(),
            })
            .expect("record")
    }

    fn recorded(&self, kind: EventKind, values: &[(&str, &str)]) -> String {
        match self.record(kind, values) {
            RecordOutcome::Recorded { event_id, message } => {
                assert!(
                    message.ends_with("saved · it will be sent when the phone is online"),
                    "{message}"
                );
                event_id
            }
            RecordOutcome::Refused { message, .. } => panic!("{kind:?} refused: {message}"),
        }
    }

    fn headline(&self) -> String {
        self.app.trip_screen(ACI_KEY).expect("trip screen").headline
    }

    /// Every change received so far, flattened to trip ids (and `*` for "everything").
    fn drain_changes(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        while let Ok(c) = self.changes.try_recv() {
            out.extend(c.trip_ids);
            if c.all {
                out.push("*".into());
            }
        }
        out
    }
}

/// A clock time as a driver reads it: "14:37", or "Wed 2 Dec 14:37" when it is not today (a run
/// near midnight) — never RFC 3339 or UTC.
fn hh_mm(s: &str) -> bool {
    let time = s.rsplit(' ').next().unwrap_or_default().as_bytes();
    let clock = time.len() == 5
        && time[2] == b':'
        && time
            .iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit());
    clock && !s.contains('T') && !s.contains('Z') && !s.contains('+') && s.len() <= 16
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_sign_in_and_first_sync() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let mut d = driver(&fleet);

    let start = d.app.start_screen(false).expect("start");
    assert_eq!(start.step, StartStep::SignIn);
    assert!(
        matches!(&start.input, Some(FormInput::Text { id, required: true, .. }) if id == "token")
    );
    match d.app.check_token("crx d 123") {
        SignInOutcome::Refused { message } => assert!(message.contains("no spaces"), "{message}"),
        other => panic!("accepted a token with spaces: {other:?}"),
    }
    assert!(matches!(
        d.app.check_token("  "),
        SignInOutcome::Refused { .. }
    ));
    let typed = format!("  {}\n", fleet.driver);
    assert_eq!(
        d.app.check_token(&typed),
        SignInOutcome::Accepted {
            token: fleet.driver.clone()
        }
    );

    // Signed in, nothing synced yet: the first-sync step, an empty list that says why.
    let first = d.app.start_screen(true).expect("start");
    assert_eq!(first.step, StartStep::FirstSync);
    assert_eq!(first.sync.headline, "Not synced yet");
    let empty = d.app.trip_list().expect("list");
    assert!(empty.rows.is_empty() && empty.empty_text.is_some());

    d.app.signed_in();
    let outcome = d.app.sync_now().await.expect("sync");
    assert_eq!(outcome.advice, SyncAdvice::Done, "{}", outcome.message);
    assert_eq!(outcome.view.headline, "Up to date");
    assert_eq!(outcome.view.detail, "Last sync just now");
    assert!(
        d.drain_changes().contains(&ACI_KEY.to_string()),
        "the list is told to redraw"
    );

    assert_eq!(
        d.app.start_screen(true).expect("start").step,
        StartStep::Ready
    );
    let list = d.app.trip_list().expect("list");
    assert_eq!(list.rows.len(), 1);
    let row = &list.rows[0];
    assert_eq!(
        (row.id.as_str(), row.title.as_str()),
        (ACI_KEY, "ACI 1234TR261126001")
    );
    assert!(row.current);
    // The ETA in the port's zone, with its abbreviation, never RFC 3339.
    assert!(row.detail.starts_with("To 0453 · ETA "), "{}", row.detail);
    assert!(
        row.detail.ends_with(" 12:00 EST") || row.detail.ends_with(" 12:00 EDT"),
        "{}",
        row.detail
    );
    assert_eq!(row.status, "Assigned: acknowledge the manifest");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_a_day_at_the_border_offline_with_inspection_exception_and_deliveries() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let d = driver(&fleet);
    assert_eq!(
        d.app.sync_now().await.expect("sync").advice,
        SyncAdvice::Done
    );

    // Acknowledge: the recommended button, first, recorded with one tap.
    let screen = d.app.trip_screen(ACI_KEY).expect("screen");
    let first = &screen.actions[0];
    assert_eq!(
        (first.kind, first.recommended, first.opens_form),
        (EventKind::TripAcknowledged, true, false)
    );
    assert!(screen.actions.iter().filter(|a| a.recommended).count() == 1);
    let ids: Vec<&str> = screen.sections.iter().map(|s| s.id.as_str()).collect();
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len(), "section ids are unique: {ids:?}");
    d.recorded(EventKind::TripAcknowledged, &[]);
    d.recorded(EventKind::DepartedOrigin, &[]);
    assert_eq!(
        d.app.trip_screen(ACI_KEY).expect("screen").actions[0].kind,
        EventKind::ArrivedAtBorder
    );

    // No signal at the border.
    d.faulty.set(Faults {
        offline: true,
        ..Faults::default()
    });
    let offline = d.app.sync_now().await.expect("sync");
    assert_eq!(offline.advice, SyncAdvice::RetryLater);
    let retry_at = offline
        .view
        .headline
        .strip_prefix("Offline · retrying at ")
        .expect("offline headline");
    assert!(
        hh_mm(retry_at),
        "a local clock time, not RFC 3339: {retry_at}"
    );
    assert_eq!(offline.view.needs, None);

    // Arrival with the default port: the form preselects the trip's port.
    let form = d
        .app
        .record_form(ACI_KEY, EventKind::ArrivedAtBorder)
        .expect("form");
    match &form.inputs[0] {
        FormInput::Choice {
            id,
            selected,
            other_hint,
            ..
        } => {
            assert_eq!((id.as_str(), selected.as_deref()), ("port", Some("0453")));
            assert!(other_hint.is_some());
        }
        other => panic!("port picker expected: {other:?}"),
    }
    d.recorded(EventKind::ArrivedAtBorder, &[]);
    assert_eq!(d.headline(), "At the border (0453) · not yet sent");

    // Secondary inspection: the level must be chosen.
    let refused = d.record(EventKind::InInspection, &[]);
    assert!(
        matches!(&refused, RecordOutcome::Refused { input: Some(i), .. } if i == "inspection"),
        "{refused:?}"
    );
    assert!(matches!(
        d.record(EventKind::InInspection, &[("inspection", "tertiary")]),
        RecordOutcome::Refused { .. }
    ));
    d.recorded(EventKind::InInspection, &[("inspection", "secondary")]);
    assert_eq!(d.headline(), "In secondary inspection · not yet sent");

    // An exception needs a note; the refusal says so and nothing is stored.
    let events_before = d.app.trip_screen(ACI_KEY).expect("screen").history.len();
    match d.record(EventKind::Exception, &[("note", "   ")]) {
        RecordOutcome::Refused { input, message } => {
            assert_eq!(input.as_deref(), Some("note"));
            assert_eq!(
                message,
                "Note is required for exception events: say what happened"
            );
        }
        other => panic!("exception without a note recorded: {other:?}"),
    }
    assert_eq!(
        d.app.trip_screen(ACI_KEY).expect("screen").history.len(),
        events_before
    );
    d.recorded(
        EventKind::Exception,
        &[("note", "Seal checked by officer, resealed")],
    );

    // Back in signal: released, at the consignee.
    d.faulty.set(Faults::default());
    d.recorded(EventKind::Released, &[]);
    d.recorded(EventKind::ArrivedAtConsignee, &[]);

    // Delivering the second of three through the picker.
    let form = d
        .app
        .record_form(ACI_KEY, EventKind::Delivered)
        .expect("form");
    let FormInput::Choice {
        options,
        selected,
        required,
        ..
    } = &form.inputs[0]
    else {
        panic!("shipment picker expected");
    };
    assert_eq!(
        options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
        SHIPMENTS
    );
    assert!(
        selected.is_none() && *required,
        "three open shipments: the driver picks"
    );
    assert!(
        matches!(d.record(EventKind::Delivered, &[]), RecordOutcome::Refused { input: Some(i), .. } if i == "shipment")
    );
    d.recorded(EventKind::Delivered, &[("shipment", SHIPMENTS[1])]);
    let form = d
        .app
        .record_form(ACI_KEY, EventKind::Delivered)
        .expect("form");
    let FormInput::Choice { options, .. } = &form.inputs[0] else {
        panic!("picker")
    };
    assert_eq!(
        options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
        [SHIPMENTS[0], SHIPMENTS[2]]
    );
    assert_eq!(
        d.headline(),
        "Delivering: 1 of 3 shipments delivered · not yet sent"
    );

    let done = d.app.sync_now().await.expect("sync");
    assert_eq!(done.advice, SyncAdvice::Done, "{}", done.message);
    assert_eq!(
        (done.view.pending, done.view.headline.as_str()),
        (0, "Up to date")
    );
    let on_server = fleet.events(ACI).await;
    let kinds: Vec<&str> = on_server
        .iter()
        .map(|e| e["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(
        kinds,
        [
            "trip_acknowledged",
            "departed_origin",
            "arrived_at_border",
            "in_inspection",
            "exception",
            "released",
            "arrived_at_consignee",
            "delivered"
        ]
    );
    assert_eq!(on_server[2]["port"], "0453");
    assert_eq!(on_server[3]["inspection"], "secondary");
    assert_eq!(on_server[7]["shipment"], SHIPMENTS[1]);

    // History: newest first, local times, all sent.
    let history = d.app.trip_screen(ACI_KEY).expect("screen").history;
    assert_eq!(history.len(), 8);
    assert_eq!(history[0].text, format!("Delivered · {}", SHIPMENTS[1]));
    assert!(
        history
            .iter()
            .all(|h| h.state_text == "Sent" && hh_mm(&h.time)),
        "{history:?}"
    );

    // A correction targets one of those events and needs a note.
    let form = d
        .app
        .record_form(ACI_KEY, EventKind::Correction)
        .expect("form");
    let FormInput::Choice { id, options, .. } = &form.inputs[0] else {
        panic!("target picker")
    };
    assert_eq!((id.as_str(), options.len()), ("corrects", 8));
    let target = history[1].id.clone();
    d.recorded(
        EventKind::Correction,
        &[("corrects", &target), ("note", "Tapped by mistake")],
    );
    let screen = d.app.trip_screen(ACI_KEY).expect("screen");
    assert!(screen.history.iter().any(|h| h.id == target && h.corrected));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_amendment_arrives_while_the_manifest_is_open() {
    let fleet = Fleet::start(Config::default()).await;
    let mut doc = fleet.fresh_trip("aci-trip.json");
    fleet.push(&doc, Some("D1")).await;
    let mut d = driver(&fleet);
    d.app.sync_now().await.expect("sync");
    d.recorded(EventKind::TripAcknowledged, &[]);
    let open = d.app.trip_screen(ACI_KEY).expect("screen");
    assert!(open.amendment.is_none());
    let code_before = d
        .app
        .border_screen(ACI_KEY, None)
        .expect("border")
        .code
        .expect("code");
    d.drain_changes();

    doc["version"] = 2.into();
    doc["tripNumber"] = "1234TR261126009".into();
    fleet.push(&doc, Some("D1")).await;
    d.app.sync_now().await.expect("sync");
    assert!(
        d.drain_changes().contains(&ACI_KEY.to_string()),
        "the open screen is told to redraw"
    );

    let screen = d.app.trip_screen(ACI_KEY).expect("screen");
    let amendment = screen.amendment.expect("amendment");
    assert_eq!((amendment.from_version, amendment.to_version), (1, 2));
    assert!(amendment.codes_changed);
    let banner = screen.banner.expect("amendment banner");
    assert_eq!(banner.title, "Your fleet changed this trip (version 1 → 2)");
    assert_eq!(
        banner.lines,
        [
            "Trip number: 1234TR261126001 → 1234TR261126009",
            "Void if printed before: ACI lead sheet. Print them again."
        ]
    );
    assert!(banner.papers_void);
    assert_eq!(amendment.sheets_void, ["ACI lead sheet"]);
    // New paper, offline, from the new version.
    assert_eq!(screen.papers.len(), 1);
    let paper = d
        .app
        .paper(ACI_KEY, &screen.papers[0].id, false)
        .expect("lead sheet");
    assert!(paper.pdf.starts_with(b"%PDF-1.4"));
    assert_eq!(paper.file_name, "ACI lead sheet 1234TR261126009 v2.pdf");
    assert_eq!(paper.mime_type, "application/pdf");
    assert!(paper.notice.is_none());
    let ack = banner.acknowledge.expect("the banner acknowledges");
    assert_eq!(
        (ack.kind, ack.label.as_str()),
        (EventKind::TripAcknowledged, "Acknowledge the changes")
    );
    assert_eq!(
        screen.actions[0].kind,
        EventKind::TripAcknowledged,
        "acknowledging is the next step"
    );
    let code_after = d
        .app
        .border_screen(ACI_KEY, None)
        .expect("border")
        .code
        .expect("code");
    assert_eq!(
        (code_after.payload.as_str(), code_after.trip_version),
        ("1234TR261126009", 2)
    );
    assert_ne!(code_before.matrix, code_after.matrix);

    d.recorded(ack.kind, &[]);
    let screen = d.app.trip_screen(ACI_KEY).expect("screen");
    assert!(screen.amendment.is_none() && screen.banner.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_trip_cancelled_while_its_border_screen_is_open() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let mut d = driver(&fleet);
    d.app.sync_now().await.expect("sync");
    let border = d
        .app
        .border_screen(ACI_KEY, Some(&format!("ccn128:{}", SHIPMENTS[0])))
        .expect("border");
    assert_eq!(
        border.selected.as_deref(),
        Some(format!("ccn128:{}", SHIPMENTS[0]).as_str())
    );
    assert!(border.code.is_some() && border.keep_screen_on && border.notice.is_none());
    d.drain_changes();

    let (status, _) = fleet
        .request(
            "POST",
            &format!("/v1/fleet/trips/{ACI}/cancel"),
            Some(&fleet.manager),
            None,
        )
        .await;
    assert_eq!(status, 204);
    d.app.sync_now().await.expect("sync");
    assert!(d.drain_changes().contains(&ACI_KEY.to_string()));

    let border = d
        .app
        .border_screen(ACI_KEY, Some(&format!("ccn128:{}", SHIPMENTS[0])))
        .expect("border");
    assert!(border.code.is_none() && !border.keep_screen_on && border.codes.is_empty());
    let notice = border.notice.expect("a notice, not a blank screen");
    assert!(
        notice.starts_with("Your fleet cancelled this trip"),
        "{notice}"
    );
    let screen = d.app.trip_screen(ACI_KEY).expect("screen");
    assert_eq!(screen.state, TripState::Cancelled);
    assert!(screen.notice.is_some() && screen.codes.is_empty() && screen.papers.is_empty());
    assert!(
        d.app.paper(ACI_KEY, "aci-lead", false).is_err(),
        "a cancelled trip prints nothing"
    );
    assert_eq!(
        screen.actions.iter().map(|a| a.kind).collect::<Vec<_>>(),
        [EventKind::Exception]
    );
    let list = d.app.trip_list().expect("list");
    assert_eq!(list.rows[0].status, "Trip cancelled by the fleet");
    assert!(!list.rows[0].current);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_damaged_store_at_start_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(Crossing::open(dir.path()).expect("first open"));
    std::fs::write(
        dir.path().join(crossing_core::CACHE_FILE),
        b"this is not a database at all, just bytes",
    )
    .expect("damage");
    let _ = std::fs::remove_file(dir.path().join("cache.db-wal"));
    let core = Arc::new(Crossing::open(dir.path()).expect("opens anyway"));
    let app = App::new(core, None, "America/Toronto");
    let notice = app.recovery_notice().expect("a recovery notice");
    assert_eq!(notice.title, "Your data was repaired");
    assert!(
        notice.lines[0].contains("come back with the next sync"),
        "{:?}",
        notice.lines
    );
    assert_eq!(notice.dismiss_label.as_deref(), Some("OK"));
    app.dismiss_recovery();
    assert!(app.recovery_notice().is_none(), "shown once");
    assert_eq!(app.sync_view().expect("sync").headline, "Sync is off");

    // A store from a newer app: a screen that says "update", not a crash.
    drop(app);
    let conn =
        rusqlite::Connection::open(dir.path().join(crossing_core::OUTBOX_FILE)).expect("open");
    conn.pragma_update(None, "user_version", 999).expect("bump");
    drop(conn);
    let err = Crossing::open(dir.path()).expect_err("too new");
    let notice = app::startup_notice(
        StartupFailure::from(&err),
        &crossing_core::text::Text::default(),
    );
    assert_eq!(
        (notice.title.as_str(), notice.needs),
        ("Update the app", Some(Need::UpdateApp))
    );
    assert!(notice.dismiss_label.is_none());
}

/// A token store that throws (a locked phone), then says "signed out".
struct LockedThenSignedOut {
    locked: AtomicBool,
}

impl TokenProvider for LockedThenSignedOut {
    fn token(&self, _force_refresh: bool) -> Result<Option<String>, TokenUnavailable> {
        if self.locked.load(Ordering::SeqCst) {
            Err(TokenUnavailable("keychain: interaction not allowed".into()))
        } else {
            Ok(None)
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_a_token_provider_that_throws_means_retry_not_sign_in() {
    let fleet = Fleet::start(Config::default()).await;
    let faulty = Arc::new(Faulty::new(
        HttpTransport::new(&fleet.url).expect("transport"),
    ));
    let tokens = Arc::new(LockedThenSignedOut {
        locked: AtomicBool::new(true),
    });
    let d = driver_with(&fleet, faulty.clone(), tokens.clone(), faulty);
    let outcome = d.app.sync_now().await.expect("sync");
    assert_eq!(
        outcome.advice,
        SyncAdvice::RetryLater,
        "{}",
        outcome.message
    );
    assert_eq!(outcome.view.needs, None);
    assert!(
        outcome
            .view
            .headline
            .starts_with("Sync paused · retrying at "),
        "{}",
        outcome.view.headline
    );
    assert_eq!(
        d.app.start_screen(true).expect("start").step,
        StartStep::FirstSync,
        "not sent back to sign-in"
    );
    assert_eq!(d.faulty.count(), 0, "nothing was sent without a token");

    tokens.locked.store(false, Ordering::SeqCst);
    // The backoff of the failed run is the loop's; a manual sync runs at once.
    let outcome = d.app.sync_now().await.expect("sync");
    assert_eq!(outcome.advice, SyncAdvice::NeedsDriver);
    assert_eq!(outcome.view.needs, Some(Need::SignIn));
    assert_eq!(
        d.app.start_screen(true).expect("start").step,
        StartStep::SignIn
    );
}

/// Holds the first request until released.
struct Gate {
    inner: Arc<dyn Transport>,
    arrived: AtomicBool,
    release: tokio::sync::Notify,
}

impl Transport for Gate {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        Box::pin(async move {
            if !self.arrived.swap(true, Ordering::SeqCst) {
                self.release.notified().await;
            }
            self.inner.send(request).await
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_two_syncs_at_once_make_one_run_on_the_wire() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let faulty = Arc::new(Faulty::new(
        HttpTransport::new(&fleet.url).expect("transport"),
    ));
    let gate = Arc::new(Gate {
        inner: faulty.clone(),
        arrived: AtomicBool::new(false),
        release: tokio::sync::Notify::new(),
    });
    let d = driver_with(
        &fleet,
        gate.clone(),
        Arc::new(StaticToken(fleet.driver.clone())),
        faulty,
    );
    let service = Arc::clone(d.app.sync_service().expect("service"));
    let mut states = service.subscribe();
    let opener = {
        let gate = Arc::clone(&gate);
        tokio::spawn(async move {
            while !gate.arrived.load(Ordering::SeqCst) {
                tokio::task::yield_now().await;
            }
            gate.release.notify_one();
        })
    };
    // Pull-to-refresh and a background task at the same moment: the second joins the first.
    let (a, b) = tokio::join!(d.app.sync_now(), d.app.sync_now());
    opener.await.expect("opener");
    let (a, b) = (a.expect("a"), b.expect("b"));
    assert_eq!((a.advice, b.advice), (SyncAdvice::Done, SyncAdvice::Done));
    assert_eq!(a.message, b.message);
    assert_eq!(service.runs(), 1, "one run");
    let wire = d.faulty.log.lock().expect("log").len();
    assert_eq!(
        wire, 2,
        "one run: register and one changes page (no events pending)"
    );
    assert!(states.has_changed().expect("open"), "the run was published");
    assert_eq!(
        *states.borrow_and_update(),
        crossing_core::planner::SyncState::Idle
    );
    assert_eq!(d.app.trip_list().expect("list").rows.len(), 1);
    drop(d.dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_retry_after_holds_for_a_manual_sync_too() {
    let fleet = Fleet::start(Config::default()).await;
    let d = driver(&fleet);
    d.faulty.set(Faults {
        outage_retry_after: Some(600),
        ..Faults::default()
    });
    let first = d.app.sync_now().await.expect("sync");
    assert_eq!(first.advice, SyncAdvice::RetryLater);
    let sent = d.faulty.count();
    assert_eq!(sent, 1);
    // Pull-to-refresh inside the server's Retry-After: nothing goes on the wire.
    d.faulty.set(Faults::default());
    let second = d.app.sync_now().await.expect("sync");
    assert_eq!(second.advice, SyncAdvice::RetryLater);
    assert_eq!(d.faulty.count(), sent, "no request inside Retry-After");
    let service = d.app.sync_service().expect("service");
    assert_eq!((service.runs(), service.attempt()), (1, 1));
}

/// Collects every log line of this test binary.
struct Lines(Mutex<Vec<String>>, AtomicUsize);

impl LogSink for Lines {
    fn log(&self, level: Level, area: &str, message: &str) {
        self.1.fetch_add(1, Ordering::Relaxed);
        self.0
            .lock()
            .expect("lines")
            .push(format!("{level:?} {area} {message}"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_the_support_log_names_no_person_document_plate_or_token() {
    let lines = Arc::new(Lines(Mutex::new(Vec::new()), AtomicUsize::new(0)));
    crossing_core::log::set_sink(Some(lines.clone()));
    let fleet = Fleet::start(Config::default()).await;
    let mut doc = fleet.fresh_trip("aci-trip.json");
    let canaries = ["Zqcanaryfirst", "Zqcanarylast", "ZQCANARYDOC77", "ZQCNRY77"];
    doc["crew"][0]["firstName"] = canaries[0].into();
    doc["crew"][0]["lastName"] = canaries[1].into();
    doc["crew"][0]["travelDocuments"][0]["number"] = canaries[2].into();
    doc["conveyance"]["plates"][0]["number"] = canaries[3].into();
    fleet.push(&doc, Some("D1")).await;
    let d = driver(&fleet);
    d.app.sync_now().await.expect("sync");
    // A refusal that quotes what the driver typed, an offline run, a refused upload.
    assert!(matches!(
        d.record(EventKind::Delivered, &[("shipment", canaries[3])]),
        RecordOutcome::Refused { .. }
    ));
    d.faulty.set(Faults {
        offline: true,
        ..Faults::default()
    });
    d.recorded(EventKind::Exception, &[("note", canaries[0])]);
    d.app.sync_now().await.expect("sync");
    d.faulty.set(Faults {
        events_status: Some(400),
        ..Faults::default()
    });
    d.app.sync_now().await.expect("sync");
    d.app.signed_in();
    crossing_core::log::set_sink(None);

    let all = lines.0.lock().expect("lines").join("\n");
    assert!(
        lines.1.load(Ordering::Relaxed) >= 7,
        "sync runs, results and the refusal are logged:\n{all}"
    );
    assert!(
        all.contains("record warn") || all.contains("Warn record"),
        "{all}"
    );
    let mut forbidden: Vec<&str> = canaries.to_vec();
    forbidden.extend([
        fleet.driver.as_str(),
        "1234TR261126001",
        SHIPMENTS[0],
        ACI,
        "Tremblay",
        "Marie",
    ]);
    for f in forbidden {
        assert!(!all.contains(f), "the log holds {f:?}:\n{all}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_recording_still_works_when_the_cache_was_lost() {
    let fleet = Fleet::start(Config::default()).await;
    fleet
        .push(&fleet.fresh_trip("aci-trip.json"), Some("D1"))
        .await;
    let mut d = driver(&fleet);
    d.app.sync_now().await.expect("sync");
    d.app.core().wipe_cache().expect("wipe");
    assert!(
        d.drain_changes().contains(&"*".to_string()),
        "every screen redraws"
    );
    assert!(matches!(
        d.app.trip_screen(ACI_KEY),
        Err(crossing_core::Error::UnknownTrip(_))
    ));
    // The outbox remembers the trip: the port still defaults, the shipment is still checked.
    d.recorded(EventKind::ArrivedAtBorder, &[]);
    assert!(matches!(
        d.record(EventKind::Delivered, &[("shipment", "NOPE1")]),
        RecordOutcome::Refused { input: Some(i), .. } if i == "shipment"
    ));
    d.app.sync_now().await.expect("sync");
    let events = fleet.events(ACI).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["port"], "0453");
    assert!(
        d.app.trip_screen(ACI_KEY).is_ok(),
        "the pull brought the trip back"
    );
}

/// A stale token, and a store that cannot be read when a fresh one is asked for.
struct StaleThenLocked;

impl TokenProvider for StaleThenLocked {
    fn token(&self, force_refresh: bool) -> Result<Option<String>, TokenUnavailable> {
        if force_refresh {
            Err(TokenUnavailable("keystore: user not authenticated".into()))
        } else {
            Ok(Some("crd_stale_token".into()))
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_a_token_store_locked_at_refresh_means_retry_not_offline() {
    let fleet = Fleet::start(Config::default()).await;
    let faulty = Arc::new(Faulty::new(
        HttpTransport::new(&fleet.url).expect("transport"),
    ));
    let d = driver_with(&fleet, faulty.clone(), Arc::new(StaleThenLocked), faulty);
    let outcome = d.app.sync_now().await.expect("sync");
    assert_eq!(
        outcome.advice,
        SyncAdvice::RetryLater,
        "{}",
        outcome.message
    );
    assert_eq!(outcome.view.needs, None, "not sent to sign-in");
    assert!(
        outcome
            .view
            .headline
            .starts_with("Sync paused · retrying at "),
        "the network is fine: {}",
        outcome.view.headline
    );
    assert_eq!(
        d.faulty.count(),
        1,
        "one 401, then no request without a token"
    );
}
