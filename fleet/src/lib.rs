//! # crossing-fleet
//!
//! The reference fleet server: fleet managers push, amend, assign and cancel trips; drivers'
//! phones register, upload status events (de-duplicated by event id) and pull a change feed.
//! HTTP JSON over axum, one SQLite file. Every endpoint needs a bearer token; tokens are stored
//! hashed. The API is documented in `openapi.json` (served at `/openapi.json`), and a test
//! checks the server against it.

pub mod error;
pub mod store;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use crossing_core::clock::SharedClock;
use crossing_core::protocol::{
    DeviceRegistered, EventsResponse, EventsUpload, RegisterDevice, CLIENT_VERSION_HEADER,
};
use rusqlite::Connection;
use serde::Deserialize;

pub use error::{ApiFailure, Fail};
use store::Principal;

/// The OpenAPI 3 document of this server.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// Largest event upload body (bytes); larger gets 413.
pub const MAX_EVENTS_BODY: usize = crossing_core::protocol::MAX_BATCH_BYTES;
/// Largest trip push body (bytes); larger gets 413. Same as the phone's document limit.
pub const MAX_TRIP_BODY: usize = crossing_core::limits::MAX_DOCUMENT_BYTES;
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
];

/// Server settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Oldest client version accepted on driver endpoints (`x-crossing-client`); older gets 426.
    pub min_client_version: Option<String>,
    /// Where every "now" of the server comes from: received times, clock-skew flags, feed and
    /// response `server_time`, the fleet validation policy. The system clock by default.
    pub clock: SharedClock,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            min_client_version: None,
            clock: crossing_core::clock::system(),
        }
    }
}

/// Shared state of the handlers.
#[derive(Debug)]
pub struct AppState {
    db: Mutex<Connection>,
    config: Config,
}

impl AppState {
    /// Wraps an open database.
    pub fn new(conn: Connection, config: Config) -> Arc<Self> {
        Arc::new(AppState {
            db: Mutex::new(conn),
            config,
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
        F: FnOnce(&mut Connection) -> Result<T, Fail> + Send + 'static,
    {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let mut conn = state
                .db
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            f(&mut conn)
        })
        .await
        .map_err(|e| ApiFailure::internal(format!("worker: {e}")))?
    }
}

/// Builds the HTTP router.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/v1/devices", post(register_device))
        .route("/v1/events", post(upload_events))
        .route("/v1/changes", get(changes))
        .route("/v1/trips/{id}", get(driver_trip))
        .route("/v1/fleet/trips", get(list_trips).post(push_trip))
        .route("/v1/fleet/trips/{id}/cancel", post(cancel_trip))
        .route("/v1/fleet/trips/{id}/assign", post(assign_trip))
        .route("/v1/fleet/trips/{id}/unassign", post(unassign_trip))
        .route("/v1/fleet/trips/{id}/events", get(trip_events))
        .fallback(|| async { ApiFailure::not_found("path", "no such endpoint") })
        .layer(axum::extract::DefaultBodyLimit::max(MAX_TRIP_BODY + 1024))
        // gzip when the client asks (the phone does): a 500-shipment trip page shrinks ~10x.
        .layer(tower_http::compression::CompressionLayer::new().gzip(true))
        .with_state(state)
}

