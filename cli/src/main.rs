//! `crossing`: the desktop shell of the Crossing core.
//!
//! It drives `crossing_core::Crossing` exactly as the phone apps do and decides nothing itself:
//! it parses arguments, calls the core, and prints what the core returns.
//!
//! Exit codes: 0 success, 2 usage error, 1 any other error (one line on stderr).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use clap::{Parser, Subcommand};
use crossing_core::{
    codes, view, CodeKind, Crossing, EventFilter, EventInput, EventKind, FixedClock, Inspection,
    SharedClock, StatusEvent,
};

mod demo;

/// Crossing: a truck driver's border companion (desktop shell).
#[derive(Parser, Debug)]
#[command(name = "crossing", version, about)]
struct Cli {
    /// Data directory (default: the platform's data directory for Crossing).
    #[arg(long, global = true, env = "CROSSING_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Run as if the clock showed this instant (RFC 3339, e.g. 2026-11-25T08:00:00-05:00),
    /// to see what a driver saw then or to reproduce a test; default: the system clock.
    #[arg(long, global = true, env = "CROSSING_NOW", value_name = "RFC3339", value_parser = parse_now)]
    now: Option<DateTime<FixedOffset>>,
    /// The language of what the core prints: en, fr-CA, pa, es-MX (or any BCP 47 tag; the
    /// nearest shipped language, English when none). Default: LANGUAGE, LC_ALL, LC_MESSAGES,
    /// LANG.
    #[arg(long, global = true, env = "CROSSING_LANG", value_name = "TAG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Trips: import, list, show.
    #[command(subcommand)]
    Trip(TripCommand),
    /// Draw a border code (in the terminal, or to a PNG/SVG file).
    Barcode {
        /// Trip id (default: the current trip).
        id: Option<String>,
        /// Which code.
        #[arg(long, value_parser = parse_code_kind)]
        kind: CodeKind,
        /// Shipment control number, for ccn128 and ace39 of a shipment.
        #[arg(long)]
        shipment: Option<String>,
        /// Write a PNG here.
        #[arg(long, value_name = "FILE", conflicts_with = "svg")]
        png: Option<PathBuf>,
        /// Write an SVG here.
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
        /// Pixels (PNG) or units (SVG) per module.
        #[arg(long, default_value_t = 8)]
        scale: u32,
    },
    /// Print border paperwork as PDF: the ACI lead sheet, the ACE cover sheet, the ACE QR placard.
    Sheet {
        /// Trip id (default: the current trip).
        id: Option<String>,
        /// Which sheet: aci-lead, ace-cover, ace-placard.
        #[arg(long, value_parser = parse_sheet_kind)]
        kind: crossing_core::paper::SheetKind,
        /// Lead sheet: shipper, consignee and goods of each shipment.
        #[arg(long)]
        detailed: bool,
        /// Lead sheet: leave the driver's name off.
        #[arg(long)]
        no_driver_name: bool,
        /// Write the PDF here.
        #[arg(long, value_name = "FILE")]
        pdf: PathBuf,
    },
    /// Status events: record and list.
    #[command(subcommand)]
    Event(EventCommand),
    /// Send recorded events and pull trips from the fleet server.
    Sync {
        /// Fleet server URL (https://, or http:// to loopback only).
        #[arg(long, env = "CROSSING_SERVER")]
        server: String,
        /// The driver's token.
        #[arg(long, env = "CROSSING_TOKEN", hide_env_values = true)]
        token: String,
        /// Keep retrying transient failures for up to this many seconds.
        #[arg(long, default_value_t = 20)]
        wait: u64,
    },
    /// The trip cache: `crossing cache wipe` deletes every cached trip (the next sync pulls
    /// them again); recorded events are never touched.
    #[command(subcommand)]
    Cache(CacheCommand),
    /// Sync state, events waiting and dead-lettered.
    Status {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The whole loop on embedded defaults: fleet server, push, sync, offline events, amendment.
    Demo {
        /// Folder for the PNG files (default: a new folder under the system temp dir).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum CacheCommand {
    /// Delete every cached trip; events stay in the outbox and recording goes on.
    Wipe,
}

#[derive(Subcommand, Debug)]
enum TripCommand {
    /// Import a trip document, as if the fleet had pushed it.
    Import {
        /// The trip JSON file (docs/trip-format.md).
        file: PathBuf,
    },
    /// List stored trips.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a trip's manifest.
    Show {
        /// Trip id (default: the current trip).
        id: Option<String>,
        /// Print JSON (the manifest view with status and warnings).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
enum EventCommand {
    /// Record a status event (works offline; it is queued until sent).
    Record {
        /// Trip id.
        id: String,
        /// trip_acknowledged, departed_origin, arrived_at_border, in_inspection, released,
        /// arrived_at_consignee, delivered, exception, correction.
        #[arg(value_parser = parse_event_kind)]
        kind: EventKind,
        /// Port code (4 digits).
        #[arg(long)]
        port: Option<String>,
        /// Shipment control number.
        #[arg(long)]
        shipment: Option<String>,
        /// primary or secondary (in_inspection).
        #[arg(long, value_parser = parse_inspection)]
        inspection: Option<Inspection>,
        /// Id of the event being corrected (correction).
        #[arg(long)]
        corrects: Option<String>,
        /// A note (required for exception and correction).
        #[arg(long)]
        note: Option<String>,
    },
    /// List recorded events.
    List {
        /// Only events not yet sent.
        #[arg(long)]
        pending: bool,
        /// Only this trip's events.
        #[arg(long)]
        trip: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

fn parse_now(s: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s).map_err(|e| format!("must be an RFC 3339 date-time ({e})"))
}

fn parse_sheet_kind(s: &str) -> Result<crossing_core::paper::SheetKind, String> {
    s.parse()
        .map_err(|e: crossing_core::codes::Error| e.to_string())
}

fn parse_code_kind(s: &str) -> Result<CodeKind, String> {
    s.parse()
        .map_err(|e: crossing_core::codes::Error| e.to_string())
}

fn parse_event_kind(s: &str) -> Result<EventKind, String> {
    s.parse()
        .map_err(|e: crossing_core::DocumentError| e.to_string())
}

fn parse_inspection(s: &str) -> Result<Inspection, String> {
    s.parse()
        .map_err(|e: crossing_core::DocumentError| e.to_string())
}

/// An error for the one-line message on stderr.
type CliResult<T = ()> = Result<T, String>;

fn main() -> ExitCode {
    let cli = Cli::parse(); // usage errors exit with 2
    let result = run(cli);
    // Benchmarks ask for the peak resident memory of this process (Linux only).
    if std::env::var_os("CROSSING_REPORT_PEAK_RSS").is_some() {
        if let Some(line) = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .map(str::to_string)
            })
        {
            eprintln!("peak_rss {}", line.trim_start_matches("VmHWM:").trim());
        }
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("crossing: {msg}");
            ExitCode::from(1)
        }
    }
}

fn default_data_dir() -> CliResult<PathBuf> {
    directories::ProjectDirs::from("app", "Crossing", "Crossing")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| "no home directory: pass --data-dir or set CROSSING_DATA_DIR".to_string())
}

/// The one clock of this process: `--now` stands still at its instant, else the system clock.
fn clock(now: Option<DateTime<FixedOffset>>) -> SharedClock {
    match now {
        Some(at) => FixedClock::new(at),
        None => crossing_core::clock::system(),
    }
}

/// The languages to ask the core for: `--lang`, else the POSIX environment.
fn languages(lang: Option<&str>) -> Vec<String> {
    match lang {
        Some(tag) => vec![tag.to_string()],
        None => crossing_core::text::posix_locales(|k| std::env::var(k).ok()),
    }
}

fn open(dir: Option<PathBuf>, clock: SharedClock, lang: Option<&str>) -> CliResult<Crossing> {
    let dir = match dir {
        Some(d) => d,
        None => default_data_dir()?,
    };
    let core = Crossing::open_with_clock(&dir, clock).map_err(|e| e.to_string())?;
    core.set_preferred_locales(&languages(lang));
    let r = core.recovery();
    if r.cache_rebuilt {
        eprintln!(
            "warning: the trip cache was damaged and has been rebuilt; sync to get the trips back"
        );
    }
    if r.outbox_found_empty {
        eprintln!(
            "warning: the event store was found empty (0 bytes): any events it held are lost; a new device id was made"
        );
    }
    if let Some(aside) = &r.outbox_moved_to {
        eprintln!(
            "warning: the event store was damaged: moved to {aside}; {} events salvaged, {} could not be read",
            r.events_salvaged, r.events_unreadable
        );
    }
    Ok(core)
}

fn run(cli: Cli) -> CliResult {
    let clock = clock(cli.now);
    let dir = cli.data_dir;
    let lang = cli.lang.as_deref();
    match cli.command {
        Command::Demo { out } => demo::run(out, clock),
        Command::Sync {
            server,
            token,
            wait,
        } => sync(open(dir, clock, lang)?, &server, token, wait),
        Command::Cache(CacheCommand::Wipe) => {
            open(dir, clock, lang)?.wipe_cache().map_err(err)?;
            println!("trip cache wiped; sync to pull the trips again (recorded events are kept)");
            Ok(())
        }
        Command::Status { json } => status(&open(dir, clock, lang)?, json),
        Command::Trip(TripCommand::Import { file }) => import(&open(dir, clock, lang)?, &file),
        Command::Trip(TripCommand::List { json }) => list_trips(&open(dir, clock, lang)?, json),
        Command::Trip(TripCommand::Show { id, json }) => show(&open(dir, clock, lang)?, id, json),
        Command::Barcode {
            id,
            kind,
            shipment,
            png,
            svg,
            scale,
        } => {
            let core = open(dir, clock, lang)?;
            let id = core.resolve_trip_id(id.as_deref()).map_err(err)?;
            let code = core
                .border_code(&id, kind, shipment.as_deref())
                .map_err(err)?;
            barcode(&code, png, svg, scale)
        }
        Command::Sheet {
            id,
            kind,
            detailed,
            no_driver_name,
            pdf,
        } => {
            let core = open(dir, clock, lang)?;
            let id = core.resolve_trip_id(id.as_deref()).map_err(err)?;
            let options = crossing_core::paper::SheetOptions {
                detailed,
                driver_name: !no_driver_name,
                ..Default::default()
            };
            let sheet = core.sheet(&id, kind, &options).map_err(err)?;
            write_file(&pdf, &sheet.pdf)?;
            println!(
                "{} of trip {id} (version {}, fingerprint {}): {} pages -> {}",
                kind.title(),
                sheet.trip_version,
                sheet.fingerprint,
                sheet.pages,
                pdf.display()
            );
            for c in &sheet.replaced {
                eprintln!("warning: {c:?} cannot be printed in the standard fonts; printed as '?'");
            }
            Ok(())
        }
        Command::Event(EventCommand::Record {
            id,
            kind,
            port,
            shipment,
            inspection,
            corrects,
            note,
        }) => {
            let mut input = EventInput::new(id, kind);
            input.port = port;
            input.shipment = shipment;
            input.inspection = inspection;
            input.corrects = corrects;
            input.note = note;
            record(&open(dir, clock, lang)?, input)
        }
        Command::Event(EventCommand::List {
            pending,
            trip,
            json,
        }) => {
            let filter = EventFilter {
                trip_id: trip,
                pending_only: pending,
            };
            list_events(&open(dir, clock, lang)?, &filter, json)
        }
    }
}

/// A core error as the one line the CLI prints.
fn err(e: crossing_core::Error) -> String {
    e.to_string()
}

/// `status`: the sync state and the outbox's counts.
fn status(core: &Crossing, json: bool) -> CliResult {
    let status = core.sync_status().map_err(err)?;
    if json {
        return print_json(&status);
    }
    println!("sync: {}", status.state.label());
    println!("waiting to be sent: {}", status.pending);
    println!("refused by the server: {}", status.dead);
    println!(
        "last successful sync: {}",
        status.last_success.as_deref().unwrap_or("never")
    );
    Ok(())
}

/// `trip import`: what importing the file did, with its warnings.
fn import(core: &Crossing, file: &Path) -> CliResult {
    let report = core.import_trip_file(file).map_err(err)?;
    let what = match report.outcome {
        crossing_core::ApplyOutcome::Inserted => "imported".to_string(),
        crossing_core::ApplyOutcome::Updated { previous } => {
            format!("updated from version {previous}")
        }
        crossing_core::ApplyOutcome::Unchanged { stored } => {
            format!("unchanged: version {stored} is already stored")
        }
    };
    println!("trip {} version {}: {what}", report.trip_id, report.version);
    let t = core.text();
    for w in &report.warnings {
        println!("  warning: {}", w.worded(&t));
    }
    Ok(())
}

/// `trip list`: one line per stored trip.
fn list_trips(core: &Crossing, json: bool) -> CliResult {
    let trips = core.trips().map_err(err)?;
    if json {
        return print_json(&trips);
    }
    if trips.is_empty() {
        println!("no trips");
    }
    for t in trips {
        println!(
            "{:<18} v{:<3} {} {:<25} port {} ETA {} ({}) {}",
            t.id,
            t.version,
            t.regime.as_str(),
            t.trip_number,
            t.port_of_entry,
            crossing_core::view::eta_text(&t.eta_local),
            t.eta_zone,
            t.state.as_str()
        );
    }
    Ok(())
}

/// `trip show`: the manifest screen as text (or JSON).
fn show(core: &Crossing, id: Option<String>, json: bool) -> CliResult {
    let id = core.resolve_trip_id(id.as_deref()).map_err(err)?;
    let v = core.manifest_view(&id).map_err(err)?;
    if json {
        return print_json(&v);
    }
    print!("{}", view::to_text(&v, &core.text()));
    Ok(())
}

/// `barcode`: to a PNG or SVG file, or drawn in the terminal.
fn barcode(
    code: &crossing_core::BorderCode,
    png: Option<PathBuf>,
    svg: Option<PathBuf>,
    scale: u32,
) -> CliResult {
    if let Some(path) = png {
        write_file(&path, &codes::to_png(&code.matrix, scale).map_err(err)?)?;
        println!("{}: {} -> {}", code.title, code.payload, path.display());
    } else if let Some(path) = svg {
        write_file(&path, codes::to_svg(&code.matrix, scale).as_bytes())?;
        println!("{}: {} -> {}", code.title, code.payload, path.display());
    } else {
        print_code(code);
    }
    Ok(())
}

/// `event record`: records the event (durable when this prints).
fn record(core: &Crossing, input: EventInput) -> CliResult {
    let e = core.record_event(input).map_err(err)?;
    println!(
        "recorded {} #{} for trip {} (v{}) at {}: {} (not yet sent)",
        e.kind, e.device_seq, e.trip_id, e.trip_version_seen, e.occurred_at, e.event_id
    );
    Ok(())
}

/// `event list`: the outbox's events in device order.
fn list_events(core: &Crossing, filter: &EventFilter, json: bool) -> CliResult {
    let events = core.events(filter).map_err(err)?;
    if json {
        return print_json(&events);
    }
    if events.is_empty() {
        println!("no events");
    }
    for e in &events {
        println!("{}", event_line(e));
    }
    Ok(())
}

fn event_line(e: &StatusEvent) -> String {
    let mut extra = Vec::new();
    if let Some(p) = &e.port {
        extra.push(format!("port {p}"));
    }
    if let Some(s) = &e.shipment {
        extra.push(format!("shipment {s}"));
    }
    if let Some(i) = e.inspection {
        extra.push(i.as_str().to_string());
    }
    if let Some(c) = &e.corrects {
        extra.push(format!("corrects {c}"));
    }
    if let Some(n) = &e.note {
        extra.push(format!("note {n:?}"));
    }
    let state = match e.state {
        crossing_core::DeliveryState::Pending => "not yet sent",
        crossing_core::DeliveryState::Sent => "sent",
        crossing_core::DeliveryState::Dead => "refused by server",
    };
    format!(
        "#{:<4} {} {:<20} trip {} v{} {} [{}] {}",
        e.device_seq,
        e.occurred_at,
        e.kind.as_str(),
        e.trip_id,
        e.trip_version_seen,
        extra.join(", "),
        state,
        e.event_id
    )
}

fn print_json<T: serde::Serialize>(value: &T) -> CliResult {
    let s = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    println!("{s}");
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8]) -> CliResult {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn print_code(code: &crossing_core::BorderCode) {
    let ansi = std::io::stdout().is_terminal();
    println!("{} (trip version {})", code.title, code.trip_version);
    print!("{}", codes::to_terminal(&code.matrix, ansi));
    println!("{}", code.human_readable);
    for c in &code.caveats {
        println!("  note: {c}");
    }
}

fn sync(core: Crossing, server: &str, token: String, wait: u64) -> CliResult {
    use crossing_core::sync::{StaticToken, SyncConfig, SyncError, SyncService, Syncer};
    let err = |e: crossing_core::Error| e.to_string();
    let core = std::sync::Arc::new(core);
    let syncer = Syncer::over_http(
        std::sync::Arc::clone(&core),
        server,
        std::sync::Arc::new(StaticToken(token)),
        SyncConfig::default(),
    )
    .map_err(err)?;
    // The same one sync service as the phones: its attempt counter sets the backoff and a
    // server's Retry-After holds.
    let service = SyncService::new(syncer);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("runtime: {e}"))?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(wait);
    loop {
        match runtime.block_on(service.sync_now()) {
            Ok(r) => {
                println!(
                    "synced: {} events sent, {} already on the server, {} refused; {} trips updated, {} removed; {} requests",
                    r.uploaded, r.duplicates, r.dead_lettered, r.trips_updated, r.trips_removed, r.requests
                );
                return Ok(());
            }
            Err(SyncError::Retry { after, reason, .. })
                if std::time::Instant::now() + after <= deadline =>
            {
                eprintln!(
                    "crossing: {reason}; retrying in {:.1} s",
                    after.as_secs_f64()
                );
                std::thread::sleep(after);
            }
            Err(e) => {
                let pending = core.sync_status().map(|s| s.pending).unwrap_or(0);
                return Err(format!(
                    "sync stopped: {e}; {pending} events kept for the next sync"
                ));
            }
        }
    }
}
