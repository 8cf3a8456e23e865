//! `crossing demo`: the whole loop on embedded defaults, with checks.
//!
//! A fleet server on a free loopback port with a temporary database; a manager and a driver
//! token; the example trip pushed; a temporary phone store synced; the manifest and border QR;
//! events recorded while the server is down; the server back and a sync; an amendment and a
//! sync; the manager's view of every event with its flags. Exits 0 only if every check holds.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crossing_core::sync::{StaticToken, SyncConfig, SyncError, SyncService, Syncer};
use crossing_core::{
    codes, view, CodeKind, Crossing, EventInput, EventKind, Inspection, SharedClock,
};
use crossing_fleet::{store, AppState, Config};

/// The ACI example trip bundled for the demo.
const DEMO_ACI: &[u8] = include_bytes!("../../examples/aci-trip.json");
/// The ACE example trip bundled for the demo.
const DEMO_ACE: &[u8] = include_bytes!("../../examples/ace-trip.json");

struct Checks {
    failed: Vec<String>,
    passed: usize,
}

impl Checks {
    fn check(&mut self, ok: bool, what: &str) {
        if ok {
            self.passed += 1;
            println!("    ✓ {what}");
        } else {
            self.failed.push(what.to_string());
            println!("    ✗ {what}");
        }
    }
}

fn step(n: usize, what: &str) {
    println!("\n[{n}] {what}");
}

/// A bundled trip with its ETA moved to tomorrow (by `clock`), as a fleet would file it today.
fn trip_for_tomorrow(bytes: &[u8], clock: &SharedClock) -> Result<serde_json::Value, String> {
    let mut doc: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let tomorrow = clock.now_utc() + chrono::Duration::days(1);
    doc["eta"]["local"] = tomorrow.format("%Y-%m-%dT14:30:00").to_string().into();
    Ok(doc)
}

struct Manager {
    client: reqwest::Client,
    base: String,
    token: String,
}

impl Manager {
    async fn call(
        &self,
        post: bool,
        path: &str,
        body: Option<String>,
    ) -> Result<serde_json::Value, String> {
        let url = format!("{}{path}", self.base);
        let mut rb = if post {
            self.client.post(url)
        } else {
            self.client.get(url)
        };
        rb = rb.header("authorization", format!("Bearer {}", self.token));
        if let Some(b) = body {
            rb = rb.header("content-type", "application/json").body(b);
        }
        let resp = rb
            .send()
            .await
            .map_err(|e| format!("manager request: {e}"))?;
        let status = resp.status();
        let text = resp.text().await.map_err(|e| e.to_string())?;
        if !status.is_success() {
            return Err(format!("manager request {path}: {status} {text}"));
        }
        if text.is_empty() {
            return Ok(serde_json::Value::Null);
        }
        serde_json::from_str(&text).map_err(|e| e.to_string())
    }
}

/// Runs the demo. `out`: where to write the PNGs of every border code.
/// `clock`: the one clock of the server, the phone and the trips' ETAs.
pub fn run(out: Option<PathBuf>, clock: SharedClock) -> Result<(), String> {
    let stamp = clock.now_utc().format("%Y%m%d-%H%M%S");
    let work = std::env::temp_dir().join(format!("crossing-demo-{}-{stamp}", std::process::id()));
    let out =
        out.unwrap_or_else(|| std::env::temp_dir().join(format!("crossing-demo-codes-{stamp}")));
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("runtime: {e}"))?;
    let result = runtime.block_on(demo(&work, &out, &clock));
    let _ = std::fs::remove_dir_all(&work);
    let checks = result?;
    println!();
    if checks.failed.is_empty() {
        println!("Demo finished: all {} checks hold.", checks.passed);
        Ok(())
    } else {
        Err(format!(
            "{} demo check(s) failed: {}",
            checks.failed.len(),
            checks.failed.join("; ")
        ))
    }
}

