//! `crossing-fleet`: run the reference fleet server, create tokens, and act as a fleet manager
//! over the server's HTTP API. A library module so the integration tests can build the same
//! command line into their own helper binary.
//!
//! Exit codes: 0 success, 2 usage error, 1 any other error (one line on stderr).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::client::{self, Answer};
use crate::{store, AppState, Config};
use clap::{Args, Parser, Subcommand, ValueEnum};
use hyper::Method;

/// Crossing reference fleet server.
#[derive(Parser, Debug)]
#[command(name = "crossing-fleet", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the HTTP API.
    Serve(ServeArgs),
    /// Bearer tokens (stored hashed; shown once).
    #[command(subcommand)]
    Token(TokenCommand),
    /// A fleet's roster: the drivers its managers may give trips to.
    #[command(subcommand)]
    Roster(RosterCommand),
    /// Copy the database to a backup file (consistent while serving). The copy gets a new
    /// epoch, so once restored every phone's feed cursor answers 410 and the phones pull a
    /// fresh snapshot instead of trusting positions of a history the backup never had.
    Backup {
        /// SQLite database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The backup file to write (must not exist).
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Give the database a new epoch: every phone re-pulls a snapshot at its next sync. Run it
    /// after restoring a copy that was not made by `backup`.
    NewEpoch {
        /// SQLite database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
    },
    /// Manager actions over the HTTP API (`--server`, `--token` or the environment).
    Trip {
        #[command(flatten)]
        remote: Remote,
        #[command(subcommand)]
        action: TripCommand,
    },
    /// BorderConnect documents, over the HTTP API like the other manager commands.
    #[command(subcommand)]
    Borderconnect(BorderconnectCommand),
}

/// Where the manager commands go, and as whom.
#[derive(Args, Debug)]
struct Remote {
    /// Server URL.
    #[arg(
        long,
        env = "CROSSING_FLEET_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    server: String,
    /// Manager token.
    #[arg(long, env = "CROSSING_FLEET_TOKEN", hide_env_values = true)]
    token: String,
}

#[derive(Subcommand, Debug)]
enum BorderconnectCommand {
    /// Import BorderConnect files (one message, an array of them, or a portal export each), in
    /// order: trips become trip versions, customs' answers reach the trip's driver. Stops at the
    /// first file the server refuses (a refused file changes nothing).
    Import {
        #[command(flatten)]
        remote: Remote,
        /// BorderConnect JSON files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Assign every imported trip to this driver.
        #[arg(long)]
        driver: Option<String>,
    },
}

/// `serve`'s options.
#[derive(Args, Debug)]
struct ServeArgs {
    /// SQLite database file (created if missing).
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: String,
    /// Oldest app version accepted from phones; older ones get 426.
    #[arg(long)]
    min_client_version: Option<String>,
    /// Connections served at once (default 512, and always 32 below the process's
    /// open-file limit); more wait in the accept queue.
    #[arg(long)]
    max_connections: Option<usize>,
    /// Seconds a client may take to send a request's headers, or stay idle between
    /// requests, before its connection is closed.
    #[arg(long, default_value_t = 10)]
    header_timeout: u64,
    /// Seconds one request may take, body included (408 after).
    #[arg(long, default_value_t = 60)]
    request_timeout: u64,
    /// Serve HTTPS with this certificate chain (PEM; with `--tls-key`).
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The private key of `--tls-cert` (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// The console's public origin (`https://fleet.example.com`) when a proxy terminates TLS:
    /// browsers' `Origin` is checked against it on every form the console takes.
    #[arg(long, value_name = "URL")]
    public_origin: Option<String>,
    /// Hours without an event after which an active trip is an exception on the console's
    /// board.
    #[arg(long, default_value_t = 4)]
    stale_hours: i64,
}

/// A rustls server configuration from PEM files.
fn tls_config(
    cert: &std::path::Path,
    key: &std::path::Path,
) -> Result<rustls::ServerConfig, String> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let chain = CertificateDer::pem_file_iter(cert)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| format!("{}: {e}", cert.display()))?;
    let key = PrivateKeyDer::from_pem_file(key).map_err(|e| format!("{}: {e}", key.display()))?;
    rustls::ServerConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| e.to_string())?
    .with_no_client_auth()
    .with_single_cert(chain, key)
    .map_err(|e| format!("TLS: {e}"))
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Role {
    Manager,
    Driver,
}

#[derive(Subcommand, Debug)]
enum TokenCommand {
    /// Create a token for a fleet manager (`--fleet`) or a driver (`--driver`; with `--fleet`
    /// the driver is also put on that fleet's roster).
    Create {
        /// SQLite database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// manager or driver.
        #[arg(long)]
        role: Role,
        /// The manager's fleet; for a driver, a fleet whose roster they join.
        #[arg(long, required_if_eq("role", "manager"))]
        fleet: Option<String>,
        /// The driver's id.
        #[arg(long, required_if_eq("role", "driver"))]
        driver: Option<String>,
    },
    /// Revoke a token.
    Revoke {
        /// SQLite database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The token.
        token: String,
    },
}

