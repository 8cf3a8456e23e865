//! `cargo bench -p crossing-bench`: measures Crossing beside its floors and writes
//! `docs/benchmarks.md`. See bench/README.md.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossing_bench::{fmt, interleaved, percentile, Stats};
use crossing_core::sync::{StaticToken, SyncConfig, Syncer};
use crossing_core::{CodeKind, Crossing, EventInput, EventKind};
use crossing_fleet::{store, AppState, Config};
use rusqlite::{params, Connection};

const TRIP_500: &str = "T-2026-11-0500";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The 500-shipment example at `version`, its ETA moved to tomorrow on the system clock (the one
/// the benchmarked phones and server read), so every run measures the same document on any date:
/// no "ETA in the past" warning appears as the example ages.
fn trip_500(version: u64) -> String {
    let mut doc: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("examples/aci-trip-500.json")).expect("example"),
    )
    .expect("json");
    doc["version"] = version.into();
    doc["eta"]["local"] = (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%dT12:00:00")
        .to_string()
        .into();
    doc.to_string()
}

/// The floor's read: open the cache file and select the stored manifest.
fn select_manifest(cache: &Path) -> String {
    Connection::open(cache)
        .expect("open")
        .query_row(
            "SELECT manifest FROM trip WHERE id = ?1",
            params![TRIP_500],
            |r| r.get(0),
        )
        .expect("row")
}

/// Everything from this line on in docs/benchmarks.md is written by hand and kept by the bench.
const ANALYSIS_MARKER: &str = "<!-- analysis: written by hand, kept by cargo bench -->";

struct Row {
    what: String,
    ours: Stats,
    floor: Option<(String, Stats)>,
    target: String,
}

fn ratio(r: &Row) -> String {
    match &r.floor {
        Some((_, f)) => format!(
            "{:.2}×",
            r.ours.median.as_secs_f64() / f.median.as_secs_f64()
        ),
        None => "—".into(),
    }
}

/// The target column with the verdict of this run for targets of the form `≤ N×`.
fn verdict(r: &Row) -> String {
    let limit = r
        .target
        .strip_prefix("≤ ")
        .and_then(|t| t.strip_suffix('×'))
        .and_then(|n| n.parse::<f64>().ok());
    match (limit, &r.floor) {
        (Some(limit), Some((_, f))) => {
            let x = r.ours.median.as_secs_f64() / f.median.as_secs_f64();
            if x <= limit {
                format!("{}: met", r.target)
            } else {
                format!("{}: **missed** ({:.1}× the target)", r.target, x / limit)
            }
        }
        _ => r.target.clone(),
    }
}