/// Serves until the listener fails. Prints nothing secret.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    axum::serve(listener, router(state)).await
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
        let served = axum::serve(listener, router(state))
            .with_graceful_shutdown(async move {
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

async fn principal(state: &Arc<AppState>, headers: &HeaderMap) -> Result<Principal, Fail> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(ApiFailure::unauthorized)?
        .to_string();
    state
        .with_db(move |c| store::authenticate(c, &token))
        .await?
        .ok_or_else(ApiFailure::unauthorized)
}

async fn manager(state: &Arc<AppState>, headers: &HeaderMap) -> Result<String, Fail> {
    match principal(state, headers).await? {
        Principal::Manager { fleet } => Ok(fleet),
        Principal::Driver { .. } => Err(ApiFailure::forbidden(
            "authorization",
            "this endpoint is for fleet managers",
        )),
    }
}

fn version_tuple(v: &str) -> Vec<u64> {
    v.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

async fn driver(state: &Arc<AppState>, headers: &HeaderMap) -> Result<String, Fail> {
    let who = principal(state, headers).await?;
    if let Some(min) = &state.config.min_client_version {
        let client = headers
            .get(CLIENT_VERSION_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("0");
        if version_tuple(client) < version_tuple(min) {
            return Err(ApiFailure::upgrade_required(min));
        }
    }
    match who {
        Principal::Driver { driver } => Ok(driver),
        Principal::Manager { .. } => Err(ApiFailure::forbidden(
            "authorization",
            "this endpoint is for drivers",
        )),
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
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<DeviceRegistered>, Fail> {
    let driver = driver(&state, &headers).await?;
    let req: RegisterDevice = json_body(&body_bytes(body, MAX_SMALL_BODY)?)?;
    let d = driver.clone();
    let id = req.device_id.clone();
    let now = state.now();
    state
        .with_db(move |c| {
            store::register_device(c, &d, &req.device_id, &req.platform, &req.app_version, now)
        })
        .await?;
    Ok(Json(DeviceRegistered {
        device_id: id,
        driver,
    }))
}

async fn upload_events(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<EventsResponse>, Fail> {
    let driver = driver(&state, &headers).await?;
    let batch = decode_events_upload(&body_bytes(body, MAX_EVENTS_BODY)?)?;
    let now = state.now();
    let results = state
        .with_db(move |c| store::upload_events(c, &driver, &batch, now))
        .await?;
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
    headers: HeaderMap,
    query: Result<Query<ChangesQuery>, QueryRejection>,
) -> Result<Response, Fail> {
    let driver = driver(&state, &headers).await?;
    let Query(q) = query.map_err(|r| ApiFailure::invalid("query", r.body_text()))?;
    let limit = q.limit.unwrap_or(crossing_core::protocol::MAX_PAGE_CHANGES);
    if limit == 0 || limit > crossing_core::protocol::MAX_PAGE_CHANGES {
        return Err(ApiFailure::invalid(
            "limit",
            format!("must be 1–{}", crossing_core::protocol::MAX_PAGE_CHANGES),
        ));
    }
    let now = state.now();
    let page = state
        .with_db(move |c| store::changes(c, &driver, q.cursor.as_deref(), limit, now))
        .await?;
    Ok(Json(page).into_response())
}

async fn driver_trip(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Fail> {
    let driver = driver(&state, &headers).await?;
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
    headers: HeaderMap,
) -> Result<Response, Fail> {
    let fleet = manager(&state, &headers).await?;
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
    headers: HeaderMap,
    query: Result<Query<PushQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, Fail> {
    let fleet = manager(&state, &headers).await?;
    let Query(q) = query.map_err(|r| ApiFailure::invalid("query", r.body_text()))?;
    let bytes = body_bytes(body, MAX_TRIP_BODY)?;
    let now = state.now();
    let out = state
        .with_db(move |c| store::push_trip(c, &fleet, &bytes, q.driver.as_deref(), now))
        .await?;
    let status = if out.outcome == "created" {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(out)).into_response())
}

async fn cancel_trip(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<StatusCode, Fail> {
    let fleet = manager(&state, &headers).await?;
    let now = state.now();
    state
        .with_db(move |c| store::cancel_trip(c, &fleet, &id, now))
        .await?;
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
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<StatusCode, Fail> {
    let fleet = manager(&state, &headers).await?;
    let req: AssignBody = json_body(&body_bytes(body, MAX_SMALL_BODY)?)?;
    let now = state.now();
    state
        .with_db(move |c| store::assign_trip(c, &fleet, &id, Some(&req.driver), now))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn unassign_trip(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<StatusCode, Fail> {
    let fleet = manager(&state, &headers).await?;
    let now = state.now();
    state
        .with_db(move |c| store::assign_trip(c, &fleet, &id, None, now))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn trip_events(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Fail> {
    let fleet = manager(&state, &headers).await?;
    let events = state
        .with_db(move |c| store::trip_events(c, &fleet, &id))
        .await?;
    Ok(Json(events).into_response())
}
