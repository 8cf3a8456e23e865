//! A real fleet server on loopback, a phone (core + sync engine) pointed at it, and a
//! fault-injecting transport that sits between the two.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossing_core::sync::{StaticToken, SyncConfig, Syncer, TokenProvider, TokenUnavailable};
use crossing_core::transport::{
    BoxFuture, HttpTransport, Method, Request, Response, Transport, TransportError,
};
use crossing_core::{Clock, Crossing, SharedClock};
use crossing_fleet::{store, AppState, Config};

/// A trip document from `examples/` with its ETA moved to the day after `clock`'s today (the
/// fleet refuses past ETAs).
pub fn trip_for_tomorrow(name: &str, clock: &dyn Clock) -> serde_json::Value {
    let mut doc = crate::example_value(name);
    let tomorrow = clock.now_utc() + chrono::Duration::days(1);
    doc["eta"]["local"] = tomorrow.format("%Y-%m-%dT12:00:00").to_string().into();
    doc
}

/// A running fleet server with a manager and two drivers.
pub struct Fleet {
    /// Keeps the database file alive.
    pub dir: tempfile::TempDir,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// Manager of fleet `F1`.
    pub manager: String,
    /// Manager of fleet `F2`.
    pub other_manager: String,
    /// Driver `D1`.
    pub driver: String,
    /// Driver `D2` (also of fleet `F1`).
    pub other_driver: String,
    /// Driver `D3`, of fleet `F2`.
    pub foreign_driver: String,
    /// Server state (direct database access for tests).
    pub state: Arc<AppState>,
    /// The clock of the server and of every phone made by [`Fleet::phone`].
    pub clock: SharedClock,
    client: reqwest::Client,
}

impl Fleet {
    /// Starts a server in the current runtime.
    pub async fn start(config: Config) -> Fleet {
        crossing_core::transport::install_crypto_provider();
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = store::open(&dir.path().join("fleet.db")).expect("fleet db");
        let clock = Arc::clone(&config.clock);
        let token = |who: store::NewToken| {
            store::create_token(&conn, &who, clock.now_utc()).expect("token")
        };
        let manager = token(store::NewToken::Manager("F1".into()));
        let other_manager = token(store::NewToken::Manager("F2".into()));
        let driver = token(store::NewToken::Driver("D1".into()));
        let other_driver = token(store::NewToken::Driver("D2".into()));
        let foreign_driver = token(store::NewToken::Driver("D3".into()));
        // D1 and D2 drive for F1; D3 for F2.
        for (fleet, driver) in [("F1", "D1"), ("F1", "D2"), ("F2", "D3")] {
            store::add_to_roster(&conn, fleet, driver, clock.now_utc()).expect("roster");
        }
        let state = AppState::new(conn, config);
        let addr = crossing_fleet::spawn_loopback(Arc::clone(&state))
            .await
            .expect("listen");
        Fleet {
            dir,
            url: format!("http://{addr}"),
            manager,
            other_manager,
            driver,
            other_driver,
            foreign_driver,
            state,
            clock,
            client: reqwest::Client::new(),
        }
    }

    /// An example trip with its ETA moved to the day after this server's today.
    pub fn fresh_trip(&self, name: &str) -> serde_json::Value {
        trip_for_tomorrow(name, &*self.clock)
    }

    /// Now on this server's clock, RFC 3339 (for `sent_at` and `occurred_at` of raw uploads).
    pub fn now_rfc3339(&self) -> String {
        self.clock.now().to_rfc3339()
    }

