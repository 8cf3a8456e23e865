//! The `crossing` binary end to end: exit codes, one-line errors, no partial state.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

/// The morning before the example trips' ETAs (2026-11-26 Toronto, 2026-11-27 Detroit): the
/// phone-only tests run the CLI on a clock fixed here (`--now`), so they pass on any date.
const EXAMPLES_NOW: &str = "2026-11-25T08:00:00-05:00";

/// `crossing --data-dir DATA --now EXAMPLES_NOW ARGS…`
fn crossing(data: &Path, args: &[&str]) -> Output {
    crossing_at(data, Some(EXAMPLES_NOW), args)
}

/// `crossing` on a given clock (`None`: the system clock, for runs against a live server).
fn crossing_at(data: &Path, now: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crossing"));
    cmd.arg("--data-dir").arg(data);
    if let Some(now) = now {
        cmd.args(["--now", now]);
    }
    cmd.args(args)
        .env_remove("CROSSING_DATA_DIR")
        .env_remove("CROSSING_NOW")
        // English unless a test asks: the machine's own language must not leak in.
        .env_remove("CROSSING_LANG")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run crossing")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn import(data: &Path, file: &str) -> Output {
    let path = examples().join(file);
    crossing(data, &["trip", "import", path.to_str().expect("utf8")])
}

