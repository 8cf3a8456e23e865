//! The `crossing-fleet` binary: serve, token create/revoke, and the manager's trip commands
//! against the served API.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crossing-fleet"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn serve_tokens_and_manager_commands() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("fleet.db");
    let db = db.to_str().expect("utf8");
    let out = bin()
        .args([
            "token", "create", "--db", db, "--role", "manager", "--fleet", "F1",
        ])
        .output()
        .expect("token");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let manager = text(&out.stdout).trim().to_string();
    assert!(
        manager.starts_with("crm_") && manager.len() == 4 + 64,
        "{manager}"
    );
    let out = bin()
        .args(["token", "create", "--db", db, "--role", "driver"])
        .output()
        .expect("usage");
    assert_eq!(
        out.status.code(),
        Some(2),
        "--driver is required for a driver token"
    );
    // A driver token with --fleet puts the driver on that fleet's roster; `roster add` too.
    let out = bin()
        .args([
            "token", "create", "--db", db, "--role", "driver", "--driver", "D1", "--fleet", "F1",
        ])
        .output()
        .expect("driver token");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = bin()
        .args([
            "roster", "add", "--db", db, "--fleet", "F1", "--driver", "D2",
        ])
        .output()
        .expect("roster add");
    assert_eq!(text(&out.stdout).trim(), "D2 is on the roster of F1");
    let stored = std::fs::read(dir.path().join("fleet.db")).expect("db bytes");
    assert!(
        !stored
            .windows(manager.len())
            .any(|w| w == manager.as_bytes()),
        "only the hash is stored"
    );

    let mut server = bin()
        .args(["serve", "--db", db, "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("serve");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("first line");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("listening address")
        .to_string();

    let mut doc: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/ace-trip.json")).expect("example");
    doc["eta"]["local"] = (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%dT12:00:00")
        .to_string()
        .into();
    let file = dir.path().join("trip.json");
    std::fs::write(&file, doc.to_string()).expect("write");
    let trip = |args: &[&str]| {
        bin()
            .arg("trip")
            .args(args)
            .env("CROSSING_FLEET_URL", &url)
            .env("CROSSING_FLEET_TOKEN", &manager)
            .output()
            .expect("trip command")
    };
    let out = trip(&["push", file.to_str().expect("utf8"), "--driver", "D1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pushed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        (pushed["outcome"].as_str(), pushed["driver"].as_str()),
        (Some("created"), Some("D1"))
    );
    // A driver who is not on F1's roster cannot be given its trips.
    let out = trip(&["assign", "T-2026-11-0533", "--driver", "D9"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("404")
            && text(&out.stderr).contains("is not a driver of this fleet"),
        "{}",
        text(&out.stderr)
    );
    let out = trip(&["assign", "T-2026-11-0533", "--driver", "D2"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = trip(&["list"]);
    assert!(
        text(&out.stdout).contains("NRTH2026112700017"),
        "{}",
        text(&out.stdout)
    );
    let out = trip(&["events", "T-2026-11-0533"]);
    assert_eq!(text(&out.stdout).trim(), "[]");
    let out = trip(&["cancel", "T-2026-11-0533"]);
    assert_eq!(text(&out.stdout).trim(), "ok");
    let out = trip(&["events", "NOPE"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "crossing-fleet: 404: no such trip in this fleet\n"
    );
    // An id with a space, a slash or a non-ASCII letter still reaches the server
    // (percent-encoded), and the answer printed is the server's own.
    let out = trip(&["cancel", "T 1/é"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "crossing-fleet: 404: no such trip in this fleet\n"
    );
    doc["shipments"][0]["controlNumber"] = "ABCD1".into();
    std::fs::write(&file, doc.to_string()).expect("write");
    let out = trip(&["push", file.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("shipments[0].controlNumber \\\"ABCD1\\\"")
            || text(&out.stderr).contains("shipments[0].controlNumber \"ABCD1\""),
        "{}",
        text(&out.stderr)
    );

    // BorderConnect: a trip and a customs notice, two files in one command.
    let mut aci: serde_json::Value = serde_json::from_str(include_str!(
        "../../tests/fixtures/borderconnect/ACI_TRIP.corridor-test-expected.json"
    ))
    .expect("sample");
    aci["estimatedArrivalDateTime"] = (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%d 12:00:00")
        .to_string()
        .into();
    let notice = serde_json::json!({"data": "ACI_NOTICE", "type": "NOT_MATCHED",
        "cargoControlNumber": "PFTRCSA00001", "cbsaDateTime": "2026-09-08 09:10:00"});
    let (trip_file, notice_file) = (dir.path().join("aci.json"), dir.path().join("notice.json"));
    std::fs::write(&trip_file, aci.to_string()).expect("write");
    std::fs::write(&notice_file, notice.to_string()).expect("write");
    let bc = |args: &[&str]| {
        bin()
            .args(["borderconnect", "import"])
            .args(args)
            .env("CROSSING_FLEET_URL", &url)
            .env("CROSSING_FLEET_TOKEN", &manager)
            .output()
            .expect("borderconnect command")
    };
    let out = bc(&[
        trip_file.to_str().expect("utf8"),
        notice_file.to_str().expect("utf8"),
        "--driver",
        "D1",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    assert!(
        printed.contains("\"outcome\": \"created\"")
            && printed.contains("\"outcome\": \"customs\""),
        "{printed}"
    );
    let out = trip(&["customs", "aci-PFTR00007"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let history: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(history["state"]["shipments"][0]["code"], "NOT_MATCHED");
    // A refused file names the BorderConnect path, and the command stops there.
    aci["shipments"][0]["cargoControlNumber"] = "XXXXCSA00001".into();
    std::fs::write(&trip_file, aci.to_string()).expect("write");
    let out = bc(&[
        trip_file.to_str().expect("utf8"),
        notice_file.to_str().expect("utf8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("aci.json: 400") && err.contains("shipments[0].cargoControlNumber"),
        "{err}"
    );
    assert!(
        !err.contains("notice.json"),
        "stopped at the first refused file: {err}"
    );

    let out = bin()
        .args(["token", "revoke", "--db", db, &manager])
        .output()
        .expect("revoke");
    assert_eq!(text(&out.stdout).trim(), "revoked");
    let out = trip(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("crossing-fleet: 401"),
        "{}",
        text(&out.stderr)
    );
    server.kill().expect("kill");
    server.wait().expect("wait");
}