#[derive(Subcommand, Debug)]
enum RosterCommand {
    /// Put a driver on a fleet's roster.
    Add {
        /// SQLite database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The fleet.
        #[arg(long)]
        fleet: String,
        /// The driver.
        #[arg(long)]
        driver: String,
    },
}

#[derive(Subcommand, Debug)]
enum TripCommand {
    /// Push (create or amend) a trip document, optionally assigning it.
    Push {
        /// Trip JSON (docs/trip-format.md).
        file: PathBuf,
        /// Assign to this driver.
        #[arg(long)]
        driver: Option<String>,
    },
    /// Cancel a trip.
    Cancel {
        /// Trip id.
        id: String,
    },
    /// Assign a trip to a driver.
    Assign {
        /// Trip id.
        id: String,
        /// Driver id.
        #[arg(long)]
        driver: String,
    },
    /// Take a trip off its driver.
    Unassign {
        /// Trip id.
        id: String,
    },
    /// The status events of a trip, with the server's flags.
    Events {
        /// Trip id.
        id: String,
    },
    /// Where customs stands for a trip, and every answer imported for it.
    Customs {
        /// Trip id.
        id: String,
    },
    /// The fleet's trips.
    List,
}

/// The soft limit on open files of this process (Linux: `/proc/self/limits`), if known. The
/// connection cap stays below it so clients can never exhaust the server's descriptors.
fn open_file_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// The body of a successful answer, or the server's reason for a failed one (`404: …`).
fn success_text(answer: Answer) -> Result<String, String> {
    if (200..300).contains(&answer.status) {
        return Ok(answer.body);
    }
    let reason = serde_json::from_str::<crossing_trip::protocol::ApiError>(&answer.body)
        .map(|e| e.reason)
        .unwrap_or(answer.body);
    Err(format!("{}: {reason}", answer.status))
}

/// `trip events`: every page of a trip's events, printed as one JSON array.
async fn print_all_events(base: &str, auth: &str, id: &str) -> Result<(), String> {
    let mut all: Vec<serde_json::Value> = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut path = format!("/v1/fleet/trips/{}/events", client::encode(id));
        if let Some(a) = &after {
            path.push_str(&format!("?after={}", client::encode(a)));
        }
        let answer = client::send(Method::GET, base, &path, auth, Vec::new()).await?;
        after = answer
            .headers
            .get(crate::NEXT_PAGE_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let text = success_text(answer)?;
        let page: Vec<serde_json::Value> =
            serde_json::from_str(&text).map_err(|e| e.to_string())?;
        all.extend(page);
        if after.is_none() {
            break;
        }
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&all).map_err(|e| e.to_string())?
    );
    Ok(())
}

/// Parses the arguments and runs the command: 0 on success, 2 on a usage error, 1 otherwise.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("crossing-fleet: {msg}");
            ExitCode::from(1)
        }
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("runtime: {e}"))
}

/// `serve`: opens the database and serves until stopped. The connection cap stays 32 below
/// the process's open-file limit, so clients can never exhaust the server's descriptors.
fn serve(args: ServeArgs, clock: crossing_trip::SharedClock) -> Result<(), String> {
    let ServeArgs {
        db,
        listen,
        min_client_version,
        max_connections,
        header_timeout,
        request_timeout,
        tls_cert,
        tls_key,
        public_origin,
        stale_hours,
    } = args;
    let tls = match (&tls_cert, &tls_key) {
        (Some(c), Some(k)) => Some(std::sync::Arc::new(tls_config(c, k)?)),
        _ => None,
    };
    let scheme = if tls.is_some() { "https" } else { "http" };
    let conn = store::open(&db).map_err(|e| e.to_string())?;
    let wanted = max_connections.unwrap_or(crate::Limits::default().max_connections);
    let limits = crate::Limits {
        header_read: std::time::Duration::from_secs(header_timeout.max(1)),
        request: std::time::Duration::from_secs(request_timeout.max(1)),
        max_connections: match open_file_limit() {
            Some(n) => wanted.min(n.saturating_sub(32).max(8)),
            None => wanted,
        },
        ..crate::Limits::default()
    };
    let state = AppState::new(
        conn,
        Config {
            min_client_version,
            public_origin,
            tls,
            sessions: store::SessionLimits::default(),
            stale_after: chrono::Duration::hours(stale_hours.max(1)),
            clock,
            limits,
        },
    );
    runtime()?.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&listen)
            .await
            .map_err(|e| format!("{listen}: {e}"))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        println!(
            "crossing-fleet listening on {scheme}://{addr} (db {}; the console is at /ui/)",
            db.display()
        );
        crate::serve(listener, state)
            .await
            .map_err(|e| e.to_string())
    })
}

