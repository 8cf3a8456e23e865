//! Localization (issue 17): a driver's day through the app model in every shipped language and
//! in the pseudo-locale, with a real fleet server on loopback. Every view model the journey
//! draws is collected as JSON and read string by string:
//! - in every language: no message id, no unformatted `{ $arg }`, the same screens;
//! - in the pseudo-locale (`en-XA`, accented and lengthened, each message in `⟦…⟧`): no English
//!   word of the catalogue left outside a marked message, and no message cut short;
//! - in French, Punjabi and Spanish: the words are not English's, identifiers are as sent,
//!   official terms keep the English word in front, and times are in the locale's form.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use crossing_core::app::{self, App, InputValue, RecordIntent, RecordOutcome, StartupFailure};
use crossing_core::sync::{StaticToken, SyncConfig, SyncService, Syncer};
use crossing_core::text::{Lang, Text};
use crossing_core::transport::HttpTransport;
use crossing_core::{Crossing, EventKind};
use crossing_fleet::Config;
use crossing_integration_tests::fleet::{Faults, Faulty, Fleet};
use serde::Serialize;

const ACI_KEY: &str = "F1:T-2026-11-0417";
const PARS: &str = "1234PARS261126001";

/// Keys whose strings are the trip's own data or identifiers, never words of the catalogue.
const DATA_KEYS: [&str; 18] = [
    "id",
    "trip_id",
    "event_id",
    "payload",
    "human_readable",
    "shipment",
    "selected",
    "mime_type",
    // The input a refusal points at (its id).
    "input",
    // Machine values (enums) the shells map to icons, and RFC 3339 times inside them.
    "step",
    "tone",
    "state",
    "kind",
    "phase",
    "needs",
    "type",
    "advice",
    "symbology",
];

/// Every screen string of a journey, with where it was found.
#[derive(Default)]
struct Seen {
    strings: Vec<(String, String)>,
}

impl Seen {
    fn add(&mut self, screen: &str, value: &impl Serialize) {
        let json = serde_json::to_value(value).expect("json");
        walk(screen, &json, &mut self.strings);
    }
}

fn walk(at: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((at.to_string(), s.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(&format!("{at}[{i}]"), item, out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                // Code matrices and PDFs are numbers; identifiers and data are not words.
                if DATA_KEYS.contains(&k.as_str()) || k == "pdf" || k == "matrix" {
                    continue;
                }
                walk(&format!("{at}.{k}"), item, out);
            }
        }
        _ => {}
    }
}

fn phone(fleet: &Fleet, lang: Lang) -> (tempfile::TempDir, App, Arc<Faulty>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let core =
        Arc::new(Crossing::open_with_clock(dir.path(), Arc::clone(&fleet.clock)).expect("core"));
    assert_eq!(core.set_preferred_locales(&[lang.tag()]), lang);
    let faulty = Arc::new(Faulty::new(
        HttpTransport::new(&fleet.url).expect("transport"),
    ));
    let syncer = Syncer::new(
        Arc::clone(&core),
        faulty.clone(),
        Arc::new(StaticToken(fleet.driver.clone())),
        SyncConfig::default(),
    );
    let app = App::new(
        core,
        Some(Arc::new(SyncService::new(syncer))),
        "America/Toronto",
    );
    (dir, app, faulty)
}

fn intent(kind: EventKind, values: &[(&str, &str)]) -> RecordIntent {
    RecordIntent {
        trip_id: ACI_KEY.into(),
        kind,
        values: values
            .iter()
            .map(|(id, value)| InputValue {
                id: (*id).into(),
                value: (*value).into(),
            })
            .collect(),
    }
}

