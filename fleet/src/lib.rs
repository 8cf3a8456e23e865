//! # crossing-fleet
//!
//! The reference fleet server: fleet managers push, amend, assign and cancel trips; drivers'
//! phones register, upload status events (de-duplicated by event id) and pull a change feed.
//! HTTP JSON over axum, one SQLite file. Every endpoint needs a bearer token; tokens are stored
//! hashed. The API is documented in `openapi.json` (served at `/openapi.json`), and a test
//! checks the server against it.

pub mod borderconnect;
pub mod cli;
pub mod client;
pub mod console;
pub mod error;
pub mod store;
pub mod words;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use crossing_trip::clock::SharedClock;
use crossing_trip::protocol::{
    DeviceRegistered, EventsResponse, EventsUpload, RegisterDevice, CLIENT_VERSION_HEADER,
};
use rusqlite::Connection;
use serde::Deserialize;

pub use error::{ApiFailure, Fail};
use store::Principal;

/// The OpenAPI 3 document of this server.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// Largest event upload body (bytes); larger gets 413.
pub const MAX_EVENTS_BODY: usize = crossing_trip::protocol::MAX_BATCH_BYTES;
/// Largest trip push body (bytes); larger gets 413. Same as the phone's document limit.
pub const MAX_TRIP_BODY: usize = crossing_trip::limits::MAX_DOCUMENT_BYTES;
/// Largest body of other requests.
const MAX_SMALL_BODY: usize = 16 * 1024;

/// Every route: method and path template. The router and the OpenAPI test both use it.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/openapi.json"),
    ("post", "/v1/devices"),
    ("post", "/v1/events"),
    ("get", "/v1/changes"),
    ("get", "/v1/trips/{id}"),
    ("get", "/v1/fleet/trips"),
    ("post", "/v1/fleet/trips"),
    ("post", "/v1/fleet/trips/{id}/cancel"),
    ("post", "/v1/fleet/trips/{id}/assign"),
    ("post", "/v1/fleet/trips/{id}/unassign"),
    ("get", "/v1/fleet/trips/{id}/events"),
    ("get", "/v1/fleet/trips/{id}/sheets/{file}"),
    ("get", "/v1/fleet/trips/{id}/customs"),
    ("post", "/v1/fleet/borderconnect"),
];

/// What one client may hold of the server: how long it may take to send its headers (also the
/// idle time of a kept-alive connection), how long a whole request may take, and how many
/// connections are served at once (more wait in the kernel's accept queue, never on a file
/// descriptor: keep it below `ulimit -n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// From accepting a connection, or from the end of the last answer on it, to the end of the
    /// next request's headers. Idle and slowloris connections are closed after this.
    pub header_read: std::time::Duration,
    /// One request from its headers to its answer, its body included (408 after).
    pub request: std::time::Duration,
    /// Connections served at once.
    pub max_connections: usize,
    /// Events one driver may upload at once (a phone back from a week offline sends a few
    /// hundred); beyond it uploads are refused 429 with `Retry-After` until the share refills.
    pub events_burst: u32,
    /// Events per minute a driver's share refills by.
    pub events_per_minute: u32,
    /// Devices one driver may register (each reinstall is a new device).
    pub devices_per_driver: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read: std::time::Duration::from_secs(10),
            request: std::time::Duration::from_secs(60),
            max_connections: 512,
            events_burst: 5_000,
            events_per_minute: 6_000,
            devices_per_driver: 50,
        }
    }
}

/// A driver's share of uploads: a token bucket on monotonic time (not the wall clock).
#[derive(Debug, Clone, Copy)]
struct Share {
    left: f64,
    at: tokio::time::Instant,
}