fn local_benches(rows: &mut Vec<Row>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("phone");
    {
        let core = Crossing::open(&data).expect("open");
        core.import_trip_json(trip_500(1).as_bytes())
            .expect("import");
    }
    // 1. Cold start: open both stores, load the 500-shipment manifest view and its QR.
    let cold_start = || {
        let core = Crossing::open(&data).expect("open");
        let view = core.manifest_view(TRIP_500).expect("view");
        assert!(view.sections.len() > 500);
        let qr = core.border_code(TRIP_500, CodeKind::Qr, None).expect("qr");
        assert!(qr.matrix.width > 20);
    };
    let mut ours = cold_start;
    let cache = data.join(crossing_core::CACHE_FILE);
    let mut floor = || {
        let m = select_manifest(&cache);
        assert!(m.len() > 100_000);
    };
    let s = interleaved(5, 20, &mut [&mut ours, &mut floor]);
    rows.push(Row {
        what: "Cold start: open stores + 500-shipment manifest view + QR matrix".into(),
        ours: s[0],
        floor: Some(("rusqlite open + select the manifest row".into(), s[1])),
        target: "≤ 2×".into(),
    });
    let mut parse_floor = || {
        let m = select_manifest(&cache);
        let t: crossing_core::Trip = serde_json::from_str(&m).expect("parse");
        assert_eq!(t.shipments.len(), 500);
    };
    let mut ours2 = cold_start;
    let s = interleaved(5, 20, &mut [&mut ours2, &mut parse_floor]);
    rows.push(Row {
        what: "Cold start (same) vs a floor that also parses the stored JSON".into(),
        ours: s[0],
        floor: Some(("rusqlite open + select + serde parse".into(), s[1])),
        target: "(context)".into(),
    });

    // Where the cold start goes: opening the two stores alone, and the manifest screen alone.
    let mut open_only = || {
        let core = Crossing::open(&data).expect("open");
        assert!(!core.device_id().is_empty());
    };
    let s = interleaved(5, 20, &mut [&mut open_only, &mut floor]);
    rows.push(Row {
        what: "Cold-start part: open both stores (migrations checked, WAL, device id)".into(),
        ours: s[0],
        floor: Some(("rusqlite open + select the manifest row".into(), s[1])),
        target: "(profile)".into(),
    });
    let opened = Crossing::open(&data).expect("open");
    let mut view_only = || {
        let view = opened.manifest_view(TRIP_500).expect("view");
        assert!(view.sections.len() > 500);
    };
    let s = interleaved(5, 20, &mut [&mut view_only, &mut parse_floor]);
    rows.push(Row {
        what: "Cold-start part: manifest view on an open store (parse + status + sections)".into(),
        ours: s[0],
        floor: Some(("rusqlite open + select + serde parse".into(), s[1])),
        target: "(profile)".into(),
    });
    // Localization (issue 17): the heaviest screen in Canadian French against English, and
    // what a language change costs (inflate + parse the catalogue).
    let french = Crossing::open(&data).expect("open");
    french.set_preferred_locales(&["fr-CA"]);
    let mut view_fr = || {
        let view = french.manifest_view(TRIP_500).expect("view");
        assert!(view.sections.len() > 500);
    };
    let mut view_en = || {
        let view = opened.manifest_view(TRIP_500).expect("view");
        assert!(view.sections.len() > 500);
    };
    let s = interleaved(5, 20, &mut [&mut view_fr, &mut view_en]);
    rows.push(Row {
        what: "500-shipment manifest view in fr-CA (Fluent) vs the same in English".into(),
        ours: s[0],
        floor: Some(("the English view".into(), s[1])),
        target: "≤ 1.5×".into(),
    });
    let mut switch = || {
        let t = crossing_core::text::Text::new(crossing_core::text::Lang::FrCa);
        assert!(t.has("trips-title"));
    };
    let mut english = || {
        let t = crossing_core::text::Text::new(crossing_core::text::Lang::En);
        assert!(t.has("trips-title"));
    };
    let s = interleaved(5, 20, &mut [&mut switch, &mut english]);
    rows.push(Row {
        what: "Language change: make the fr-CA catalogue (inflate, parse, English behind it)"
            .into(),
        ours: s[0],
        floor: Some(("make the English one".into(), s[1])),
        target: "(context)".into(),
    });
    drop(french);
    drop(opened);

    // 2. Record one durable event vs a raw FULL-sync insert.
    let core = Crossing::open(&data).expect("open");
    let raw = Connection::open(dir.path().join("raw.db")).expect("raw");
    raw.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE event (id TEXT PRIMARY KEY, seq INTEGER, trip TEXT, kind TEXT, at TEXT)",
    )
    .expect("raw schema");
    let seq = AtomicU64::new(0);
    let mut ours = || {
        core.record_event(EventInput::new(TRIP_500, EventKind::DepartedOrigin))
            .expect("record");
    };
    let mut floor = || {
        let n = seq.fetch_add(1, Ordering::Relaxed);
        raw.execute(
            "INSERT INTO event VALUES (?1, ?2, ?3, 'departed_origin', ?4)",
            params![
                format!("id-{n}"),
                n as i64,
                TRIP_500,
                "2026-11-25T10:00:00Z"
            ],
        )
        .expect("insert");
    };
    let s = interleaved(5, 60, &mut [&mut ours, &mut floor]);
    rows.push(Row {
        what: "Record one durable status event (synchronous FULL)".into(),
        ours: s[0],
        floor: Some(("raw single-row insert, WAL + FULL".into(), s[1])),
        target: "≤ 1.5×".into(),
    });

    // 3. Import a 500-shipment trip from JSON vs serde parse + raw insert.
    let version = AtomicU64::new(2);
    let docs: Vec<String> = (2..=200).map(trip_500).collect();
    let raw2 = Connection::open(dir.path().join("raw2.db")).expect("raw2");
    raw2.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
         CREATE TABLE trip (id TEXT PRIMARY KEY, version INTEGER, manifest TEXT)",
    )
    .expect("raw2 schema");
    let mut ours = || {
        let v = version.fetch_add(1, Ordering::Relaxed) as usize;
        let doc = &docs[(v - 2) % docs.len()];
        core.import_trip_json(doc.as_bytes()).expect("import");
    };
    let mut floor = || {
        let v = version.load(Ordering::Relaxed) as usize;
        let doc = &docs[(v - 2) % docs.len()];
        let t: crossing_core::Trip = serde_json::from_str(doc).expect("parse");
        raw2.execute(
            "INSERT OR REPLACE INTO trip VALUES (?1, ?2, ?3)",
            params![
                t.id,
                t.version as i64,
                serde_json::to_string(&t).expect("json")
            ],
        )
        .expect("insert");
    };
    let s = interleaved(3, 30, &mut [&mut ours, &mut floor]);
    rows.push(Row {
        what: "Import/apply a 500-shipment trip from JSON (parse, validate, store)".into(),
        ours: s[0],
        floor: Some(("serde parse + re-serialize + raw insert".into(), s[1])),
        target: "(no target)".into(),
    });
}

