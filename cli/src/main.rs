//! `crossing`: the desktop shell of the Crossing core.
//!
//! It drives `crossing_core::Crossing` exactly as the phone apps do and decides nothing itself:
//! it parses arguments, calls the core, and prints what the core returns.
//!
//! Exit codes: 0 success, 2 usage error, 1 any other error (one line on stderr).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use crossing_core::{
    codes, view, CodeKind, Crossing, EventFilter, EventInput, EventKind, Inspection, StatusEvent,
};

/// The ACI example trip bundled for the demo.
const DEMO_ACI: &[u8] = include_bytes!("../../examples/aci-trip.json");
/// The ACE example trip bundled for the demo.
const DEMO_ACE: &[u8] = include_bytes!("../../examples/ace-trip.json");

/// Crossing: a truck driver's border companion (desktop shell).
#[derive(Parser, Debug)]
#[command(name = "crossing", version, about)]
struct Cli {
    /// Data directory (default: the platform's data directory for Crossing).
    #[arg(long, global = true, env = "CROSSING_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,
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
    /// Status events: record and list.
    #[command(subcommand)]
    Event(EventCommand),
    /// Run the demo on the bundled example trips in a temporary data directory.
    Demo {
        /// Folder for the PNG files (default: a new folder under the system temp dir).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
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

fn parse_code_kind(s: &str) -> Result<CodeKind, String> {
    s.parse().map_err(|e: crossing_core::Error| e.to_string())
}

fn parse_event_kind(s: &str) -> Result<EventKind, String> {
    s.parse().map_err(|e: crossing_core::Error| e.to_string())
}

fn parse_inspection(s: &str) -> Result<Inspection, String> {
    s.parse().map_err(|e: crossing_core::Error| e.to_string())
}

/// An error for the one-line message on stderr.
type CliResult<T = ()> = Result<T, String>;

fn main() -> ExitCode {
    let cli = Cli::parse(); // usage errors exit with 2
    match run(cli) {
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

fn open(dir: Option<PathBuf>) -> CliResult<Crossing> {
    let dir = match dir {
        Some(d) => d,
        None => default_data_dir()?,
    };
    Crossing::open(&dir).map_err(|e| e.to_string())
}

fn run(cli: Cli) -> CliResult {
    let err = |e: crossing_core::Error| e.to_string();
    match cli.command {
        Command::Demo { out } => demo(out),
        Command::Trip(TripCommand::Import { file }) => {
            let core = open(cli.data_dir)?;
            let report = core.import_trip_file(&file).map_err(err)?;
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
            for w in &report.warnings {
                println!("  warning: {w}");
            }
            Ok(())
        }
        Command::Trip(TripCommand::List { json }) => {
            let core = open(cli.data_dir)?;
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
                    t.eta_local.replace('T', " "),
                    t.eta_zone,
                    t.state.as_str()
                );
            }
            Ok(())
        }
        Command::Trip(TripCommand::Show { id, json }) => {
            let core = open(cli.data_dir)?;
            let id = core.resolve_trip_id(id.as_deref()).map_err(err)?;
            let v = core.manifest_view(&id).map_err(err)?;
            if json {
                return print_json(&v);
            }
            print!("{}", view::to_text(&v));
            Ok(())
        }
        Command::Barcode {
            id,
            kind,
            shipment,
            png,
            svg,
            scale,
        } => {
            let core = open(cli.data_dir)?;
            let id = core.resolve_trip_id(id.as_deref()).map_err(err)?;
            let code = core
                .border_code(&id, kind, shipment.as_deref())
                .map_err(err)?;
            if let Some(path) = png {
                write_file(&path, &codes::to_png(&code.matrix, scale).map_err(err)?)?;
                println!("{}: {} -> {}", code.title, code.payload, path.display());
            } else if let Some(path) = svg {
                write_file(&path, codes::to_svg(&code.matrix, scale).as_bytes())?;
                println!("{}: {} -> {}", code.title, code.payload, path.display());
            } else {
                print_code(&code);
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
            let core = open(cli.data_dir)?;
            let mut input = EventInput::new(id, kind);
            input.port = port;
            input.shipment = shipment;
            input.inspection = inspection;
            input.corrects = corrects;
            input.note = note;
            let e = core.record_event(input).map_err(err)?;
            println!(
                "recorded {} #{} for trip {} (v{}) at {}: {} (not yet sent)",
                e.kind, e.device_seq, e.trip_id, e.trip_version_seen, e.occurred_at, e.event_id
            );
            Ok(())
        }
        Command::Event(EventCommand::List {
            pending,
            trip,
            json,
        }) => {
            let core = open(cli.data_dir)?;
            let events = core
                .events(&EventFilter {
                    trip_id: trip,
                    pending_only: pending,
                })
                .map_err(err)?;
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
    }
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

fn demo(out: Option<PathBuf>) -> CliResult {
    let err = |e: crossing_core::Error| e.to_string();
    let data = std::env::temp_dir().join(format!(
        "crossing-demo-data-{}-{}",
        std::process::id(),
        chrono::Utc::now().format("%Y%m%d%H%M%S")
    ));
    let out = out.unwrap_or_else(|| {
        std::env::temp_dir().join(format!(
            "crossing-demo-codes-{}",
            chrono::Utc::now().format("%Y%m%d-%H%M%S")
        ))
    });
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let result = (|| -> CliResult {
        let core = Crossing::open(&data).map_err(err)?;
        println!("Crossing demo: data in {} (temporary)\n", data.display());
        let aci = core.import_trip_json(DEMO_ACI).map_err(err)?;
        let ace = core.import_trip_json(DEMO_ACE).map_err(err)?;
        for r in [&aci, &ace] {
            println!(
                "Fleet pushed trip {} v{}: {} warning(s)",
                r.trip_id,
                r.version,
                r.warnings.len()
            );
        }
        println!();
        let id = aci.trip_id.clone();
        core.record_event(EventInput::new(&id, EventKind::TripAcknowledged))
            .map_err(err)?;
        core.record_event(EventInput::new(&id, EventKind::DepartedOrigin))
            .map_err(err)?;
        let view = core.manifest_view(&id).map_err(err)?;
        print!("{}", view::to_text(&view));
        println!();
        print_code(&core.border_code(&id, CodeKind::Qr, None).map_err(err)?);
        println!();
        let mut written = 0;
        for r in [&aci, &ace] {
            let v = core.manifest_view(&r.trip_id).map_err(err)?;
            for choice in &v.codes {
                let code = core
                    .border_code(&r.trip_id, choice.kind, choice.shipment.as_deref())
                    .map_err(err)?;
                let name = match &choice.shipment {
                    Some(s) => format!("{}-{}-{}.png", r.trip_id, choice.kind, s),
                    None => format!("{}-{}.png", r.trip_id, choice.kind),
                };
                write_file(
                    &out.join(name),
                    &codes::to_png(&code.matrix, 8).map_err(err)?,
                )?;
                written += 1;
            }
        }
        let pending = core
            .events(&EventFilter {
                trip_id: None,
                pending_only: true,
            })
            .map_err(err)?;
        println!(
            "{} events recorded offline, waiting to be sent:",
            pending.len()
        );
        for e in &pending {
            println!("  {}", event_line(e));
        }
        println!("\nWrote {written} border code PNGs to {}", out.display());
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&data);
    result
}