/// Server settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Oldest client version accepted on driver endpoints (`x-crossing-client`); older gets 426.
    pub min_client_version: Option<String>,
    /// The console's public origin (`https://fleet.example.com`), against which a browser's
    /// `Origin` is checked on every state-changing request. Needed behind a proxy; without it
    /// the request's own `Host` (and this server's scheme) is the origin.
    pub public_origin: Option<String>,
    /// TLS termination: the server speaks HTTPS with this configuration.
    pub tls: Option<Arc<rustls::ServerConfig>>,
    /// How long console sessions live.
    pub sessions: store::SessionLimits,
    /// An active trip with no event for this long is an exception on the board.
    pub stale_after: chrono::Duration,
    /// Where every "now" of the server comes from: received times, clock-skew flags, feed and
    /// response `server_time`, the fleet validation policy. The system clock by default.
    pub clock: SharedClock,
    /// Timeouts and the connection cap.
    pub limits: Limits,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            min_client_version: None,
            public_origin: None,
            tls: None,
            sessions: store::SessionLimits::default(),
            stale_after: chrono::Duration::hours(4),
            clock: crossing_trip::clock::system(),
            limits: Limits::default(),
        }
    }
}

/// Shared state of the handlers.
#[derive(Debug)]
pub struct AppState {
    db: Mutex<Connection>,
    config: Config,
    shares: Mutex<std::collections::HashMap<String, Share>>,
    /// Woken after every write a fleet's board shows (the console's live stream listens).
    changed: tokio::sync::broadcast::Sender<()>,
    /// Set when the server stops: the live streams end, so the graceful stop need not wait.
    closing: std::sync::atomic::AtomicBool,
}

/// The client's address, put on every request by the accept loop (the console's sign-in limit
/// is per address).
#[derive(Debug, Clone, Copy)]
pub struct Peer(pub SocketAddr);

impl AppState {
    /// Wraps an open database.
    pub fn new(conn: Connection, config: Config) -> Arc<Self> {
        Arc::new(AppState {
            db: Mutex::new(conn),
            config,
            shares: Mutex::new(std::collections::HashMap::new()),
            changed: tokio::sync::broadcast::channel(16).0,
            closing: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// A driver's share of new events: refused (429, with when to come back) while it is used
    /// up; otherwise `charge` (new events stored; resends of stored ones are free) is taken
    /// from it after the upload. Refills at `events_per_minute` up to `events_burst`.
    fn share_events(&self, driver: &str, charge: Option<usize>) -> Result<(), Fail> {
        let limits = &self.config.limits;
        self.with_share(
            driver,
            limits.events_burst,
            limits.events_per_minute,
            |share, rate| match charge {
                Some(n) => {
                    share.left -= n as f64;
                    Ok(())
                }
                None if share.left >= 1.0 => Ok(()),
                None => {
                    let wait = ((1.0 - share.left) / rate).ceil().max(1.0);
                    Err(ApiFailure::rate_limited("events", wait as u64))
                }
            },
        )
    }

    /// A named token bucket of `burst`, refilled by `per_minute` on monotonic time, handed to
    /// `f` with its refill rate per second.
    fn with_share<T>(
        &self,
        name: &str,
        burst: u32,
        per_minute: u32,
        f: impl FnOnce(&mut Share, f64) -> T,
    ) -> T {
        let (burst, rate) = (f64::from(burst), f64::from(per_minute.max(1)) / 60.0);
        let now = tokio::time::Instant::now();
        let mut shares = self
            .shares
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let share = shares.entry(name.to_string()).or_insert(Share {
            left: burst,
            at: now,
        });
        share.left = (share.left + now.duration_since(share.at).as_secs_f64() * rate).min(burst);
        share.at = now;
        f(share, rate)
    }

    /// Tells the console's live streams that something changed (they recompute their fleet's
    /// stamp and speak only if it moved).
    pub fn touched(&self) {
        let _ = self.changed.send(());
    }

    /// Whether the server is stopping.
    pub fn closing(&self) -> bool {
        self.closing.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// A receiver of [`AppState::touched`].
    pub fn subscribe(&self) -> tokio::sync::broadcast::Receiver<()> {
        self.changed.subscribe()
    }

    /// The settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Takes one from a named share (a token bucket of `burst`, refilled by `per_minute`):
    /// `Err(seconds to wait)` when it is used up.
    pub fn take_share(&self, name: &str, burst: u32, per_minute: u32) -> Result<(), u64> {
        self.with_share(name, burst, per_minute, |share, rate| {
            if share.left >= 1.0 {
                share.left -= 1.0;
                Ok(())
            } else {
                Err(((1.0 - share.left) / rate).ceil().max(1.0) as u64)
            }
        })
    }

    /// Now, from the configured clock.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.config.clock.now_utc()
    }

    /// Runs a closure on the database off the async workers.
    pub async fn with_db<T, F>(self: &Arc<Self>, f: F) -> Result<T, Fail>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, store::StoreError> + Send + 'static,
    {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let mut conn = state
                .db
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            f(&mut conn).map_err(ApiFailure::from)
        })
        .await
        .map_err(|e| ApiFailure::internal(format!("worker: {e}")))?
    }
}

/// Builds the HTTP router. Every `/v1/` request passes [`gate`] (token and role) before its
/// body is read, and each route reads at most its own documented body size.
pub fn router(state: Arc<AppState>) -> Router {
    use axum::extract::DefaultBodyLimit;
    let small = DefaultBodyLimit::max(MAX_SMALL_BODY);
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/v1/devices", post(register_device).layer(small))
        .route(
            "/v1/events",
            post(upload_events).layer(DefaultBodyLimit::max(MAX_EVENTS_BODY)),
        )
        .route("/v1/changes", get(changes).layer(small))
        .route("/v1/trips/{id}", get(driver_trip).layer(small))
        .route(
            "/v1/fleet/trips",
            get(list_trips)
                .post(push_trip)
                .layer(DefaultBodyLimit::max(MAX_TRIP_BODY)),
        )
        .route(
            "/v1/fleet/trips/{id}/cancel",
            post(cancel_trip).layer(small),
        )
        .route(
            "/v1/fleet/trips/{id}/assign",
            post(assign_trip).layer(small),
        )
        .route(
            "/v1/fleet/trips/{id}/unassign",
            post(unassign_trip).layer(small),
        )
        .route("/v1/fleet/trips/{id}/events", get(trip_events).layer(small))
        .route(
            "/v1/fleet/trips/{id}/sheets/{file}",
            get(trip_sheet).layer(small),
        )
        .route(
            "/v1/fleet/trips/{id}/customs",
            get(trip_customs).layer(small),
        )
        .route(
            "/v1/fleet/borderconnect",
            post(import_borderconnect).layer(DefaultBodyLimit::max(MAX_TRIP_BODY)),
        )
        .merge(console::routes(Arc::clone(&state)))
        .fallback(|| async { ApiFailure::not_found("path", "no such endpoint") })
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            gate,
        ))
        .layer(axum::middleware::from_fn(words::with_language))
        // gzip when the client asks (the phone does): a 500-shipment trip page shrinks ~10x.
        .layer(tower_http::compression::CompressionLayer::new().gzip(true))
        .with_state(state)
}