/// A TCP proxy that counts bytes in both directions as they pass: what goes over the wire.
async fn counting_proxy(
    target: std::net::SocketAddr,
) -> (std::net::SocketAddr, Arc<AtomicU64>, Arc<AtomicU64>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    async fn pump(
        mut from: tokio::net::tcp::OwnedReadHalf,
        mut to: tokio::net::tcp::OwnedWriteHalf,
        counter: Arc<AtomicU64>,
    ) {
        let mut buf = vec![0u8; 64 * 1024];
        while let Ok(n) = from.read(&mut buf).await {
            if n == 0 || to.write_all(&buf[..n]).await.is_err() {
                break;
            }
            counter.fetch_add(n as u64, Ordering::Relaxed);
        }
        let _ = to.shutdown().await;
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let up = Arc::new(AtomicU64::new(0));
    let down = Arc::new(AtomicU64::new(0));
    let (u, d) = (Arc::clone(&up), Arc::clone(&down));
    tokio::spawn(async move {
        loop {
            let Ok((client, _)) = listener.accept().await else {
                return;
            };
            let Ok(server) = tokio::net::TcpStream::connect(target).await else {
                continue;
            };
            let (cr, cw) = client.into_split();
            let (sr, sw) = server.into_split();
            tokio::spawn(pump(cr, sw, Arc::clone(&u)));
            tokio::spawn(pump(sr, cw, Arc::clone(&d)));
        }
    });
    (addr, up, down)
}

struct NoToken;

impl crossing_ffi::TokenProvider for NoToken {
    fn token(&self, _force_refresh: bool) -> Result<Option<String>, crossing_ffi::CoreError> {
        Ok(None)
    }
}

/// The trip screen (manifest view) through the FFI facade from Rust, beside the JVM figure from
/// scripts/bench.sh (build/ffi-bench.txt).
fn ffi(out: &mut String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let core = crossing_ffi::CrossingCore::new(
        crossing_ffi::CoreConfig {
            data_dir: dir.path().to_string_lossy().to_string(),
            server_url: None,
            platform: "bench".into(),
            app_version: "0".into(),
            device_zone: "America/Toronto".into(),
        },
        Arc::new(NoToken),
    )
    .expect("ffi core");
    let id = core.import_trip_json(trip_500(1)).expect("import");
    let mut call = || {
        let m = core.trip_screen(id.clone()).expect("trip screen");
        assert!(m.sections.len() > 500);
    };
    let s = interleaved(5, 100, &mut [&mut call]);
    let rust = s[0];
    let jvm = std::fs::read_to_string(root().join("build/ffi-bench.txt")).unwrap_or_default();
    let jvm_us: Option<f64> = jvm
        .split_whitespace()
        .find_map(|w| w.strip_prefix("median="))
        .and_then(|v| v.parse().ok());
    let target_us = 3.0 * rust.median.as_secs_f64() * 1e6 + 1000.0;
    match jvm_us {
        Some(j) => writeln!(
            out,
            "| FFI: 500-shipment manifest view, one call | Rust through the facade {} ({}–{}); Kotlin on the JVM through JNA **{j:.0} µs** ({}) | ≤ 3× Rust + 1 ms = {target_us:.0} µs: {} |",
            fmt(rust.median),
            fmt(rust.min),
            fmt(rust.max),
            jvm.trim(),
            if j <= target_us { "met" } else { "missed" }
        ),
        None => writeln!(
            out,
            "| FFI: 500-shipment manifest view, one call | Rust through the facade {}; JVM not measured in this run ({}) | ≤ 3× Rust + 1 ms |",
            fmt(rust.median),
            jvm.trim()
        ),
    }
    .ok();
}

struct Fleet {
    _dir: tempfile::TempDir,
    addr: std::net::SocketAddr,
    manager: String,
    conn_path: PathBuf,
}

async fn fleet() -> Fleet {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("fleet.db");
    let conn = store::open(&path).expect("db");
    let manager = store::create_token(
        &conn,
        &store::NewToken::Manager("BENCH".into()),
        chrono::Utc::now(),
    )
    .expect("m");
    // The benchmark measures throughput: the per-driver share of events is lifted (a phone
    // queueing 10,000 events would otherwise be told to wait, as it should be in production).
    let config = Config {
        limits: crossing_fleet::Limits {
            events_burst: u32::MAX,
            ..crossing_fleet::Limits::default()
        },
        ..Config::default()
    };
    let state = AppState::new(conn, config);
    let addr = crossing_fleet::spawn_loopback(state).await.expect("server");
    Fleet {
        _dir: dir,
        addr,
        manager,
        conn_path: path,
    }
}

fn driver_token(f: &Fleet, driver: &str) -> String {
    let conn = store::open(&f.conn_path).expect("db");
    store::add_to_roster(&conn, "BENCH", driver, chrono::Utc::now()).expect("roster");
    store::create_token(
        &conn,
        &store::NewToken::Driver(driver.into()),
        chrono::Utc::now(),
    )
    .expect("d")
}

async fn push(f: &Fleet, doc: String, driver: &str) {
    let resp = reqwest::Client::new()
        .post(format!("http://{}/v1/fleet/trips?driver={driver}", f.addr))
        .header("authorization", format!("Bearer {}", f.manager))
        .body(doc)
        .send()
        .await
        .expect("push");
    assert!(resp.status().is_success(), "{}", resp.status());
}

async fn sync_benches(out: &mut String) {
    let f = fleet().await;
    let token = driver_token(&f, "bench-driver");
    push(&f, trip_500(1), "bench-driver").await;
    let (proxy, up, down) = counting_proxy(f.addr).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let core = Arc::new(Crossing::open(dir.path()).expect("core"));
    let syncer = Syncer::over_http(
        Arc::clone(&core),
        &format!("http://{proxy}"),
        Arc::new(StaticToken(token)),
        SyncConfig::default(),
    )
    .expect("syncer");
    // A 500-shipment trip pulled (first sync: register + snapshot).
    let r = syncer.sync_once(0).await.expect("first sync");
    tokio::time::sleep(Duration::from_millis(100)).await;
    let (u0, d0) = (
        up.swap(0, Ordering::Relaxed),
        down.swap(0, Ordering::Relaxed),
    );
    let json_len = trip_500(1).len();
    writeln!(
        out,
        "| First sync, 500-shipment trip pulled | {} requests; {} B up, **{} B down on the wire** (gzip) for a {} B trip document ({:.1}× smaller) | — |",
        r.requests, u0, d0, json_len, json_len as f64 / d0.max(1) as f64
    )
    .ok();
    // 10,000 queued events.
    for i in 0..10_000 {
        let mut e = EventInput::new(format!("BENCH:{TRIP_500}"), EventKind::Exception);
        e.note = Some(format!("bench event {i}"));
        core.record_event(e).expect("record");
    }
    let t = Instant::now();
    let r = syncer.sync_once(0).await.expect("sync 10k");
    let secs = t.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let (u1, d1) = (
        up.swap(0, Ordering::Relaxed),
        down.swap(0, Ordering::Relaxed),
    );
    let uploads = r.requests.saturating_sub(1);
    writeln!(
        out,
        "| Flush 10,000 queued events | {} requests ({} uploads of ≤ {} + 1 pull), {:.2} s, {} B up / {} B down on the wire, {} accepted | ≤ 100 requests, ≤ 3 s |",
        r.requests, uploads, crossing_core::protocol::MAX_BATCH_EVENTS, secs, u1, d1, r.uploaded
    )
    .ok();
    // Nothing changed.
    let r = syncer.sync_once(0).await.expect("idle sync");
    tokio::time::sleep(Duration::from_millis(100)).await;
    let (u2, d2) = (
        up.swap(0, Ordering::Relaxed),
        down.swap(0, Ordering::Relaxed),
    );
    writeln!(
        out,
        "| Sync when nothing changed | {} request(s), {} B on the wire in total ({} up, {} down) | 1 round trip, ≤ 1 KB |",
        r.requests,
        u2 + d2,
        u2,
        d2
    )
    .ok();
}

async fn server_benches(out: &mut String) {
    let f = fleet().await;
    const DRIVERS: usize = 50;
    const BATCHES: usize = 20;
    const PER_BATCH: usize = 50;
    let mut tasks = Vec::new();
    let client = reqwest::Client::new();
    let mut setups = Vec::new();
    for d in 0..DRIVERS {
        let driver = format!("drv{d}");
        let token = driver_token(&f, &driver);
        let mut doc: serde_json::Value = serde_json::from_slice(
            &std::fs::read(root().join("examples/ace-trip.json")).expect("ace"),
        )
        .expect("json");
        doc["id"] = format!("T-LOAD-{d}").into();
        doc["tripNumber"] = format!("NRTH9{d:05}00").into();
        doc["eta"]["local"] = (chrono::Utc::now() + chrono::Duration::days(1))
            .format("%Y-%m-%dT12:00:00")
            .to_string()
            .into();
        push(&f, doc.to_string(), &driver).await;
        let device = format!("0190aaaa-0000-4000-8000-{d:012}");
        let resp = client
            .post(format!("http://{}/v1/devices", f.addr))
            .header("authorization", format!("Bearer {token}"))
            .body(serde_json::json!({"device_id": device, "platform": "bench", "app_version": "0.1.0"}).to_string())
            .send()
            .await
            .expect("register");
        assert!(resp.status().is_success());
        // The trip's key as the driver's phone knows it (trip ids are per fleet).
        setups.push((token, device, format!("BENCH:T-LOAD-{d}")));
    }
    let start = Instant::now();
    for (d, (token, device, trip)) in setups.into_iter().enumerate() {
        let client = client.clone();
        let addr = f.addr;
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            // An hour ago on the server's (system) clock, like a phone that was offline.
            let occurred_at = (chrono::Utc::now() - chrono::Duration::hours(1)).to_rfc3339();
            for b in 0..BATCHES {
                let events: Vec<serde_json::Value> = (0..PER_BATCH)
                    .map(|i| {
                        let n = b * PER_BATCH + i;
                        serde_json::json!({"event_id": format!("0190bbbb-{d:04}-7000-8000-{n:012}"), "device_seq": n + 1,
                            "trip_id": trip, "trip_version_seen": 2, "kind": "exception", "note": "load",
                            "occurred_at": occurred_at})
                    })
                    .collect();
                let body = serde_json::json!({"device_id": device, "sent_at": chrono::Utc::now().to_rfc3339(), "events": events}).to_string();
                let t = Instant::now();
                let resp = client
                    .post(format!("http://{addr}/v1/events"))
                    .header("authorization", format!("Bearer {token}"))
                    .body(body)
                    .send()
                    .await
                    .expect("upload");
                assert!(resp.status().is_success(), "{}", resp.status());
                let _ = resp.bytes().await;
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("task"));
    }
    let secs = start.elapsed().as_secs_f64();
    all.sort();
    let events = DRIVERS * BATCHES * PER_BATCH;
    // The floor, in the same run: the same number of event rows inserted by raw rusqlite into
    // the server's own schema, in transactions of one upload each (no HTTP, no checks).
    let floor_secs = raw_insert_floor(events, PER_BATCH);
    writeln!(
        out,
        "| Fleet server: {DRIVERS} concurrent drivers × {BATCHES} uploads × {PER_BATCH} events | {:.0} events/s accepted ({events} in {secs:.2} s); upload latency p50 {}, p99 {}; floor (raw rusqlite, same rows, batches of {PER_BATCH}) {:.0} events/s: **{:.1}× the floor's time** | (no target) |",
        events as f64 / secs,
        fmt(percentile(&all, 0.5)),
        fmt(percentile(&all, 0.99)),
        events as f64 / floor_secs,
        secs / floor_secs
    )
    .ok();
    isolation_bench(out).await;
}

/// Seconds to insert `events` rows into the fleet's `event` table with raw rusqlite, in
/// transactions of `per_batch`.
fn raw_insert_floor(events: usize, per_batch: usize) -> f64 {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut conn = store::open(&dir.path().join("floor.db")).expect("db");
    let start = Instant::now();
    for b in 0..events.div_ceil(per_batch) {
        let tx = conn.transaction().expect("tx");
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT INTO event (event_id, device_id, driver, trip_id, trip_version_seen, device_seq,
                                        kind, note, occurred_at, sent_at, received_at, skew_ms, flags)
                     VALUES (?1, 'dev', 'drv', 'BENCH:T', 2, ?2, 'exception', 'load', 'x', 'x', 'x', 0, '[]')",
                )
                .expect("prepare");
            for i in 0..per_batch {
                let n = b * per_batch + i;
                stmt.execute(params![
                    format!("0190cccc-0000-7000-8000-{n:012}"),
                    n as i64 + 1
                ])
                .expect("insert");
            }
        }
        tx.commit().expect("commit");
    }
    start.elapsed().as_secs_f64()
}