#[test]
fn import_list_show_and_events() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = import(dir.path(), "aci-trip.json");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        "trip T-2026-11-0417 version 1: imported"
    );
    let out = import(dir.path(), "aci-trip.json");
    assert!(text(&out.stdout).contains("unchanged: version 1 is already stored"));

    let out = crossing(dir.path(), &["trip", "list"]);
    assert!(
        text(&out.stdout).contains("1234TR261126001"),
        "{}",
        text(&out.stdout)
    );

    let out = crossing(dir.path(), &["trip", "show"]);
    let show = text(&out.stdout);
    assert!(
        show.starts_with("ACI trip 1234TR261126001 → 0453\nStatus: Assigned"),
        "{show}"
    );
    for section in [
        "Conveyance",
        "Trailer 1 of 1",
        "Driver",
        "Shipment 3 of 3 · 1234BND261126003",
    ] {
        assert!(show.contains(section), "{section} missing");
    }

    let out = crossing(dir.path(), &["trip", "show", "T-2026-11-0417", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["trip_id"], "T-2026-11-0417");
    assert_eq!(v["status"]["needs_acknowledgement"], true);

    let out = crossing(
        dir.path(),
        &["event", "record", "T-2026-11-0417", "arrived-at-border"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("(not yet sent)"));
    let out = crossing(dir.path(), &["event", "list", "--pending"]);
    let list = text(&out.stdout);
    assert!(
        list.contains("arrived_at_border") && list.contains("port 0453"),
        "{list}"
    );
    let out = crossing(dir.path(), &["trip", "show"]);
    assert!(text(&out.stdout).contains("Status: At the border (0453) · not yet sent"));
}

#[test]
fn the_clock_is_an_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = examples().join("aci-trip.json");
    let path = path.to_str().expect("utf8");
    // The day after the ETA: the phone still stores the trip, with a warning.
    let out = crossing_at(
        dir.path(),
        Some("2026-11-27T09:00:00-05:00"),
        &["trip", "import", path],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "trip T-2026-11-0417 version 1: imported\n  warning: eta.local \"2026-11-26T14:30:00\": is in the past\n"
    );
    // An event is stamped with the clock's time, in its offset.
    let out = crossing_at(
        dir.path(),
        Some("2026-11-27T09:00:00-05:00"),
        &["event", "record", "T-2026-11-0417", "departed-origin"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = crossing(dir.path(), &["event", "list", "--json"]);
    let events: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        events[0]["occurred_at"]
            .as_str()
            .expect("occurred_at")
            .starts_with("2026-11-27T09:00:00"),
        "{events}"
    );
    // The clock from the environment, too; a bad one is a usage error naming the option.
    let out = Command::new(env!("CARGO_BIN_EXE_crossing"))
        .args([
            "--data-dir",
            dir.path().to_str().expect("utf8"),
            "trip",
            "list",
        ])
        .env("CROSSING_NOW", "next tuesday")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("--now") && err.contains("must be an RFC 3339 date-time"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2_and_other_errors_exit_1_with_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = crossing(dir.path(), &["trip", "frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let out = crossing(dir.path(), &["event", "record", "T1", "teleported"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("is not an event kind"),
        "{}",
        text(&out.stderr)
    );
    let out = crossing(dir.path(), &["barcode", "--kind", "pdf417"]);
    assert_eq!(out.status.code(), Some(2));

    let out = crossing(dir.path(), &["trip", "show"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "crossing: no active trip on this device; import one first\n"
    );

    let out = crossing(dir.path(), &["trip", "import", "/nonexistent/trip.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("crossing: /nonexistent/trip.json: "));
    assert_eq!(text(&out.stderr).lines().count(), 1);

    import(dir.path(), "aci-trip.json");
    let out = crossing(
        dir.path(),
        &[
            "event",
            "record",
            "T-2026-11-0417",
            "delivered",
            "--shipment",
            "NOPE1234",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "crossing: shipment: \"NOPE1234\" is not on trip \"T-2026-11-0417\"\n"
    );
}

#[test]
fn a_bad_file_leaves_no_partial_state() {
    let dir = tempfile::tempdir().expect("tempdir");
    import(dir.path(), "aci-trip.json");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(examples().join("aci-trip.json")).expect("read"))
            .expect("json");
    doc["version"] = 2.into();
    doc["shipments"][1]["controlNumber"] = "9999PARS1".into();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, doc.to_string()).expect("write");
    let before = text(&crossing(dir.path(), &["trip", "show", "--json"]).stdout);
    let out = crossing(dir.path(), &["trip", "import", bad.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "crossing: trip refused: 1 error: shipments[1].controlNumber \"9999PARS1\": must start with the trip's carrier code \"1234\"\n"
    );
    assert_eq!(
        text(&crossing(dir.path(), &["trip", "show", "--json"]).stdout),
        before
    );
}

#[test]
fn barcode_writes_png_and_svg_and_draws_in_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    import(dir.path(), "ace-trip.json");
    let png = dir.path().join("qr.png");
    let out = crossing(
        dir.path(),
        &[
            "barcode",
            "--kind",
            "ace-qr",
            "--png",
            png.to_str().expect("utf8"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let bytes = std::fs::read(&png).expect("png written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let svg = dir.path().join("scn.svg");
    let out = crossing(
        dir.path(),
        &[
            "barcode",
            "T-2026-11-0533",
            "--kind",
            "ace39",
            "--shipment",
            "NRTH884512094",
            "--svg",
            svg.to_str().expect("utf8"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(std::fs::read_to_string(&svg)
        .expect("svg")
        .starts_with("<svg "));
    let out = crossing(dir.path(), &["barcode", "--kind", "qr"]);
    let drawn = text(&out.stdout);
    assert!(
        drawn.contains('█') && drawn.contains("NRTH2026112700017"),
        "{drawn}"
    );
    let out = crossing(dir.path(), &["barcode", "--kind", "crn128"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "crossing: crn128: does not apply to ACE trips\n"
    );
}

#[test]
fn data_dir_comes_from_the_environment_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_crossing"))
        .args(["trip", "list"])
        .env("CROSSING_DATA_DIR", dir.path())
        .output()
        .expect("run");
    assert_eq!(text(&out.stdout).trim(), "no trips");
    assert!(dir.path().join("outbox.db").exists());
}

#[test]
fn demo_runs_the_whole_loop_on_embedded_defaults() {
    // On the system clock, and on clocks far from the day the examples were written (a leap
    // day late in the evening west of UTC, and years before): the demo's ETAs follow its clock.
    for now in [
        None,
        Some("2040-02-29T23:30:00-08:00"),
        Some("2019-03-10T01:59:00-05:00"),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let out_dir = dir.path().join("codes");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_crossing"));
        if let Some(now) = now {
            cmd.args(["--now", now]);
        }
        let out = cmd
            .args(["demo", "--out", out_dir.to_str().expect("utf8")])
            .env_remove("CROSSING_DATA_DIR")
            .env_remove("CROSSING_NOW")
            .output()
            .expect("run demo");
        let s = text(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{now:?}: {s}\n{}",
            text(&out.stderr)
        );
        for line in [
            "ACI trip 1234TR261126001 → 0453",
            "✓ 4 events wait in the outbox while offline",
            "✓ all 4 offline events uploaded",
            "✓ each of the 7 events is on the server exactly once",
            "✓ 'released' recorded on v1 is flagged stale_trip_version",
            "✓ the driver is told to call the broker about the unmatched PARS",
            "✓ a customs answer is not an amendment (same version, no banner)",
            "Demo finished: all 14 checks hold.",
        ] {
            assert!(s.contains(line), "{now:?}: missing {line:?} in:\n{s}");
        }
        assert!(!s.contains('✗'), "{now:?}: {s}");
        let pngs = std::fs::read_dir(&out_dir).expect("out dir").count();
        assert_eq!(pngs, 9, "4 ACI codes (v2 has 2 shipments) + 5 ACE codes");
    }
}

#[test]
fn sync_and_status_against_a_real_fleet_server() {
    crossing_core::transport::install_crypto_provider();
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let fleet_dir = tempfile::tempdir().expect("tempdir");
    let conn = crossing_fleet::store::open(&fleet_dir.path().join("fleet.db")).expect("db");
    use crossing_fleet::store::{create_token, NewToken};
    // The server and the CLI run on the system clock; the trip is made for its tomorrow.
    let now = chrono::Utc::now();
    let manager = create_token(&conn, &NewToken::Manager("F".into()), now).expect("m");
    let driver = create_token(&conn, &NewToken::Driver("D".into()), now).expect("d");
    crossing_fleet::store::add_to_roster(&conn, "F", "D", now).expect("roster");
    let state = crossing_fleet::AppState::new(conn, crossing_fleet::Config::default());
    let addr = rt
        .block_on(crossing_fleet::spawn_loopback(state))
        .expect("server");
    let url = format!("http://{addr}");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(examples().join("ace-trip.json")).expect("read"))
            .expect("json");
    doc["eta"]["local"] = (chrono_like_tomorrow()).into();
    let status = rt.block_on(async {
        reqwest::Client::new()
            .post(format!("{url}/v1/fleet/trips?driver=D"))
            .header("authorization", format!("Bearer {manager}"))
            .body(doc.to_string())
            .send()
            .await
            .expect("push")
            .status()
    });
    assert_eq!(status.as_u16(), 201);

    let data = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_crossing"))
        .args([
            "--data-dir",
            data.path().to_str().expect("utf8"),
            "sync",
            "--server",
            &url,
        ])
        .env("CROSSING_TOKEN", &driver)
        .output()
        .expect("sync");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("synced: 0 events sent"),
        "{}",
        text(&out.stdout)
    );
    assert!(text(&out.stdout).contains("1 trips updated"));
    let out = crossing_at(
        data.path(),
        None,
        // Synced from fleet F: the phone knows the trip qualified with its fleet.
        &["event", "record", "F:T-2026-11-0533", "departed-origin"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = crossing_at(data.path(), None, &["status"]);
    assert!(
        text(&out.stdout).contains("waiting to be sent: 1"),
        "{}",
        text(&out.stdout)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_crossing"))
        .args([
            "--data-dir",
            data.path().to_str().expect("utf8"),
            "sync",
            "--server",
            &url,
            "--token",
            &driver,
        ])
        .output()
        .expect("sync");
    assert!(
        text(&out.stdout).starts_with("synced: 1 events sent"),
        "{}",
        text(&out.stdout)
    );
    let out = crossing_at(data.path(), None, &["status", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        (v["state"]["state"].as_str(), v["pending"].as_u64()),
        (Some("idle"), Some(0))
    );
    // A bad token: the queue is kept and the message says so; the token is not echoed.
    crossing(
        data.path(),
        &["event", "record", "F:T-2026-11-0533", "arrived-at-border"],
    );
    let out = Command::new(env!("CARGO_BIN_EXE_crossing"))
        .args([
            "--data-dir",
            data.path().to_str().expect("utf8"),
            "sync",
            "--server",
            &url,
            "--token",
            "crd_wrong-secret",
        ])
        .output()
        .expect("sync");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert_eq!(
        err,
        "crossing: sync stopped: sign-in required; 1 events kept for the next sync\n"
    );
    assert!(!err.contains("wrong-secret"));
    // Plain http to a non-loopback host is refused before any connection.
    let out = Command::new(env!("CARGO_BIN_EXE_crossing"))
        .args([
            "--data-dir",
            data.path().to_str().expect("utf8"),
            "sync",
            "--server",
            "http://fleet.example.com",
            "--token",
            "x",
        ])
        .output()
        .expect("sync");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("only to loopback"),
        "{}",
        text(&out.stderr)
    );
}

fn chrono_like_tomorrow() -> String {
    (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%dT12:00:00")
        .to_string()
}

/// Issue 11, D11: the size limit holds for files whose metadata says nothing (a device file
/// that never ends, a pipe): reading stops at the limit.
#[test]
fn import_from_a_stream_stops_at_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = crossing(dir.path(), &["trip", "import", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "crossing: trip document is larger than the limit of 5242880 bytes\n"
    );
    // A FIFO streaming 7 MB.
    let fifo = dir.path().join("trip.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&writer_path) {
            let chunk = vec![b' '; 1024 * 1024];
            for _ in 0..7 {
                if f.write_all(&chunk).is_err() {
                    break; // the reader stopped at the limit and closed the pipe
                }
            }
        }
    });
    let out = crossing(
        dir.path(),
        &["trip", "import", fifo.to_str().expect("utf8")],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("larger than the limit"),
        "{}",
        text(&out.stderr)
    );
    writer.join().expect("writer");
    assert_eq!(
        text(&crossing(dir.path(), &["trip", "list"]).stdout).trim(),
        "no trips"
    );
}

/// Issue 11, D7: the cache can be wiped from the command line; recording goes on for a trip
/// the phone had (from what the outbox remembers), and the events are kept.
#[test]
fn cache_wipe_keeps_events_and_recording() {
    let dir = tempfile::tempdir().expect("tempdir");
    import(dir.path(), "aci-trip.json");
    let out = crossing(
        dir.path(),
        &["event", "record", "T-2026-11-0417", "departed-origin"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = crossing(dir.path(), &["cache", "wipe"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("trip cache wiped"));
    assert_eq!(
        text(&crossing(dir.path(), &["trip", "list"]).stdout).trim(),
        "no trips"
    );
    let out = crossing(
        dir.path(),
        &["event", "record", "T-2026-11-0417", "arrived-at-border"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("arrived_at_border #2"),
        "{}",
        text(&out.stdout)
    );
    let out = crossing(dir.path(), &["event", "list", "--pending"]);
    assert_eq!(
        text(&out.stdout)
            .lines()
            .filter(|l| l.contains("T-2026-11-0417"))
            .count(),
        2,
        "{}",
        text(&out.stdout)
    );
}

/// The manifest in each language (issue 17): `--lang` and the POSIX environment, identifiers as
/// they are, the ETA in the language's own form, and no message id anywhere.
#[test]
fn trip_show_prints_the_manifest_in_each_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(import(dir.path(), "aci-trip.json").status.code(), Some(0));
    let english = text(&crossing(dir.path(), &["trip", "show"]).stdout);
    let cases = [
        ("fr-CA", "Moyen de transport", " h "),
        ("pa", "ਡਰਾਈਵਰ", ":"),
        ("es-MX", "Remolque 1 de 1", ":"),
        ("en-XA", "⟦", ":"),
    ];
    for (tag, word, clock) in cases {
        let out = crossing(dir.path(), &["--lang", tag, "trip", "show"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let show = text(&out.stdout);
        assert_ne!(show, english, "{tag}");
        assert!(show.contains(word), "{tag}: {word:?} not in\n{show}");
        for id in [
            "1234TR261126001",
            "0453",
            "1234PARS261126001",
            "1XKYD49X0NJ123456",
        ] {
            assert!(show.contains(id), "{tag}: {id} missing");
        }
        let eta = show
            .lines()
            .find(|l| l.contains("EST"))
            .unwrap_or_else(|| panic!("{tag}: no ETA line in\n{show}"));
        assert!(eta.contains(clock), "{tag}: {eta}");
        assert!(
            !show.contains("section-") && !show.contains("label-"),
            "{show}"
        );
    }
    // LANG as a desktop sets it, and --lang over it.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crossing"));
    let out = cmd
        .args([
            "--data-dir",
            dir.path().to_str().expect("utf8"),
            "--now",
            EXAMPLES_NOW,
        ])
        .args(["trip", "show"])
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("CROSSING_LANG")
        .env("LANG", "fr_CA.UTF-8")
        .output()
        .expect("run");
    assert!(
        text(&out.stdout).contains("Moyen de transport"),
        "{}",
        text(&out.stdout)
    );
    let out = crossing(dir.path(), &["--lang", "de-DE", "trip", "show"]);
    assert_eq!(text(&out.stdout), english, "no German: English");
}