/// Serves until the listener fails. Prints nothing secret.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    serve_until(listener, state, std::future::pending()).await
}

/// Whether an `accept` error is about one connection (the peer left) rather than the listener.
fn is_connection_error(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::ConnectionReset
    )
}

/// The accept loop: HTTP/1.1 with a header-read timeout (idle and slowloris connections are
/// closed), at most `max_connections` served at once (the rest wait in the accept queue, so
/// the process never runs out of file descriptors because of clients), and a graceful stop
/// when `shutdown` completes (in-flight requests finish, for up to `request`).
pub async fn serve_until(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let limits = state.config.limits;
    let tls = state
        .config
        .tls
        .clone()
        .map(tokio_rustls::TlsAcceptor::from);
    let app = router(Arc::clone(&state));
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(limits.header_read)
        .keep_alive(true);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = Arc::clone(&slots).acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) if is_connection_error(&e) => continue,
                Err(e) => {
                    // Out of descriptors (EMFILE) or memory: wait instead of spinning.
                    eprintln!("crossing-fleet: accept: {e}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(
            app.clone().layer(axum::Extension(Peer(peer))),
        );
        match &tls {
            None => {
                let conn = graceful
                    .watch(http.serve_connection(hyper_util::rt::TokioIo::new(stream), service));
                tokio::spawn(async move {
                    let _ = conn.await;
                    drop(permit);
                });
            }
            Some(acceptor) => {
                // The handshake runs in the connection's task, bounded like a header read.
                let (acceptor, http, watcher) =
                    (acceptor.clone(), http.clone(), graceful.watcher());
                tokio::spawn(async move {
                    let handshake =
                        tokio::time::timeout(limits.header_read, acceptor.accept(stream));
                    if let Ok(Ok(stream)) = handshake.await {
                        let conn =
                            http.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
                        let _ = watcher.watch(conn).await;
                    }
                    drop(permit);
                });
            }
        }
    }
    drop(listener);
    // Live streams end at their next wake-up; wake them now.
    state
        .closing
        .store(true, std::sync::atomic::Ordering::SeqCst);
    state.touched();
    let _ = tokio::time::timeout(limits.request, graceful.shutdown()).await;
    Ok(())
}