async fn demo(work: &Path, out: &Path, clock: &SharedClock) -> Result<Checks, String> {
    let mut c = Checks {
        failed: Vec::new(),
        passed: 0,
    };
    println!("Crossing demo (temporary files in {})", work.display());
    let (fleet, server) = start_fleet(work, clock).await?;
    let mut trips = push_trips(&fleet, clock).await?;
    let phone = first_sync(work, clock, &fleet, &trips, &mut c).await?;
    let mut recorded = offline(server, &phone, &trips, &mut c).await?;
    let server = reconnect(&fleet, &phone, &mut c).await?;
    let released = amend(clock, &mut trips, &phone, &mut recorded, &mut c).await?;
    customs_answer(clock, &trips, &phone, &mut c).await?;
    manager_view(&trips, &phone, &recorded, &released, &mut c).await?;
    write_codes(&trips, &phone.core, out)?;
    server.stop().await;
    Ok(c)
}

/// The demo's fleet server (its state outlives a stop and a restart) and the tokens it made.
struct Fleet {
    state: Arc<AppState>,
    addr: std::net::SocketAddr,
    base: String,
    manager_token: String,
    driver_token: String,
}

/// The trips the manager pushed: the ACI one (amended later) by its fleet id and the key the
/// phone knows it by, and the ACE one.
struct Pushed {
    manager: Manager,
    aci: serde_json::Value,
    ace: serde_json::Value,
    trip_id: String,
    phone_trip: String,
}

/// The driver's phone and its one sync service (as on a phone: every sync goes through it).
struct Phone {
    core: Arc<Crossing>,
    syncer: SyncService,
}

fn err(e: crossing_core::Error) -> String {
    e.to_string()
}

async fn start_fleet(
    work: &Path,
    clock: &SharedClock,
) -> Result<(Fleet, crossing_fleet::ServerHandle), String> {
    step(
        1,
        "Start a fleet server on a free loopback port with a temporary database",
    );
    let db_path = work.join("fleet.db");
    let conn = store::open(&db_path).map_err(|e| e.to_string())?;
    let manager_token = store::create_token(
        &conn,
        &store::NewToken::Manager("NORTHSTAR".into()),
        clock.now_utc(),
    )
    .map_err(crossing_fleet::store::StoreError::into_reason)?;
    let driver_token = store::create_token(
        &conn,
        &store::NewToken::Driver("marie".into()),
        clock.now_utc(),
    )
    .map_err(crossing_fleet::store::StoreError::into_reason)?;
    store::add_to_roster(&conn, "NORTHSTAR", "marie", clock.now_utc())
        .map_err(crossing_fleet::store::StoreError::into_reason)?;
    let state = AppState::new(
        conn,
        Config {
            clock: Arc::clone(clock),
            ..Config::default()
        },
    );
    let server = crossing_fleet::spawn_on("127.0.0.1:0", Arc::clone(&state))
        .await
        .map_err(|e| format!("listen: {e}"))?;
    let addr = server.addr;
    let base = format!("http://{addr}");
    println!("    server at {base}; manager and driver tokens created (stored hashed)");

    let fleet = Fleet {
        state,
        addr,
        base,
        manager_token,
        driver_token,
    };
    Ok((fleet, server))
}

async fn push_trips(fleet: &Fleet, clock: &SharedClock) -> Result<Pushed, String> {
    let Fleet {
        base,
        manager_token,
        ..
    } = fleet;
    step(
        2,
        "The fleet manager pushes the ACI example trip (and an ACE trip) to driver marie",
    );
    crossing_core::transport::install_crypto_provider();
    let manager = Manager {
        client: reqwest::Client::new(),
        base: base.clone(),
        token: manager_token.clone(),
    };
    let aci = trip_for_tomorrow(DEMO_ACI, clock)?;
    let trip_id = aci["id"].as_str().unwrap_or_default().to_string();
    // Trip ids are per fleet: the phone knows the trip as `<fleet>:<id>`.
    let phone_trip = store::trip_key("NORTHSTAR", &trip_id);
    let pushed = manager
        .call(true, "/v1/fleet/trips?driver=marie", Some(aci.to_string()))
        .await?;
    println!(
        "    pushed {} v{}: {}",
        pushed["id"], pushed["version"], pushed["outcome"]
    );
    let ace = trip_for_tomorrow(DEMO_ACE, clock)?;
    manager
        .call(true, "/v1/fleet/trips?driver=marie", Some(ace.to_string()))
        .await?;

    Ok(Pushed {
        manager,
        aci,
        ace,
        trip_id,
        phone_trip,
    })
}