/// A driver's upload latency on its own, and while another fleet's manager pushes
/// 500-shipment trips from 8 tasks at once (parsing is outside the database lock).
async fn isolation_bench(out: &mut String) {
    const ROUNDS: usize = 60;
    let f = fleet().await;
    let token = driver_token(&f, "iso-driver");
    let other = {
        let conn = store::open(&f.conn_path).expect("db");
        store::create_token(
            &conn,
            &store::NewToken::Manager("OTHER".into()),
            chrono::Utc::now(),
        )
        .expect("other manager")
    };
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root().join("examples/ace-trip.json")).expect("ace"))
            .expect("json");
    doc["id"] = "T-ISO".into();
    doc["eta"]["local"] = (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%dT12:00:00")
        .to_string()
        .into();
    push(&f, doc.to_string(), "iso-driver").await;
    let client = reqwest::Client::new();
    let device = "0190aaaa-0000-4000-8000-00000000150d";
    let reg = client
        .post(format!("http://{}/v1/devices", f.addr))
        .header("authorization", format!("Bearer {token}"))
        .body(
            serde_json::json!({"device_id": device, "platform": "bench", "app_version": "0.1.0"})
                .to_string(),
        )
        .send()
        .await
        .expect("register");
    assert!(reg.status().is_success());
    let seq = AtomicU64::new(0);
    let upload = || {
        let n = seq.fetch_add(1, Ordering::Relaxed) + 1;
        let body = serde_json::json!({"device_id": device, "sent_at": chrono::Utc::now().to_rfc3339(), "events": [{
            "event_id": format!("0190dddd-0000-7000-8000-{n:012}"), "device_seq": n, "trip_id": "BENCH:T-ISO",
            "trip_version_seen": 2, "kind": "exception", "note": "iso",
            "occurred_at": (chrono::Utc::now() - chrono::Duration::minutes(1)).to_rfc3339()}]});
        let client = client.clone();
        let addr = f.addr;
        let token = token.clone();
        async move {
            let t = Instant::now();
            let resp = client
                .post(format!("http://{addr}/v1/events"))
                .header("authorization", format!("Bearer {token}"))
                .body(body.to_string())
                .send()
                .await
                .expect("upload");
            assert!(resp.status().is_success());
            let _ = resp.bytes().await;
            t.elapsed()
        }
    };
    let mut alone = Vec::new();
    for _ in 0..ROUNDS {
        alone.push(upload().await);
    }
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut pushers = Vec::new();
    for task in 0..8 {
        let (client, addr, other, stop) =
            (client.clone(), f.addr, other.clone(), Arc::clone(&stop));
        pushers.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let mut doc: serde_json::Value = serde_json::from_str(&trip_500(1)).expect("json");
                doc["id"] = format!("ISO-{task}-{n}").into();
                let _ = client
                    .post(format!("http://{addr}/v1/fleet/trips"))
                    .header("authorization", format!("Bearer {other}"))
                    .body(doc.to_string())
                    .send()
                    .await;
                n += 1;
            }
            n
        }));
    }
    let mut loaded = Vec::new();
    for _ in 0..ROUNDS {
        loaded.push(upload().await);
    }
    stop.store(true, Ordering::Relaxed);
    let mut pushes = 0;
    for p in pushers {
        pushes += p.await.expect("pusher");
    }
    alone.sort();
    loaded.sort();
    writeln!(
        out,
        "| A driver's 1-event upload while another fleet pushes 500-shipment trips from 8 tasks ({pushes} pushes) | p50 {} → {}, p99 {} → {} (alone → during the pushes): **p99 {:.1}× its own floor** | (no target) |",
        fmt(percentile(&alone, 0.5)),
        fmt(percentile(&loaded, 0.5)),
        fmt(percentile(&alone, 0.99)),
        fmt(percentile(&loaded, 0.99)),
        percentile(&loaded, 0.99).as_secs_f64() / percentile(&alone, 0.99).as_secs_f64().max(1e-9)
    )
    .ok();
}