/// The journey: sign-in, first sync, every form, offline recording, a refusal, the border
/// screen with each code, the paper, customs' "not matched" notice, an amendment, the notices.
async fn journey(lang: Lang) -> Seen {
    let fleet = Fleet::start(Config::default()).await;
    let mut doc = fleet.fresh_trip("aci-trip.json");
    fleet.push(&doc, Some("D1")).await;
    let (_dir, app, faulty) = phone(&fleet, lang);
    let mut seen = Seen::default();

    seen.add("start(sign in)", &app.start_screen(false).expect("start"));
    seen.add("token(empty)", &app.check_token(" "));
    seen.add("token(spaces)", &app.check_token("a b"));
    seen.add("start(first sync)", &app.start_screen(true).expect("start"));
    seen.add("list(empty)", &app.trip_list().expect("list"));
    seen.add("sync", &app.sync_now().await.expect("sync"));
    seen.add("list", &app.trip_list().expect("list"));
    let screen = app.trip_screen(ACI_KEY).expect("screen");
    seen.add("trip", &screen);
    for kind in EventKind::ALL {
        seen.add(
            &format!("form({kind})"),
            &app.record_form(ACI_KEY, kind).expect("form"),
        );
    }
    let record = |kind, values: &[(&str, &str)]| app.record(&intent(kind, values)).expect("record");
    seen.add("ack", &record(EventKind::TripAcknowledged, &[]));
    seen.add("depart", &record(EventKind::DepartedOrigin, &[]));

    faulty.set(Faults {
        offline: true,
        ..Faults::default()
    });
    seen.add("sync(offline)", &app.sync_now().await.expect("sync"));
    seen.add("arrive", &record(EventKind::ArrivedAtBorder, &[]));
    seen.add(
        "inspection",
        &record(EventKind::InInspection, &[("inspection", "secondary")]),
    );
    let refused = record(EventKind::Exception, &[]);
    assert!(
        matches!(&refused, RecordOutcome::Refused { input: Some(i), .. } if i == "note"),
        "{refused:?}"
    );
    seen.add("exception(no note)", &refused);
    seen.add(
        "port(bad)",
        &record(EventKind::ArrivedAtBorder, &[("port", "45")]),
    );
    seen.add(
        "exception",
        &record(EventKind::Exception, &[("note", "XQZ-7")]),
    );
    let screen = app.trip_screen(ACI_KEY).expect("screen");
    seen.add("trip(offline)", &screen);
    for code in &screen.codes {
        seen.add(
            &format!("border({})", code.id),
            &app.border_screen(ACI_KEY, Some(&code.id)).expect("border"),
        );
    }
    for paper in &screen.papers {
        let mut file = app.paper(ACI_KEY, &paper.id, false).expect("paper");
        file.pdf.clear();
        seen.add(&format!("paper({})", paper.id), &file);
    }
    seen.add(
        "form(correction)",
        &app.record_form(ACI_KEY, EventKind::Correction)
            .expect("form"),
    );

    faulty.set(Faults::default());
    let notice = serde_json::json!({"data": "ACI_NOTICE", "type": "NOT_MATCHED",
        "cargoControlNumber": PARS, "cbsaDateTime": "2026-11-26 10:10:00"});
    let (status, body) = fleet
        .request(
            "POST",
            "/v1/fleet/borderconnect",
            Some(&fleet.manager),
            Some(notice.to_string()),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    doc["version"] = 2.into();
    doc["tripNumber"] = "1234TR261126009".into();
    fleet.push(&doc, Some("D1")).await;
    seen.add("sync(back)", &app.sync_now().await.expect("sync"));
    let screen = app.trip_screen(ACI_KEY).expect("screen");
    assert!(
        screen.banner.is_some() && screen.notice.is_some(),
        "{screen:?}"
    );
    seen.add("trip(amended, customs)", &screen);
    seen.add("list(after)", &app.trip_list().expect("list"));
    seen.add("badge", &app.sync_view().expect("badge"));

    // The fleet cancels the trip: the tombstone's notices, on the trip and the border screen.
    let (status, _) = fleet
        .request(
            "POST",
            "/v1/fleet/trips/T-2026-11-0417/cancel",
            Some(&fleet.manager),
            None,
        )
        .await;
    assert_eq!(status, 204);
    seen.add("sync(cancelled)", &app.sync_now().await.expect("sync"));
    let cancelled = app.trip_screen(ACI_KEY).expect("screen");
    assert!(cancelled.notice.is_some(), "{cancelled:?}");
    seen.add("trip(cancelled)", &cancelled);
    seen.add(
        "border(cancelled)",
        &app.border_screen(ACI_KEY, None).expect("border"),
    );
    seen.add("list(cancelled)", &app.trip_list().expect("list"));

    // A damaged trip cache at start-up: the recovery notice.
    let damaged = tempfile::tempdir().expect("tempdir");
    drop(Crossing::open(damaged.path()).expect("first open"));
    std::fs::write(
        damaged.path().join(crossing_core::CACHE_FILE),
        b"this is not a database at all, just bytes",
    )
    .expect("damage");
    let _ = std::fs::remove_file(damaged.path().join("cache.db-wal"));
    let core = Arc::new(Crossing::open(damaged.path()).expect("opens anyway"));
    core.set_preferred_locales(&[lang.tag()]);
    let repaired = App::new(core, None, "America/Toronto");
    seen.add(
        "recovery",
        &repaired.recovery_notice().expect("a recovery notice"),
    );

    let text = Text::new(lang);
    seen.add("shell", &app::shell_texts(&text));
    for failure in [
        StartupFailure::TooNew,
        StartupFailure::Storage,
        StartupFailure::Other,
    ] {
        seen.add("startup", &app::startup_notice(failure, &text));
    }
    seen
}

/// Words of the English catalogue (three letters or more, outside placeables, not written in
/// capitals): what must not be left in a pseudo-localized screen.
fn english_words() -> HashSet<String> {
    let mut words = HashSet::new();
    for line in Lang::En.source().lines() {
        if line.starts_with('#') {
            continue;
        }
        let text = match line.split_once(" = ") {
            Some((_, v)) => v,
            None => line,
        };
        let mut depth = 0;
        let mut plain = String::new();
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => plain.push(c),
                _ => plain.push(' '),
            }
        }
        for w in plain.split(|c: char| !c.is_ascii_alphabetic()) {
            if w.len() >= 3 && !w.bytes().all(|b| b.is_ascii_uppercase()) {
                words.insert(w.to_ascii_lowercase());
            }
        }
    }
    words
}