async fn first_sync(
    work: &Path,
    clock: &SharedClock,
    fleet: &Fleet,
    trips: &Pushed,
    c: &mut Checks,
) -> Result<Phone, String> {
    let (base, phone_trip) = (&fleet.base, &trips.phone_trip);
    step(3, "The driver's phone syncs and shows the manifest offline");
    let phone =
        Arc::new(Crossing::open_with_clock(work.join("phone"), Arc::clone(clock)).map_err(err)?);
    let syncer = Syncer::over_http(
        Arc::clone(&phone),
        base,
        Arc::new(StaticToken(fleet.driver_token.clone())),
        SyncConfig::default(),
    )
    .map_err(err)?;
    let syncer = SyncService::new(syncer);
    let report = syncer.sync_now().await.map_err(|e| e.to_string())?;
    println!(
        "    sync: {} trips stored, {} requests",
        report.trips_updated, report.requests
    );
    c.check(report.trips_updated == 2, "both trips reached the phone");
    let manifest = phone.manifest_view(phone_trip).map_err(err)?;
    print!("\n{}", indent(&view::to_text(&manifest, &phone.text())));
    let qr = phone
        .border_code(phone_trip, CodeKind::Qr, None)
        .map_err(err)?;
    println!("\n    {} (trip version {})", qr.title, qr.trip_version);
    print!(
        "{}",
        indent(&codes::to_terminal(
            &qr.matrix,
            std::io::IsTerminal::is_terminal(&std::io::stdout())
        ))
    );
    println!("    {}", qr.human_readable);

    Ok(Phone {
        core: phone,
        syncer,
    })
}

async fn offline(
    server: crossing_fleet::ServerHandle,
    phone: &Phone,
    trips: &Pushed,
    c: &mut Checks,
) -> Result<Vec<String>, String> {
    let Phone {
        core: phone,
        syncer,
    } = phone;
    let phone_trip = &trips.phone_trip;
    step(
        4,
        "No signal: the server goes down; the driver records events anyway",
    );
    server.stop().await;
    let mut recorded = Vec::new();
    for input in [
        EventInput::new(phone_trip, EventKind::TripAcknowledged),
        EventInput::new(phone_trip, EventKind::DepartedOrigin),
        EventInput::new(phone_trip, EventKind::ArrivedAtBorder),
        EventInput {
            inspection: Some(Inspection::Primary),
            ..EventInput::new(phone_trip, EventKind::InInspection)
        },
    ] {
        let e = phone.record_event(input).map_err(err)?;
        println!("    recorded #{} {} (not yet sent)", e.device_seq, e.kind);
        recorded.push(e.event_id);
    }
    match syncer.sync_now().await {
        Err(e @ SyncError::Retry { offline: true, .. }) => println!("    sync attempt: {e}"),
        other => println!("    sync attempt: unexpected {other:?}"),
    }
    let status = phone.sync_status().map_err(err)?;
    println!(
        "    phone: {} · {} waiting to be sent",
        status.state.label(),
        status.pending
    );
    c.check(
        status.pending == 4,
        "4 events wait in the outbox while offline",
    );
    c.check(
        phone
            .manifest_view(phone_trip)
            .map_err(err)?
            .status
            .headline
            .contains("not yet sent"),
        "the trip status says \"not yet sent\"",
    );

    Ok(recorded)
}

async fn reconnect(
    fleet: &Fleet,
    phone: &Phone,
    c: &mut Checks,
) -> Result<crossing_fleet::ServerHandle, String> {
    let (addr, state, syncer) = (&fleet.addr, &fleet.state, &phone.syncer);
    step(5, "The server comes back on the same port; the phone syncs");
    let server = crossing_fleet::spawn_on(&addr.to_string(), Arc::clone(state))
        .await
        .map_err(|e| format!("restart: {e}"))?;
    let report = syncer.sync_now().await.map_err(|e| e.to_string())?;
    println!(
        "    sync: {} uploaded, {} duplicates, {} requests",
        report.uploaded, report.duplicates, report.requests
    );
    c.check(report.uploaded == 4, "all 4 offline events uploaded");

    Ok(server)
}