/// A server running in the background of the current runtime.
#[derive(Debug)]
pub struct ServerHandle {
    /// Where it listens.
    pub addr: SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

impl ServerHandle {
    /// Stops accepting, finishes in-flight requests, and waits for the server to end.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.task.await;
    }
}

/// Starts a server on `addr` (e.g. `127.0.0.1:0`) in the current runtime.
pub async fn spawn_on(addr: &str, state: Arc<AppState>) -> std::io::Result<ServerHandle> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let served = serve_until(listener, state, async move {
            let _ = stopped.await;
        })
        .await;
        if let Err(e) = served {
            eprintln!("crossing-fleet: server stopped: {e}");
        }
    });
    Ok(ServerHandle { addr, stop, task })
}

/// Starts a server on an ephemeral loopback port in this runtime; returns its address.
pub async fn spawn_loopback(state: Arc<AppState>) -> std::io::Result<SocketAddr> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        if let Err(e) = serve(listener, state).await {
            eprintln!("crossing-fleet: server stopped: {e}");
        }
    });
    Ok(addr)
}

/// The bearer token of a request: exactly one `Authorization` header (two are refused rather
/// than guessed between), scheme `Bearer` in any case (RFC 9110 §11.1).
fn bearer(headers: &HeaderMap) -> Option<String> {
    let mut all = headers.get_all(header::AUTHORIZATION).iter();
    let (Some(value), None) = (all.next(), all.next()) else {
        return None;
    };
    let value = value.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then(|| token.to_string())
}

