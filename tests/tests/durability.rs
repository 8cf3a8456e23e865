//! An event is durable once `record_event` returns: a process killed with SIGKILL right after
//! (or in the middle of the next write) never loses an event it reported as recorded.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crossing_core::{Crossing, EventFilter};
use crossing_integration_tests::example_path;

#[test]
fn events_reported_recorded_survive_sigkill() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut acknowledged: Vec<String> = Vec::new();
    // Several kill rounds at different moments; each restart continues the same outbox.
    for round in 0..6usize {
        let mut child = Command::new(env!("CARGO_BIN_EXE_record_loop"))
            .arg(dir.path())
            .arg(example_path("aci-trip.json"))
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let stop_after = 5 + round * 7;
        for _ in 0..stop_after {
            let line = lines.next().expect("an id").expect("line");
            acknowledged.push(line);
        }
        child.kill().expect("SIGKILL"); // mid-loop: possibly inside the next transaction
        child.wait().expect("reap");
        // Ids printed after we stopped reading but before the kill also count as recorded.
        acknowledged.extend(lines.map_while(Result::ok));
        let rc =
            rusqlite::Connection::open(dir.path().join(crossing_core::OUTBOX_FILE)).expect("open");
        let check: String = rc
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(check, "ok", "round {round}");
    }
    let core = Crossing::open(dir.path()).expect("reopen");
    let stored: Vec<String> = core
        .events(&EventFilter::default())
        .expect("events")
        .into_iter()
        .map(|e| e.event_id)
        .collect();
    for id in &acknowledged {
        assert!(
            stored.contains(id),
            "event {id} was reported recorded but is missing"
        );
    }
    let seqs: Vec<i64> = core
        .events(&EventFilter::default())
        .expect("events")
        .iter()
        .map(|e| e.device_seq)
        .collect();
    assert!(
        seqs.windows(2).all(|w| w[1] == w[0] + 1),
        "no gaps, no duplicates: {seqs:?}"
    );
    assert!(acknowledged.len() >= 5 + 12 + 19 + 26 + 33 + 40);
}