/// Peak resident memory (KiB) of a `crossing` run, as the process itself reports it (VmHWM).
fn peak_rss(cmd: &[&str]) -> Option<u64> {
    let out = std::process::Command::new(cmd[0])
        .args(&cmd[1..])
        .env("CROSSING_REPORT_PEAK_RSS", "1")
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .find_map(|l| l.strip_prefix("peak_rss "))
        .and_then(|v| v.trim_end_matches("kB").trim().parse().ok())
}

fn memory(out: &mut String) {
    let target = root().join("target/release/crossing");
    {
        let _ = std::process::Command::new("cargo")
            .args(["build", "--release", "--locked", "-p", "crossing"])
            .current_dir(root())
            .status();
    }
    let bin = target.to_string_lossy().to_string();
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_string_lossy().to_string();
    let file = dir.path().join("t500.json");
    std::fs::write(&file, trip_500(1)).expect("write");
    let demo = peak_rss(&[&bin, "demo", "--out", &data]);
    let _ = std::process::Command::new(&bin)
        .args([
            "--data-dir",
            &data,
            "trip",
            "import",
            &file.to_string_lossy(),
        ])
        .output();
    let show = peak_rss(&[&bin, "--data-dir", &data, "trip", "show", TRIP_500]);
    let kib = |v: Option<u64>| {
        v.map_or("not measured".into(), |k| {
            format!("{:.1} MiB", k as f64 / 1024.0)
        })
    };
    writeln!(
        out,
        "| Peak RSS of `crossing demo` (server + phone in one process, release) | {} | — |",
        kib(demo)
    )
    .ok();
    writeln!(
        out,
        "| Peak RSS of loading the 500-shipment trip (`crossing trip show`, release) | {} | — |",
        kib(show)
    )
    .ok();
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpu}, {cores} cores, {}", std::env::consts::OS)
}