fn version_tuple(v: &str) -> Vec<u64> {
    v.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

/// Runs before any handler, so before any body is read: every `/v1/` request is authenticated
/// and its role checked here (managers on `/v1/fleet/…`, drivers elsewhere, drivers' client
/// version), then bounded in time. A request without a valid token costs one hash and one
/// indexed read, never a body. The principal travels to the handler in the request extensions.
async fn gate(
    State(state): State<Arc<AppState>>,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Result<Response, Fail> {
    let path = req.uri().path();
    if path.starts_with("/v1/") {
        let token = bearer(req.headers()).ok_or_else(ApiFailure::unauthorized)?;
        let who = state
            .with_db(move |c| store::authenticate(c, &token))
            .await?
            .ok_or_else(ApiFailure::unauthorized)?;
        match (&who, path.starts_with("/v1/fleet/")) {
            (Principal::Manager { .. }, true) => {}
            (Principal::Driver { .. }, false) => {
                if let Some(min) = &state.config.min_client_version {
                    let client = req
                        .headers()
                        .get(CLIENT_VERSION_HEADER)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("0");
                    if version_tuple(client) < version_tuple(min) {
                        return Err(ApiFailure::upgrade_required(min));
                    }
                }
            }
            (Principal::Driver { .. }, true) => return Err(wrong_role(true)),
            (Principal::Manager { .. }, false) => return Err(wrong_role(false)),
        }
        req.extensions_mut().insert(who);
    }
    let limit = state.config.limits.request;
    tokio::time::timeout(limit, next.run(req))
        .await
        .map_err(|_| ApiFailure::timeout(limit))
}

/// The fleet of the manager [`gate`] authenticated.
struct AsManager(String);

/// The driver [`gate`] authenticated.
struct AsDriver(String);

/// 403 for a token of the other role.
fn wrong_role(for_managers: bool) -> Fail {
    ApiFailure::forbidden(
        "authorization",
        if for_managers {
            "this endpoint is for fleet managers"
        } else {
            "this endpoint is for drivers"
        },
    )
}

fn principal_of(parts: &axum::http::request::Parts) -> Result<&Principal, Fail> {
    parts
        .extensions
        .get::<Principal>()
        .ok_or_else(ApiFailure::unauthorized)
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for AsManager {
    type Rejection = Fail;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Fail> {
        match principal_of(parts)? {
            Principal::Manager { fleet } => Ok(AsManager(fleet.clone())),
            Principal::Driver { .. } => Err(wrong_role(true)),
        }
    }
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for AsDriver {
    type Rejection = Fail;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Fail> {
        match principal_of(parts)? {
            Principal::Driver { driver } => Ok(AsDriver(driver.clone())),
            Principal::Manager { .. } => Err(wrong_role(false)),
        }
    }
}

fn body_bytes(body: Result<Bytes, BytesRejection>, limit: usize) -> Result<Bytes, Fail> {
    let bytes = body.map_err(|r| {
        if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiFailure::too_large(format!("body: at most {limit} bytes"))
        } else {
            ApiFailure::invalid("body", r.body_text())
        }
    })?;
    if bytes.len() > limit {
        return Err(ApiFailure::too_large(format!(
            "body: at most {limit} bytes"
        )));
    }
    Ok(bytes)
}

/// Parses an event upload body exactly as `POST /v1/events` does (also the fuzz target's entry).
pub fn decode_events_upload(bytes: &[u8]) -> Result<EventsUpload, Fail> {
    json_body(bytes)
}

fn json_body<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, Fail> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error_free(&mut de)
}

/// Parses JSON, reporting the failing field.
fn serde_path_to_error_free<'de, T: Deserialize<'de>>(
    de: &mut serde_json::Deserializer<serde_json::de::SliceRead<'de>>,
) -> Result<T, Fail> {
    let value = T::deserialize(&mut *de).map_err(|e| {
        ApiFailure::invalid("body", format!("not valid JSON for this endpoint: {e}"))
    })?;
    de.end()
        .map_err(|e| ApiFailure::invalid("body", format!("trailing data: {e}")))?;
    Ok(value)
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

async fn register_device(
    State(state): State<Arc<AppState>>,
    AsDriver(driver): AsDriver,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<DeviceRegistered>, Fail> {
    let req: RegisterDevice = json_body(&body_bytes(body, MAX_SMALL_BODY)?)?;
    let d = driver.clone();
    let id = req.device_id.clone();
    let max_devices = state.config.limits.devices_per_driver;
    let now = state.now();
    state
        .with_db(move |c| {
            store::register_device_within(
                c,
                &d,
                &req.device_id,
                &req.platform,
                &req.app_version,
                now,
                max_devices,
            )
        })
        .await?;
    Ok(Json(DeviceRegistered {
        device_id: id,
        driver,
    }))
}

async fn upload_events(
    State(state): State<Arc<AppState>>,
    AsDriver(driver): AsDriver,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<EventsResponse>, Fail> {
    let batch = decode_events_upload(&body_bytes(body, MAX_EVENTS_BODY)?)?;
    state.share_events(&driver, None)?;
    let who = driver.clone();
    let now = state.now();
    let results = state
        .with_db(move |c| store::upload_events(c, &who, &batch, now))
        .await?;
    let stored = results
        .iter()
        .filter(|r| r.status == crossing_trip::protocol::ResultStatus::Accepted)
        .count();
    state.share_events(&driver, Some(stored))?;
    if stored > 0 {
        state.touched();
    }
    Ok(Json(EventsResponse {
        server_time: now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        results,
    }))
}

/// Query of `GET /v1/changes`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangesQuery {
    cursor: Option<String>,
    limit: Option<usize>,
}

async fn changes(
    State(state): State<Arc<AppState>>,
    AsDriver(driver): AsDriver,
    headers: HeaderMap,
    query: Result<Query<ChangesQuery>, QueryRejection>,
) -> Result<Response, Fail> {
    let customs = headers
        .get_all(crossing_trip::protocol::FEATURES_HEADER)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|f| f.trim() == crossing_trip::protocol::FEATURE_CUSTOMS);
    let Query(q) = query.map_err(|r| ApiFailure::invalid("query", r.body_text()))?;
    let limit = q.limit.unwrap_or(crossing_trip::protocol::MAX_PAGE_CHANGES);
    if limit == 0 || limit > crossing_trip::protocol::MAX_PAGE_CHANGES {
        return Err(ApiFailure::invalid(
            "limit",
            format!("must be 1–{}", crossing_trip::protocol::MAX_PAGE_CHANGES),
        ));
    }
    let now = state.now();
    let page = state
        .with_db(move |c| store::changes(c, &driver, q.cursor.as_deref(), limit, customs, now))
        .await?;
    Ok(Json(page).into_response())
}

async fn driver_trip(
    State(state): State<Arc<AppState>>,
    AsDriver(driver): AsDriver,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Fail> {
    let (version, doc) = state
        .with_db(move |c| store::driver_trip(c, &driver, &id))
        .await?;
    let etag = format!("\"v{version}\"");
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if matches {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response());
    }
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_string()),
            (header::ETAG, etag),
        ],
        doc,
    )
        .into_response())
}