async fn amend(
    clock: &SharedClock,
    trips: &mut Pushed,
    phone: &Phone,
    recorded: &mut Vec<String>,
    c: &mut Checks,
) -> Result<crossing_core::StatusEvent, String> {
    let Pushed {
        manager,
        aci,
        phone_trip,
        ..
    } = trips;
    let phone_trip = &*phone_trip;
    let Phone {
        core: phone,
        syncer,
    } = phone;
    step(6, "The fleet amends the trip (v2: new ETA, a shipment removed) while the driver records 'released' on v1");
    aci["version"] = 2.into();
    let later = clock.now_utc() + chrono::Duration::days(2);
    aci["eta"]["local"] = later.format("%Y-%m-%dT09:00:00").to_string().into();
    if let Some(list) = aci["shipments"].as_array_mut() {
        list.pop();
    }
    manager
        .call(true, "/v1/fleet/trips?driver=marie", Some(aci.to_string()))
        .await?;
    let released = phone
        .record_event(EventInput::new(phone_trip.as_str(), EventKind::Released))
        .map_err(err)?;
    recorded.push(released.event_id.clone());
    let report = syncer.sync_now().await.map_err(|e| e.to_string())?;
    println!(
        "    sync: {} uploaded, {} trips updated",
        report.uploaded, report.trips_updated
    );
    let amended = phone.manifest_view(phone_trip).map_err(err)?;
    if let Some(a) = &amended.amendment {
        println!(
            "    banner: manifest amended v{} → v{}",
            a.from_version, a.to_version
        );
        for line in &a.changes {
            println!("      changed: {line}");
        }
        for s in &a.shipments_removed {
            println!("      shipment removed: {s}");
        }
    }
    c.check(
        amended
            .amendment
            .as_ref()
            .is_some_and(|a| a.to_version == 2 && !a.shipments_removed.is_empty()),
        "the driver sees what the amendment changed",
    );
    let qr2 = phone
        .border_code(phone_trip, CodeKind::Qr, None)
        .map_err(err)?;
    c.check(qr2.trip_version == 2, "border codes are drawn from v2");
    let ack = phone
        .record_event(EventInput::new(
            phone_trip.as_str(),
            EventKind::TripAcknowledged,
        ))
        .map_err(err)?;
    recorded.push(ack.event_id);
    let delivered_to = aci["shipments"][0]["controlNumber"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let delivered = phone
        .record_event(EventInput {
            shipment: Some(delivered_to),
            ..EventInput::new(phone_trip.as_str(), EventKind::Delivered)
        })
        .map_err(err)?;
    recorded.push(delivered.event_id);
    syncer.sync_now().await.map_err(|e| e.to_string())?;
    c.check(
        phone
            .manifest_view(phone_trip)
            .map_err(err)?
            .amendment
            .is_none(),
        "acknowledging v2 clears the banner",
    );

    Ok(released)
}

/// CBSA's answer about a PARS, imported as BorderConnect relays it, reaches the driver as
/// customs' word: no new version, no amendment banner (docs/borderconnect.md).
async fn customs_answer(
    clock: &SharedClock,
    trips: &Pushed,
    phone: &Phone,
    c: &mut Checks,
) -> Result<(), String> {
    step(
        7,
        "CBSA's notice, as BorderConnect relays it: the first PARS is not matched",
    );
    let pars = trips.aci["shipments"][0]["controlNumber"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let notice = serde_json::json!({"data": "ACI_NOTICE", "type": "NOT_MATCHED",
        "cargoControlNumber": pars,
        "cbsaDateTime": clock.now().format("%Y-%m-%d %H:%M:%S").to_string(),
        "companyKey": "c-9000-2bcd8ae5954e0c48"});
    let answer = trips
        .manager
        .call(true, "/v1/fleet/borderconnect", Some(notice.to_string()))
        .await?;
    println!(
        "    import: {}",
        answer["results"][0]["outcome"].as_str().unwrap_or("?")
    );
    let before = phone
        .core
        .trip(&trips.phone_trip)
        .map_err(err)?
        .summary
        .version;
    phone.syncer.sync_now().await.map_err(|e| e.to_string())?;
    let stored = phone.core.trip(&trips.phone_trip).map_err(err)?;
    let view = phone.core.manifest_view(&trips.phone_trip).map_err(err)?;
    let advice = stored
        .customs
        .as_ref()
        .map(|s| s.advice(stored.summary.regime, &stored.summary.port_of_entry))
        .unwrap_or_default();
    for line in &advice {
        println!("    what to do: {line}");
    }
    c.check(
        advice
            .iter()
            .any(|a| a.contains(&pars) && a.contains("call your broker")),
        "the driver is told to call the broker about the unmatched PARS",
    );
    c.check(
        stored.summary.version == before && view.amendment.is_none(),
        "a customs answer is not an amendment (same version, no banner)",
    );
    c.check(
        !serde_json::to_string(&stored.customs)
            .unwrap_or_default()
            .contains("c-9000"),
        "the provider's account key stayed on the server",
    );
    Ok(())
}

async fn manager_view(
    trips: &Pushed,
    phone: &Phone,
    recorded: &[String],
    released: &crossing_core::StatusEvent,
    c: &mut Checks,
) -> Result<(), String> {
    let (manager, trip_id, phone) = (&trips.manager, &trips.trip_id, &phone.core);
    step(8, "The fleet manager's view of the trip's events");
    let events = manager
        .call(false, &format!("/v1/fleet/trips/{trip_id}/events"), None)
        .await?;
    let list = events.as_array().cloned().unwrap_or_default();
    for e in &list {
        let flags: Vec<String> = e["flags"]
            .as_array()
            .map(|f| {
                f.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        println!(
            "    #{:<2} {:<20} seen v{} skew {:>5} ms  flags [{}]",
            e["device_seq"],
            e["kind"].as_str().unwrap_or(""),
            e["trip_version_seen"],
            e["skew_ms"],
            flags.join(", ")
        );
    }
    let server_ids: Vec<String> = list
        .iter()
        .filter_map(|e| e["event_id"].as_str().map(str::to_string))
        .collect();
    let mut unique = server_ids.clone();
    unique.sort();
    unique.dedup();
    c.check(
        server_ids.len() == recorded.len() && unique.len() == recorded.len(),
        &format!(
            "each of the {} events is on the server exactly once",
            recorded.len()
        ),
    );
    c.check(
        recorded.iter().all(|id| server_ids.contains(id)),
        "every recorded event arrived",
    );
    let stale = list
        .iter()
        .find(|e| e["event_id"] == released.event_id.as_str())
        .is_some_and(|e| e["flags"].to_string().contains("stale_trip_version"));
    c.check(
        stale,
        "'released' recorded on v1 is flagged stale_trip_version",
    );
    let status = phone.sync_status().map_err(err)?;
    c.check(
        status.pending == 0 && status.dead == 0,
        "the phone's outbox is empty, nothing dead-lettered",
    );

    Ok(())
}

fn write_codes(trips: &Pushed, phone: &Crossing, out: &Path) -> Result<(), String> {
    let (phone_trip, ace) = (&trips.phone_trip, &trips.ace);
    step(9, "Every border code of both trips, written as PNG");
    let mut written = 0;
    let ace_on_phone = store::trip_key("NORTHSTAR", ace["id"].as_str().unwrap_or_default());
    for id in [phone_trip.as_str(), ace_on_phone.as_str()] {
        let v = phone.manifest_view(id).map_err(err)?;
        for choice in &v.codes {
            let code = phone
                .border_code(id, choice.kind, choice.shipment.as_deref())
                .map_err(err)?;
            let file = id.replace(':', "_");
            let name = match &choice.shipment {
                Some(s) => format!("{file}-{}-{s}.png", choice.kind),
                None => format!("{file}-{}.png", choice.kind),
            };
            let png = codes::to_png(&code.matrix, 8).map_err(err)?;
            std::fs::write(out.join(&name), png).map_err(|e| format!("{name}: {e}"))?;
            written += 1;
        }
    }
    println!("    wrote {written} PNGs to {}", out.display());
    Ok(())
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("    {l}\n")).collect()
}