    /// A raw request; returns status and body.
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<String>,
    ) -> (u16, String) {
        let url = format!("{}{path}", self.url);
        let mut rb = match method {
            "GET" => self.client.get(url),
            _ => self.client.post(url),
        };
        if let Some(t) = token {
            rb = rb.header("authorization", format!("Bearer {t}"));
        }
        if let Some(b) = body {
            rb = rb.header("content-type", "application/json").body(b);
        }
        let resp = rb.send().await.expect("request");
        let status = resp.status().as_u16();
        (status, resp.text().await.expect("body"))
    }

    /// Pushes a trip document as manager of F1, assigned to `driver`.
    pub async fn push(&self, doc: &serde_json::Value, driver: Option<&str>) -> serde_json::Value {
        let path = match driver {
            Some(d) => format!("/v1/fleet/trips?driver={d}"),
            None => "/v1/fleet/trips".to_string(),
        };
        let (status, body) = self
            .request("POST", &path, Some(&self.manager), Some(doc.to_string()))
            .await;
        assert!(status == 200 || status == 201, "push: {status} {body}");
        serde_json::from_str(&body).expect("push answer")
    }

    /// The manager's view of a trip's events, every page.
    pub async fn events(&self, trip: &str) -> Vec<serde_json::Value> {
        let mut all = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let mut url = format!("{}/v1/fleet/trips/{trip}/events", self.url);
            if let Some(a) = &after {
                url.push_str(&format!("?after={a}"));
            }
            let resp = self
                .client
                .get(url)
                .header("authorization", format!("Bearer {}", self.manager))
                .send()
                .await
                .expect("events");
            assert_eq!(resp.status().as_u16(), 200);
            after = resp
                .headers()
                .get(crossing_fleet::NEXT_PAGE_HEADER)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let page: Vec<serde_json::Value> =
                serde_json::from_str(&resp.text().await.expect("body")).expect("events");
            all.extend(page);
            if after.is_none() {
                return all;
            }
        }
    }

    /// A phone for driver D1 talking to this server through `transport`.
    pub fn phone_with(
        &self,
        transport: Arc<dyn Transport>,
        tokens: Arc<dyn TokenProvider>,
    ) -> Phone {
        let dir = tempfile::tempdir().expect("tempdir");
        let core =
            Arc::new(Crossing::open_with_clock(dir.path(), Arc::clone(&self.clock)).expect("core"));
        let syncer = Syncer::new(Arc::clone(&core), transport, tokens, SyncConfig::default());
        Phone { dir, core, syncer }
    }

    /// A phone with the given token (any text) and a fault layer in front of the transport.
    pub fn phone_with_token(&self, token: &str) -> (Phone, Arc<Faulty>) {
        let faulty = Arc::new(Faulty::new(
            HttpTransport::new(&self.url).expect("transport"),
        ));
        let phone = self.phone_with(faulty.clone(), Arc::new(StaticToken(token.to_string())));
        (phone, faulty)
    }

    /// A phone for driver D1 with a fault layer in front of the real transport.
    pub fn phone(&self) -> (Phone, Arc<Faulty>) {
        let faulty = Arc::new(Faulty::new(
            HttpTransport::new(&self.url).expect("transport"),
        ));
        let phone = self.phone_with(faulty.clone(), Arc::new(StaticToken(self.driver.clone())));
        (phone, faulty)
    }
}

/// A phone: its data directory, core and syncer.
pub struct Phone {
    /// Keeps the data directory alive.
    pub dir: tempfile::TempDir,
    /// The core.
    pub core: Arc<Crossing>,
    /// The sync engine.
    pub syncer: Syncer,
}

impl Phone {
    /// Another handle on the same sync engine (for a [`crossing_core::sync::SyncService`]).
    pub fn syncer_clone(&self) -> Syncer {
        self.syncer.clone()
    }

    /// Syncs until it succeeds (retrying injected failures at once), at most `max` tries.
    pub async fn sync_until_ok(&self, max: usize) -> (crossing_core::sync::SyncReport, usize) {
        let mut total = crossing_core::sync::SyncReport::default();
        for attempt in 0..max {
            match self.syncer.sync_once(0).await {
                Ok(r) => {
                    total.uploaded += r.uploaded;
                    total.duplicates += r.duplicates;
                    total.dead_lettered += r.dead_lettered;
                    total.requests += r.requests;
                    total.trips_updated += r.trips_updated;
                    total.trips_removed += r.trips_removed;
                    return (total, attempt + 1);
                }
                Err(crossing_core::sync::SyncError::Retry { .. }) => continue,
                Err(e) => panic!("sync failed for good: {e}"),
            }
        }
        panic!("no successful sync in {max} tries");
    }
}

/// What the fault layer does to the next requests.
#[derive(Debug, Default, Clone)]
pub struct Faults {
    /// Refuse everything as if offline.
    pub offline: bool,
    /// Forward `POST /v1/events`, let the server commit, then drop the answer with this probability.
    pub drop_event_responses: f64,
    /// Also drop the answer of the first `POST /v1/events` (so a run always loses one).
    pub drop_first_event_response: bool,
    /// Send every `POST /v1/events` 2–3 times, the replays with events shuffled.
    pub replay_events: bool,
    /// Answer everything `503` with this `Retry-After` (seconds), without forwarding.
    pub outage_retry_after: Option<u64>,
    /// Fail (no answer) every n-th `GET /v1/changes`.
    pub fail_every_nth_changes: Option<usize>,
    /// Fail the next n requests with no answer.
    pub fail_next: usize,
    /// Break the first trip of every change page (port code `45`) after the server answered.
    pub corrupt_pages: bool,
    /// Answer every `POST /v1/events` with this status (a whole-request error), without forwarding.
    pub events_status: Option<u16>,
}

/// A transport that forwards to the real server and injects faults.
pub struct Faulty {
    inner: HttpTransport,
    /// The current faults.
    pub faults: Mutex<Faults>,
    /// Every request: (time, method, path, status or 0 for no answer).
    pub log: Mutex<Vec<(tokio::time::Instant, Method, String, u16)>>,
    changes_seen: AtomicUsize,
    first_event_dropped: std::sync::atomic::AtomicBool,
}