async fn list_trips(
    State(state): State<Arc<AppState>>,
    AsManager(fleet): AsManager,
) -> Result<Response, Fail> {
    let trips = state.with_db(move |c| store::list_trips(c, &fleet)).await?;
    Ok(Json(trips).into_response())
}

/// Query of `POST /v1/fleet/trips`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PushQuery {
    driver: Option<String>,
}

async fn push_trip(
    State(state): State<Arc<AppState>>,
    AsManager(fleet): AsManager,
    query: Result<Query<PushQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Fail> {
    let Query(q) = query.map_err(|r| ApiFailure::invalid("query", r.body_text()))?;
    let bytes = body_bytes(body, MAX_TRIP_BODY)?;
    let now = state.now();
    // Parsing and validating a large document happens before the database lock is taken.
    let prepared = tokio::task::spawn_blocking(move || store::prepare_push(&bytes, now))
        .await
        .map_err(|e| ApiFailure::internal(format!("worker: {e}")))??;
    let out = state
        .with_db(move |c| store::store_push(c, &fleet, prepared, q.driver.as_deref(), now))
        .await?;
    state.touched();
    let status = if out.outcome == "created" {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(out)).into_response())
}

/// `POST /v1/fleet/borderconnect`: one BorderConnect message, an array, or a portal export.
async fn import_borderconnect(
    State(state): State<Arc<AppState>>,
    AsManager(fleet): AsManager,
    query: Result<Query<PushQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Fail> {
    let Query(q) = query.map_err(|r| ApiFailure::invalid("query", r.body_text()))?;
    let bytes = body_bytes(body, MAX_TRIP_BODY)?;
    let now = state.now();
    let report = state
        .with_db(move |c| store::import_borderconnect(c, &fleet, &bytes, q.driver.as_deref(), now))
        .await?;
    state.touched();
    Ok(Json(report).into_response())
}

/// `GET /v1/fleet/trips/{id}/customs`: the trip's customs standing and every answer.
async fn trip_customs(
    State(state): State<Arc<AppState>>,
    AsManager(fleet): AsManager,
    Path(id): Path<String>,
) -> Result<Response, Fail> {
    let history = state
        .with_db(move |c| store::customs_history(c, &fleet, &id))
        .await?;
    Ok(Json(history).into_response())
}

async fn cancel_trip(
    State(state): State<Arc<AppState>>,
    AsManager(fleet): AsManager,
    Path(id): Path<String>,
) -> Result<StatusCode, Fail> {
    let now = state.now();
    state
        .with_db(move |c| store::cancel_trip(c, &fleet, &id, now))
        .await?;
    state.touched();
    Ok(StatusCode::NO_CONTENT)
}

/// Body of `POST /v1/fleet/trips/{id}/assign`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AssignBody {
    driver: String,
}

async fn assign_trip(
    State(state): State<Arc<AppState>>,
    AsManager(fleet): AsManager,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, Fail> {
    let req: AssignBody = json_body(&body_bytes(body, MAX_SMALL_BODY)?)?;
    let now = state.now();
    state
        .with_db(move |c| store::assign_trip(c, &fleet, &id, Some(&req.driver), now))
        .await?;
    state.touched();
    Ok(StatusCode::NO_CONTENT)
}

async fn unassign_trip(
    State(state): State<Arc<AppState>>,
    AsManager(fleet): AsManager,
    Path(id): Path<String>,
) -> Result<StatusCode, Fail> {
    let now = state.now();
    state
        .with_db(move |c| store::assign_trip(c, &fleet, &id, None, now))
        .await?;
    state.touched();
    Ok(StatusCode::NO_CONTENT)
}

/// Query of `GET /v1/fleet/trips/{id}/events`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsQuery {
    /// `<device id>.<device seq>` of the last event of the previous page.
    after: Option<String>,
    limit: Option<usize>,
}