fn run(cli: Cli) -> Result<(), String> {
    // The server's one clock: the system's. Tests start servers with a fixed one (Config::clock).
    let clock = crossing_trip::clock::system();
    match cli.command {
        Command::Serve(args) => serve(args, clock),
        Command::Token(TokenCommand::Create {
            db,
            role,
            fleet,
            driver,
        }) => {
            let conn = store::open(&db).map_err(|e| e.to_string())?;
            let who = match role {
                Role::Manager => store::NewToken::Manager(fleet.clone().unwrap_or_default()),
                Role::Driver => store::NewToken::Driver(driver.unwrap_or_default()),
            };
            let token = store::create_token(&conn, &who, clock.now_utc())
                .map_err(store::StoreError::into_reason)?;
            if let (store::NewToken::Driver(d), Some(f)) = (&who, fleet.as_deref()) {
                store::add_to_roster(&conn, f, d, clock.now_utc())
                    .map_err(store::StoreError::into_reason)?;
            }
            println!("{token}");
            Ok(())
        }
        Command::Roster(RosterCommand::Add { db, fleet, driver }) => {
            let conn = store::open(&db).map_err(|e| e.to_string())?;
            store::add_to_roster(&conn, &fleet, &driver, clock.now_utc())
                .map_err(store::StoreError::into_reason)?;
            println!("{driver} is on the roster of {fleet}");
            Ok(())
        }
        Command::Backup { db, to } => {
            let conn = store::open(&db).map_err(|e| e.to_string())?;
            let epoch = store::backup(&conn, &to).map_err(store::StoreError::into_reason)?;
            println!("backed up to {} (epoch {epoch})", to.display());
            Ok(())
        }
        Command::NewEpoch { db } => {
            let conn = store::open(&db).map_err(|e| e.to_string())?;
            let epoch = store::new_epoch(&conn).map_err(store::StoreError::into_reason)?;
            println!("new epoch {epoch}: phones will pull a fresh snapshot");
            Ok(())
        }
        Command::Token(TokenCommand::Revoke { db, token }) => {
            let conn = store::open(&db).map_err(|e| e.to_string())?;
            if store::revoke_token(&conn, &token, clock.now_utc())
                .map_err(store::StoreError::into_reason)?
            {
                println!("revoked");
                Ok(())
            } else {
                Err("no such active token".into())
            }
        }
        Command::Trip { remote, action } => {
            runtime()?.block_on(manager_action(&remote.server, &remote.token, action))
        }
        Command::Borderconnect(BorderconnectCommand::Import {
            remote,
            files,
            driver,
        }) => runtime()?.block_on(import_files(&remote, &files, driver.as_deref())),
    }
}

/// `borderconnect import`: each file as one import, in order; prints each answer.
async fn import_files(
    remote: &Remote,
    files: &[PathBuf],
    driver: Option<&str>,
) -> Result<(), String> {
    let base = remote.server.trim_end_matches('/');
    let auth = format!("Bearer {}", remote.token);
    let mut path = "/v1/fleet/borderconnect".to_string();
    if let Some(d) = driver {
        path.push_str(&format!("?driver={}", client::encode(d)));
    }
    for file in files {
        let body = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let text = success_text(client::send(Method::POST, base, &path, &auth, body).await?)
            .map_err(|e| format!("{}: {e}", file.display()))?;
        let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        println!(
            "{}: {}",
            file.display(),
            serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?
        );
    }
    Ok(())
}

async fn manager_action(server: &str, token: &str, action: TripCommand) -> Result<(), String> {
    let base = server.trim_end_matches('/');
    let auth = format!("Bearer {token}");
    let trip = |id: &str, what: &str| format!("/v1/fleet/trips/{}/{what}", client::encode(id));
    let (method, path, body) = match &action {
        TripCommand::Push { file, driver } => {
            let body = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
            let mut path = "/v1/fleet/trips".to_string();
            if let Some(d) = driver {
                path.push_str(&format!("?driver={}", client::encode(d)));
            }
            (Method::POST, path, body)
        }
        TripCommand::Cancel { id } => (Method::POST, trip(id, "cancel"), Vec::new()),
        TripCommand::Assign { id, driver } => (
            Method::POST,
            trip(id, "assign"),
            serde_json::json!({ "driver": driver })
                .to_string()
                .into_bytes(),
        ),
        TripCommand::Unassign { id } => (Method::POST, trip(id, "unassign"), Vec::new()),
        TripCommand::Events { id } => return print_all_events(base, &auth, id).await,
        TripCommand::Customs { id } => (Method::GET, trip(id, "customs"), Vec::new()),
        TripCommand::List => (Method::GET, "/v1/fleet/trips".to_string(), Vec::new()),
    };
    let text = success_text(client::send(method, base, &path, &auth, body).await?)?;
    if text.is_empty() {
        println!("ok");
    } else {
        let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        println!(
            "{}",
            serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?
        );
    }
    Ok(())
}