impl Faulty {
    /// Wraps a real transport.
    pub fn new(inner: HttpTransport) -> Self {
        Faulty {
            inner,
            faults: Mutex::new(Faults::default()),
            log: Mutex::new(Vec::new()),
            changes_seen: AtomicUsize::new(0),
            first_event_dropped: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// Replaces the faults.
    pub fn set(&self, f: Faults) {
        *self.faults.lock().expect("faults") = f;
    }

    /// Requests logged so far.
    pub fn count(&self) -> usize {
        self.log.lock().expect("log").len()
    }

    fn record(&self, req: &Request, status: u16) {
        self.log.lock().expect("log").push((
            tokio::time::Instant::now(),
            req.method,
            req.path.clone(),
            status,
        ));
    }
}

fn shuffled(body: &[u8]) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(body).expect("batch");
    if let Some(events) = v["events"].as_array_mut() {
        fastrand::shuffle(events);
    }
    serde_json::to_vec(&v).expect("json")
}

impl Transport for Faulty {
    fn send(&self, request: Request) -> BoxFuture<'_, Result<Response, TransportError>> {
        Box::pin(async move {
            let f = self.faults.lock().expect("faults").clone();
            let is_events = request.method == Method::Post && request.path == "/v1/events";
            if f.offline {
                self.record(&request, 0);
                return Err(TransportError("injected: offline".into()));
            }
            if f.fail_next > 0 {
                self.faults.lock().expect("faults").fail_next -= 1;
                self.record(&request, 0);
                return Err(TransportError("injected: connection reset".into()));
            }
            if let Some(secs) = f.outage_retry_after {
                self.record(&request, 503);
                return Ok(Response {
                    status: 503,
                    headers: vec![("retry-after".into(), secs.to_string())],
                    body: br#"{"error":"unavailable","reason":"maintenance"}"#.to_vec(),
                });
            }
            if let (true, Some(status)) = (is_events, f.events_status) {
                self.record(&request, status);
                return Ok(Response {
                    status,
                    headers: Vec::new(),
                    body: br#"{"error":"invalid","field":"events","reason":"injected"}"#.to_vec(),
                });
            }
            if request.path.starts_with("/v1/changes") {
                let n = self.changes_seen.fetch_add(1, Ordering::Relaxed) + 1;
                if let Some(k) = f.fail_every_nth_changes {
                    if n.is_multiple_of(k) {
                        self.record(&request, 0);
                        return Err(TransportError("injected: dropped between pages".into()));
                    }
                }
            }
            if is_events && f.replay_events {
                let times = 2 + fastrand::usize(0..2);
                let body = request.body.clone().unwrap_or_default();
                for _ in 1..times {
                    let mut replay = request.clone();
                    replay.body = Some(shuffled(&body));
                    let _ = self.inner.send(replay).await;
                }
            }
            let mut resp = self.inner.send(request.clone()).await;
            if f.corrupt_pages && request.path.starts_with("/v1/changes") {
                if let Ok(r) = &mut resp {
                    let mut page: serde_json::Value =
                        serde_json::from_slice(&r.body).expect("page");
                    if let Some(trip) = page["changes"][0].get_mut("trip") {
                        trip["portOfEntry"] = "45".into();
                    }
                    r.body = serde_json::to_vec(&page).expect("json");
                }
            }
            let status = resp.as_ref().map_or(0, |r| r.status);
            let drop_first = f.drop_first_event_response
                && !self.first_event_dropped.swap(true, Ordering::SeqCst);
            if is_events
                && (drop_first
                    || (f.drop_event_responses > 0.0 && fastrand::f64() < f.drop_event_responses))
            {
                self.record(&request, 0);
                return Err(TransportError(
                    "injected: response lost after commit".into(),
                ));
            }
            self.record(&request, status);
            resp
        })
    }
}

/// A token provider whose first token has expired; counts refreshes.
pub struct ExpiringToken {
    /// The stale token.
    pub stale: String,
    /// The fresh token returned on refresh.
    pub fresh: Option<String>,
    /// Refresh calls.
    pub refreshes: AtomicUsize,
}

impl TokenProvider for ExpiringToken {
    fn token(&self, force_refresh: bool) -> Result<Option<String>, TokenUnavailable> {
        if force_refresh {
            self.refreshes.fetch_add(1, Ordering::Relaxed);
            return Ok(self.fresh.clone());
        }
        if self.refreshes.load(Ordering::Relaxed) > 0 {
            Ok(self.fresh.clone())
        } else {
            Ok(Some(self.stale.clone()))
        }
    }
}

/// Waits for a condition in real time (for service tests).
pub async fn eventually(what: &str, mut f: impl FnMut() -> bool) {
    for _ in 0..200 {
        if f() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("timed out waiting for {what}");
}