/// The text outside `⟦…⟧`, and whether the marks balance.
fn outside_marks(s: &str) -> (String, bool) {
    let mut depth = 0i32;
    let mut out = String::new();
    let mut balanced = true;
    for c in s.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => {
                depth -= 1;
                balanced &= depth >= 0;
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    (out, balanced && depth == 0)
}

fn message_ids() -> BTreeSet<String> {
    crossing_core::text::catalogue_messages(&Lang::En.source())
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

fn common_checks(lang: Lang, seen: &Seen) {
    let ids = message_ids();
    assert!(seen.strings.len() > 300, "{}", seen.strings.len());
    for (at, s) in &seen.strings {
        assert!(
            !ids.contains(s.as_str()),
            "{} {at}: a raw message id {s:?}",
            lang.tag()
        );
        assert!(
            !s.contains("{ $") && !s.contains("{$"),
            "{} {at}: unformatted {s:?}",
            lang.tag()
        );
    }
}

fn find<'a>(seen: &'a Seen, at: &str) -> &'a str {
    seen.strings
        .iter()
        .find(|(k, _)| k == at)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {at}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pseudo_locale_shows_no_english_and_nothing_cut() {
    let seen = journey(Lang::Pseudo).await;
    common_checks(Lang::Pseudo, &seen);
    let english = english_words();
    // The trip's own words (its goods, names, addresses): data no catalogue holds.
    let mut data_strings = Vec::new();
    let trip: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/aci-trip.json")).expect("trip");
    walk("trip", &trip, &mut data_strings);
    let data: HashSet<String> = data_strings
        .iter()
        .flat_map(|(_, s)| s.split(|c: char| !c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase)
        .collect();
    let mut marked = 0;
    for (at, s) in &seen.strings {
        let (rest, balanced) = outside_marks(s);
        assert!(balanced, "{at}: a message cut short: {s:?}");
        marked += usize::from(rest.len() < s.len());
        for w in rest.split(|c: char| !c.is_ascii_alphabetic()) {
            let lower = w.to_ascii_lowercase();
            let capitals = w.bytes().all(|b| b.is_ascii_uppercase());
            assert!(
                w.len() < 3 || capitals || data.contains(&lower) || !english.contains(&lower),
                "{at}: English {w:?} left in {s:?}"
            );
        }
    }
    assert!(
        marked * 10 > seen.strings.len() * 7,
        "{marked} of {} marked",
        seen.strings.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn french_punjabi_and_spanish_journeys_read_in_their_language() {
    let en = journey(Lang::En).await;
    common_checks(Lang::En, &en);
    assert_eq!(
        find(&en, "trip.headline"),
        "Assigned: acknowledge the manifest"
    );
    for lang in [Lang::FrCa, Lang::Pa, Lang::EsMx] {
        let seen = journey(lang).await;
        common_checks(lang, &seen);
        assert_eq!(
            seen.strings.len(),
            en.strings.len(),
            "{}: the same screens",
            lang.tag()
        );
        if std::env::var_os("CROSSING_I18N_DUMP").is_some() {
            for ((at, a), (_, b)) in seen.strings.iter().zip(&en.strings) {
                if a == b {
                    eprintln!("same {at}: {a}");
                }
            }
        }
        // Of the English strings with words of the catalogue in them (not the trip's data),
        // nearly all read differently.
        let words = english_words();
        let wordy = |s: &str| {
            s.split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| words.contains(w))
        };
        let translatable: Vec<(&String, &String)> = seen
            .strings
            .iter()
            .zip(&en.strings)
            .filter(|((at, _), (_, b))| !at.ends_with(".value") && wordy(b))
            .map(|((at, a), (_, b))| {
                assert_eq!(at, &en.strings[0].0.replace(&en.strings[0].0, at));
                (a, b)
            })
            .collect();
        let same: Vec<&&String> = translatable
            .iter()
            .filter(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect();
        assert!(
            same.len() * 20 < translatable.len(),
            "{}: {} of {} sentences read as in English: {same:?}",
            lang.tag(),
            same.len(),
            translatable.len()
        );
        let headline = find(&seen, "trip.headline");
        assert_ne!(headline, find(&en, "trip.headline"));
        // Identifiers as sent.
        let title = find(&seen, "trip.title");
        assert!(
            title.contains("1234TR261126001") && title.contains("0453"),
            "{title}"
        );
        let customs = find(&seen, "trip(amended, customs).notice");
        assert!(
            customs.contains(PARS) && customs.contains("0453"),
            "{}: {customs}",
            lang.tag()
        );
        // Border actions keep the English term in front.
        let ack = find(&seen, "trip.actions[0].label");
        assert!(
            ack.starts_with("Manifest acknowledged · "),
            "{}: {ack}",
            lang.tag()
        );
        // The ETA in the locale's form, in the port's zone.
        let eta = find(&seen, "trip.eta");
        assert!(eta.ends_with("EST") || eta.ends_with("EDT"), "{eta}");
        match lang {
            Lang::FrCa => assert!(eta.contains(" h "), "{eta}"),
            Lang::Pa => assert!(
                headline
                    .chars()
                    .any(|c| ('\u{0A00}'..='\u{0A7F}').contains(&c)),
                "Gurmukhi: {headline}"
            ),
            _ => assert!(eta.contains(':'), "{eta}"),
        }
    }
}

#[test]
fn changing_the_language_redraws_every_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let core = Crossing::open(dir.path()).expect("core");
    let mut changes = core.subscribe_changes();
    assert_eq!(core.set_preferred_locales(&["en-CA"]), Lang::En);
    assert!(changes.try_recv().is_err(), "English already: no redraw");
    assert_eq!(core.set_preferred_locales(&["pa_IN", "en"]), Lang::Pa);
    assert!(changes.try_recv().expect("redraw").all);
    assert_eq!(core.text().lang(), Lang::Pa);
    assert_eq!(core.set_preferred_locales(&["xx"]), Lang::En);
}

/// Paperwork stays in the officer's language: the same PDF, byte for byte, whatever the
/// driver's; only the file's name and title follow the driver.
#[test]
fn paperwork_is_the_same_in_every_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = crossing_core::FixedClock::new(
        chrono::DateTime::parse_from_rfc3339("2026-11-25T08:00:00-05:00").expect("time"),
    );
    let core = Arc::new(Crossing::open_with_clock(dir.path(), clock).expect("core"));
    let report = core
        .import_trip_json(include_bytes!("../../examples/aci-trip.json"))
        .expect("import");
    let app = App::new(Arc::clone(&core), None, "America/Toronto");
    let english = app
        .paper(&report.trip_id, "aci-lead", true)
        .expect("lead sheet");
    for lang in [Lang::FrCa, Lang::Pa, Lang::EsMx, Lang::Pseudo] {
        core.set_preferred_locales(&[lang.tag()]);
        let sheet = app
            .paper(&report.trip_id, "aci-lead", true)
            .expect("lead sheet");
        assert!(
            sheet.pdf == english.pdf,
            "{}: the sheet changed",
            lang.tag()
        );
        assert_ne!(sheet.file_name, english.file_name, "{}", lang.tag());
        assert!(sheet.file_name.ends_with(".pdf") && sheet.file_name.contains("1234TR261126001"));
    }
}