/// Header naming the `after` of the next page when a page of events is not the last.
pub const NEXT_PAGE_HEADER: &str = "x-crossing-next-after";

/// Options of a printed sheet.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SheetQuery {
    detailed: Option<bool>,
    driver_name: Option<bool>,
}

/// `GET /v1/fleet/trips/{id}/sheets/{kind}.pdf`: the same paper the driver's phone prints, from
/// the trip's current version, for the dispatcher to print or send.
async fn trip_sheet(
    State(state): State<Arc<AppState>>,
    AsManager(fleet): AsManager,
    Path((id, file)): Path<(String, String)>,
    query: Result<Query<SheetQuery>, QueryRejection>,
) -> Result<Response, Fail> {
    let Query(q) = query.map_err(|r| ApiFailure::invalid("query", r.body_text()))?;
    let options = crossing_paper::SheetOptions {
        detailed: q.detailed.unwrap_or(false),
        driver_name: q.driver_name.unwrap_or(true),
        ..Default::default()
    };
    sheet_pdf(&state, fleet, id, &file, options).await
}

/// A fleet's trip's paper as a PDF answer (the API's and the console's).
pub(crate) async fn sheet_pdf(
    state: &Arc<AppState>,
    fleet: String,
    id: String,
    file: &str,
    options: crossing_paper::SheetOptions,
) -> Result<Response, Fail> {
    let kind: crossing_paper::SheetKind = file
        .strip_suffix(".pdf")
        .and_then(|k| k.parse().ok())
        .ok_or_else(|| {
            ApiFailure::not_found(
                "file",
                "must be aci-lead.pdf, ace-cover.pdf or ace-placard.pdf",
            )
        })?;
    let trip = state
        .with_db(move |c| store::fleet_trip_document(c, &fleet, &id))
        .await?;
    let made = crossing_trip::human::made_at(state.config.clock.now_utc(), &trip.eta.zone);
    let sheet = crossing_paper::render(&trip, kind, &options, &made)
        .map_err(|e| ApiFailure::conflict("file", e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{kind}-v{}.pdf\"", sheet.trip_version),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        sheet.pdf,
    )
        .into_response())
}

async fn trip_events(
    State(state): State<Arc<AppState>>,
    AsManager(fleet): AsManager,
    Path(id): Path<String>,
    query: Result<Query<EventsQuery>, QueryRejection>,
) -> Result<Response, Fail> {
    let Query(q) = query.map_err(|r| ApiFailure::invalid("query", r.body_text()))?;
    let limit = q.limit.unwrap_or(store::MAX_EVENTS_PAGE);
    if limit == 0 || limit > store::MAX_EVENTS_PAGE {
        return Err(ApiFailure::invalid(
            "limit",
            format!("must be 1–{}", store::MAX_EVENTS_PAGE),
        ));
    }
    let after = match &q.after {
        None => None,
        Some(a) => Some(
            a.rsplit_once('.')
                .and_then(|(d, s)| s.parse::<i64>().ok().map(|s| (d.to_string(), s)))
                .ok_or_else(|| ApiFailure::invalid("after", "must be <device id>.<device seq>"))?,
        ),
    };
    let (events, more) = state
        .with_db(move |c| {
            store::trip_events(
                c,
                &fleet,
                &id,
                after.as_ref().map(|(d, s)| (d.as_str(), *s)),
                limit,
            )
        })
        .await?;
    let next = more
        .then(|| {
            events
                .last()
                .map(|e| format!("{}.{}", e.device_id, e.device_seq))
        })
        .flatten();
    let mut resp = Json(events).into_response();
    if let Some(n) = next.and_then(|n| axum::http::HeaderValue::from_str(&n).ok()) {
        resp.headers_mut().insert(NEXT_PAGE_HEADER, n);
    }
    Ok(resp)
}