fn main() {
    crossing_core::transport::install_crypto_provider();
    // `cargo bench` passes `--bench`; `cargo test --benches` would pass nothing useful: run anyway.
    let mut rows = Vec::new();
    local_benches(&mut rows);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let mut net = String::new();
    rt.block_on(sync_benches(&mut net));
    rt.block_on(server_benches(&mut net));
    ffi(&mut net);
    let mut mem = String::new();
    memory(&mut mem);

    let mut md = String::new();
    writeln!(md, "# Benchmarks\n").ok();
    writeln!(
        md,
        "Written by `cargo bench -p crossing-bench` on {} ({}). Debug assertions off (bench profile = release).\nEach time is the median of per-round medians (min–max over every sample), measured interleaved with its floor in the same run; compare ratios, not absolute times: this is a shared, noisy machine, not a phone.\n",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
        machine()
    )
    .ok();
    writeln!(md, "## Local operations\n").ok();
    writeln!(md, "| operation | Crossing | floor | ratio | target |").ok();
    writeln!(md, "|---|---|---|---|---|").ok();
    for r in &rows {
        let floor = r.floor.as_ref().map_or("—".to_string(), |(n, s)| {
            format!("{}: {} ({}–{})", n, fmt(s.median), fmt(s.min), fmt(s.max))
        });
        writeln!(
            md,
            "| {} | {} ({}–{}, n={}) | {} | {} | {} |",
            r.what,
            fmt(r.ours.median),
            fmt(r.ours.min),
            fmt(r.ours.max),
            r.ours.samples,
            floor,
            ratio(r),
            verdict(r)
        )
        .ok();
    }
    writeln!(
        md,
        "\n## Sync and server (real HTTP on loopback; wire bytes counted by a TCP proxy)\n"
    )
    .ok();
    writeln!(md, "| what | figures | target |").ok();
    writeln!(md, "|---|---|---|").ok();
    md.push_str(&net);
    writeln!(md, "\n## Memory\n").ok();
    writeln!(md, "| what | peak resident memory | target |").ok();
    writeln!(md, "|---|---|---|").ok();
    md.push_str(&mem);
    let size = std::fs::read_to_string(root().join("build/size-report.md")).unwrap_or_else(|_| {
        "Not measured in this run: run `bash scripts/size-budget.sh` first (it writes build/size-report.md).\n".into()
    });
    writeln!(md, "\n## Library size\n\n{size}").ok();
    let path = root().join("docs/benchmarks.md");
    // The hand-written analysis (causes, what was tried) below the marker is kept across runs.
    if let Ok(old) = std::fs::read_to_string(&path) {
        if let Some(at) = old.find(ANALYSIS_MARKER) {
            md.push_str(&old[at..]);
        }
    }
    std::fs::write(&path, &md).expect("write docs/benchmarks.md");
    println!("{md}");
    println!("wrote {}", path.display());
}
