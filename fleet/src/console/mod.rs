//! The fleet console: a dispatcher's web pages, served by the fleet server itself under `/ui/`
//! (`docs/console.md`). Server-rendered askama templates (`fleet/templates/`), plain forms that
//! work without JavaScript, one small first-party script for live updates (`fleet/assets/`), all
//! compiled into the binary.
//!
//! - **Sessions**: a manager token, pasted once, opens a server-side session (cookie
//!   `__Host-crossing_session`: HttpOnly, Secure, SameSite=Strict; idle and absolute expiry;
//!   revoking the token ends it). The JSON API stays bearer-only and never reads cookies.
//! - **CSRF**: every state-changing request must come from this origin (Fetch Metadata, else
//!   `Origin` against the configured public origin); sign-in included.
//! - **Headers**: a strict CSP (no inline script or style), `frame-ancestors 'none'`, `nosniff`,
//!   `Referrer-Policy`, `Cache-Control: no-store` on pages.
//! - **Languages**: every word comes from `fleet/locales/*/console.ftl` (the console's own) or
//!   the shared catalogues (the trip's words), in the reader's language ([`crate::words`]);
//!   `/ui/lang` keeps a manager's choice in a cookie.

pub mod board;
pub mod view;

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use askama::Template;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Form, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use crossing_text::{tr, Lang, Text};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::words::words;
use crate::{store, ApiFailure, AppState, Fail};

/// The session cookie. `__Host-`: the browser requires Secure and `Path=/` and no `Domain`.
const COOKIE: &str = "__Host-crossing_session";
const CSS: &[u8] = include_bytes!("../../assets/console.css");
const JS: &[u8] = include_bytes!("../../assets/console.js");
/// Sign-in attempts: a burst, then this many a minute (all clients together).
const LOGIN_BURST: u32 = 10;
const LOGIN_PER_MINUTE: u32 = 10;
/// Largest form body: a trip document or a BorderConnect export, URL-encoded.
const MAX_FORM_BODY: usize = 3 * crate::MAX_TRIP_BODY;
/// Largest body of the other forms (sign-in, confirmations).
const MAX_SMALL_FORM: usize = 16 * 1024;
/// How long a language choice is kept (a year).
const LANG_MAX_AGE: u32 = 31_536_000;
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// A short hash of the assets, in their URLs: a new build is a new URL, so they can be cached
/// forever.
fn asset_version() -> &'static str {
    static V: OnceLock<String> = OnceLock::new();
    V.get_or_init(|| {
        let mut h = Sha256::new();
        h.update(CSS);
        h.update(JS);
        hex::encode(&h.finalize()[..6])
    })
}

/// The console's routes, with its CSRF check and security headers.
pub fn routes(state: Arc<AppState>) -> Router<Arc<AppState>> {
    // Only the two forms that carry a document may be large; the guard has checked the session
    // before any body is read.
    let small = DefaultBodyLimit::max(MAX_SMALL_FORM);
    let large = DefaultBodyLimit::max(MAX_FORM_BODY);
    Router::new()
        .route("/ui", get(|| async { Redirect::to("/ui/board") }))
        .route("/ui/login", get(login_page).post(login).layer(small))
        .route("/ui/lang", get(choose_language))
        .route("/ui/logout", post(logout).layer(small))
        .route("/ui/board", get(board_page))
        .route("/ui/board/rows", get(board_rows))
        .route("/ui/events", get(live))
        .route("/ui/push", get(push_page).post(push).layer(large))
        .route("/ui/trips/{id}", get(trip_page))
        .route(
            "/ui/trips/{id}/amend",
            get(amend_page).post(amend).layer(large),
        )
        .route("/ui/trips/{id}/sheets/{file}", get(sheet))
        .route(
            "/ui/trips/{id}/{action}",
            get(confirm_page).post(act).layer(small),
        )
        .route("/ui/assets/{file}", get(asset))
        .route("/ui/{*rest}", get(not_found).post(not_found))
        .layer(axum::middleware::from_fn_with_state(state, guard))
}

/// The request's origin as the browser names it: the configured public origin, else this
/// server's scheme and the request's `Host`.
fn own_origin(state: &AppState, headers: &HeaderMap) -> Option<String> {
    if let Some(o) = &state.config().public_origin {
        return Some(o.trim_end_matches('/').to_string());
    }
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let scheme = if state.config().tls.is_some() {
        "https"
    } else {
        "http"
    };
    Some(format!("{scheme}://{host}"))
}

/// Whether a state-changing request may come from where it comes from (as Go's
/// `CrossOriginProtection`): `Sec-Fetch-Site` same-origin or none; else an `Origin` equal to
/// ours; a request with neither is no browser's and has no cookie to abuse.
fn same_origin(state: &AppState, headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.to_str(), Ok("same-origin" | "none"));
    }
    match headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
        Some(origin) => Some(origin.to_string()) == own_origin(state, headers),
        None => true,
    }
}

async fn guard(
    State(state): State<Arc<AppState>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD);
    let is_asset = req.uri().path().starts_with("/ui/assets/");
    let signing_in = req.uri().path() == "/ui/login";
    // Where the language links come back to: this page (a form's answer: the form's page).
    let here = if unsafe_method {
        req.uri().path().to_string()
    } else {
        req.uri()
            .path_and_query()
            .map_or_else(|| req.uri().path().to_string(), |p| p.as_str().to_string())
    };
    let mut resp = if unsafe_method && !same_origin(&state, req.headers()) {
        (StatusCode::FORBIDDEN, words().t("console-cross-origin")).into_response()
    } else if unsafe_method && !signing_in && signed_in(&state, req.headers()).await.is_err() {
        // No session: sent to the sign-in before its body is read (as the API authenticates
        // before reading one).
        Redirect::to("/ui/login").into_response()
    } else {
        HERE.scope(here, next.run(req)).await
    };
    let h = resp.headers_mut();
    let set = |h: &mut HeaderMap, k: &'static str, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(h, "content-security-policy", CSP);
    set(h, "x-content-type-options", "nosniff");
    set(h, "referrer-policy", "same-origin");
    set(h, "x-frame-options", "DENY");
    set(h, "cross-origin-opener-policy", "same-origin");
    if !is_asset {
        set(h, "cache-control", "no-store");
    }
    if state.config().tls.is_some() {
        set(h, "strict-transport-security", "max-age=31536000");
    }
    resp
}

tokio::task_local! {
    /// The path and query of the page being answered (set by [`guard`]).
    static HERE: String;
}

/// The fields every page's frame (`base.html`) needs.
struct Frame {
    fleet: Option<String>,
    asset: &'static str,
    /// The words of the reader's language.
    w: &'static Text,
    /// This page's path and query, encoded as a query value: where a language link comes back.
    here: String,
}

fn frame(fleet: Option<&str>) -> Frame {
    let here = HERE
        .try_with(Clone::clone)
        .unwrap_or_else(|_| "/ui/board".to_string());
    Frame {
        fleet: fleet.map(str::to_string),
        asset: asset_version(),
        w: words(),
        here: crate::client::encode(&here),
    }
}

/// A failure's reason in the reader's language: English as the API wrote it, another language
/// worded from its messages when it has them (as [`ApiFailure`]'s JSON answer does).
fn reason_of(f: &Fail, w: &Text) -> String {
    f.reason_in(w)
}

/// A failure as a form's error: its reason in the reader's language, the field it names.
fn form_error(f: &Fail) -> (String, String) {
    (
        reason_of(f, words()),
        f.body.field.clone().unwrap_or_default(),
    )
}

/// Whether the console is reached over TLS (its own, or a proxy's: the public origin).
fn over_tls(state: &AppState) -> bool {
    state.config().tls.is_some()
        || state
            .config()
            .public_origin
            .as_deref()
            .is_some_and(|o| o.starts_with("https://"))
}

/// A `back` that is one of the console's own pages: a path under `/ui/` (no scheme, no host, no
/// `//`, no backslash, no `..`), printable ASCII only (it goes into a header as it is).
fn console_path(back: &str) -> Option<&str> {
    let ok = (back == "/ui" || back.starts_with("/ui/"))
        && back.bytes().all(|b| b.is_ascii_graphic())
        && !back.contains('\\')
        && !back.contains("//")
        && !back.split(['/', '?', '#']).any(|seg| seg == "..")
        // Not this link itself: its refusal would come back to itself.
        && !back.starts_with("/ui/lang");
    ok.then_some(back)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LangQuery {
    to: String,
    back: String,
}

/// `GET /ui/lang?to=<tag>&back=<path>`: keeps the manager's language in a cookie (no session
/// needed: it is a preference, not a secret) and goes back to the console page `back`. It
/// changes nothing else, so a GET is safe; it is refused from another site all the same.
async fn choose_language(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    query: Result<Query<LangQuery>, QueryRejection>,
) -> Response {
    if !same_origin(&state, &headers) {
        return (StatusCode::FORBIDDEN, words().t("console-cross-origin")).into_response();
    }
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let Some(lang) = Lang::from_tag(&q.to).filter(|l| crate::words::SERVED.contains(l)) else {
        return failure_page(
            None,
            ApiFailure::invalid(
                "to",
                tr!(words(), "console-lang-unknown", tag = q.to.as_str()),
            ),
        );
    };
    let back = console_path(&q.back).unwrap_or("/ui/board");
    let cookie = format!(
        "{}={}; Path=/; SameSite=Lax; Max-Age={LANG_MAX_AGE}{}",
        crate::words::LANG_COOKIE,
        lang.tag(),
        if over_tls(&state) { "; Secure" } else { "" }
    );
    let mut resp = Redirect::to(back).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().insert(header::SET_COOKIE, v);
    }
    resp
}

fn render(status: StatusCode, t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => ApiFailure::internal(format!("template: {e}")).into_response(),
    }
}

/// The value of cookie `name` in a request, if it sent one.
pub(crate) fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// The session id in the request's cookie.
fn cookie_id(headers: &HeaderMap) -> Option<String> {
    cookie(headers, COOKIE)
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_string)
}

/// A signed-in request: the cookie's session id and the session.
struct Signed {
    id: String,
    session: store::Session,
}

/// The session of the request, or the answer to give instead (to the sign-in page). A page or
/// a form counts as activity.
async fn signed_in(state: &Arc<AppState>, headers: &HeaderMap) -> Result<Signed, Response> {
    session_of(state, headers, true).await
}

/// [`signed_in`]; `touch`: whether this request counts as activity (the live refreshes do not,
/// so an open board alone does not keep a session alive).
async fn session_of(
    state: &Arc<AppState>,
    headers: &HeaderMap,
    touch: bool,
) -> Result<Signed, Response> {
    let to_login = || Redirect::to("/ui/login").into_response();
    let id = cookie_id(headers).ok_or_else(to_login)?;
    let (now, limits) = (state.now(), state.config().sessions);
    let sid = id.clone();
    match state
        .with_db(move |c| store::session(c, &sid, now, limits, touch))
        .await
    {
        Ok(Some(session)) => Ok(Signed { id, session }),
        Ok(None) => Err(to_login()),
        Err(f) => Err(failure_page(None, f)),
    }
}

#[derive(Template)]
#[template(path = "login.html")]
struct Login {
    title: String,
    fleet: Option<String>,
    asset: &'static str,
    w: &'static Text,
    here: String,
    error: Option<String>,
}

fn login_form(status: StatusCode, error: Option<String>) -> Response {
    let Frame {
        fleet,
        asset,
        w,
        here,
    } = frame(None);
    render(
        status,
        &Login {
            title: w.t("console-sign-in-title"),
            fleet,
            asset,
            w,
            here,
            error,
        },
    )
}

async fn login_page(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    if signed_in(&state, &headers).await.is_ok() {
        return Redirect::to("/ui/board").into_response();
    }
    login_form(StatusCode::OK, None)
}

#[derive(Deserialize)]
struct LoginForm {
    token: String,
}

async fn login(
    State(state): State<Arc<AppState>>,
    peer: Option<axum::Extension<crate::Peer>>,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Response {
    // Per client address: one client guessing cannot lock the others out. Behind a proxy all
    // clients share its address (docs/console.md).
    let who = peer.map_or_else(
        || "unknown".to_string(),
        |axum::Extension(p)| p.0.ip().to_string(),
    );
    let bucket = format!("console-login:{who}");
    if let Err(wait) = state.take_share(&bucket, LOGIN_BURST, LOGIN_PER_MINUTE) {
        let mut resp = login_form(
            StatusCode::TOO_MANY_REQUESTS,
            Some(tr!(words(), "console-sign-in-too-many", seconds = wait)),
        );
        if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
            resp.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return resp;
    }
    let token = form
        .map(|Form(f)| f.token.trim().to_string())
        .unwrap_or_default();
    let (now, limits) = (state.now(), state.config().sessions);
    let opened = state
        .with_db(move |c| {
            let id = store::open_session(c, &token, now, limits)?;
            if let Some(id) = &id {
                if let Some(s) = store::session(c, id, now, limits, false)? {
                    store::audit(c, &s.fleet, &s.label, "sign_in", None, "signed in", now)?;
                }
            }
            Ok(id)
        })
        .await;
    match opened {
        Ok(Some(id)) => {
            let cookie = format!(
                "{COOKIE}={id}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age={}",
                limits.absolute.num_seconds()
            );
            let mut resp = Redirect::to("/ui/board").into_response();
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                resp.headers_mut().insert(header::SET_COOKIE, v);
            }
            resp
        }
        Ok(None) => login_form(
            StatusCode::UNAUTHORIZED,
            Some(words().t("console-sign-in-refused")),
        ),
        Err(f) => failure_page(None, f),
    }
}

async fn logout(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    if let Some(id) = cookie_id(&headers) {
        let (now, limits) = (state.now(), state.config().sessions);
        let _ = state
            .with_db(move |c| {
                if let Some(s) = store::session(c, &id, now, limits, false)? {
                    store::audit(c, &s.fleet, &s.label, "sign_out", None, "signed out", now)?;
                }
                store::close_session(c, &id)
            })
            .await;
    }
    let mut resp = Redirect::to("/ui/login").into_response();
    resp.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static(
            "__Host-crossing_session=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0",
        ),
    );
    resp
}

/// The board's rows (the live refresh fetches them alone), with the sentences around them that
/// move with them: the caption, the count of new exceptions and what a screen reader says.
#[derive(Template)]
#[template(path = "rows.html")]
struct Rows<'a> {
    w: &'static Text,
    rows: &'a [board::Row],
    stamp: &'a str,
    seen: &'a str,
    unread: usize,
    caption: String,
    unread_text: String,
    announce: String,
}

impl<'a> Rows<'a> {
    fn new(data: &'a BoardData, filters: &board::Filters) -> Self {
        let w = words();
        let count = data.rows.len();
        Rows {
            w,
            rows: &data.rows,
            stamp: &data.stamp,
            seen: &data.seen,
            unread: data.unread,
            caption: if filters.any() {
                tr!(w, "console-board-caption-filtered", count = count)
            } else {
                tr!(w, "console-board-caption", count = count)
            },
            unread_text: tr!(w, "console-board-unread", count = data.unread),
            announce: tr!(w, "console-board-announce", count = data.unread),
        }
    }
}

#[derive(Template)]
#[template(path = "board.html")]
struct Board<'a> {
    title: String,
    fleet: Option<String>,
    asset: &'static str,
    w: &'static Text,
    here: String,
    rows_html: String,
    caption: String,
    unread: usize,
    unread_text: String,
    updated: String,
    query: String,
    filters: &'a board::Filters,
    statuses: &'static [(&'static str, &'static str)],
    flag_names: &'static [(&'static str, &'static str)],
    drivers: Vec<String>,
}

/// The status filter's choices: (value, message id).
const STATUSES: &[(&str, &str)] = &[
    ("", "console-filter-any"),
    ("exceptions", "console-status-exceptions"),
    ("active", "console-status-active"),
    ("cancelled", "console-status-cancelled"),
];
/// The flag filter's choices: (flag or exception name, message id).
const FLAG_NAMES: &[(&str, &str)] = &[
    ("", "console-filter-any"),
    ("exception", "console-flag-exception"),
    ("stale_trip_version", "console-flag-stale-trip-version"),
    ("sequence_gap", "console-flag-sequence-gap"),
    ("clock_skew", "console-flag-clock-skew"),
    ("stale", "console-flag-stale"),
    ("not_matched", "console-flag-not-matched"),
    ("customs_rejected", "console-flag-customs-rejected"),
    ("customs_held", "console-flag-customs-held"),
    ("not_sent", "console-flag-not-sent"),
    ("unassigned", "console-flag-unassigned"),
    ("trip_cancelled", "console-flag-trip-cancelled"),
];

/// The board's data: rows, the unread count against `seen`, the fleet's stamp, the roster.
struct BoardData {
    rows: Vec<board::Row>,
    unread: usize,
    stamp: String,
    seen: String,
    drivers: Vec<String>,
}

/// `seen`: count unread exceptions from then (the live refresh keeps its page's start), else
/// from the session's last look at the board. `mark_seen`: this is that look.
async fn board_data(
    state: &Arc<AppState>,
    signed: &Signed,
    filters: board::Filters,
    seen: Option<String>,
    mark_seen: bool,
) -> Result<BoardData, Fail> {
    let (now, stale) = (state.now(), state.config().stale_after);
    let (fleet, seen, id, w) = (
        signed.session.fleet.clone(),
        seen.unwrap_or_else(|| signed.session.board_seen_at.clone()),
        signed.id.clone(),
        // Taken here: the database's thread does not know the request's language.
        words(),
    );
    state
        .with_db(move |c| {
            let trips = store::board_trips(c, &fleet)?;
            let all = board::board(&trips, &board::Filters::default(), now, stale, w);
            let rows = board::filtered(&all, &filters);
            if mark_seen {
                store::board_seen(c, &id, now)?;
            }
            Ok(BoardData {
                unread: board::unread(&all, &seen),
                stamp: board::stamp(&store::fleet_stamp(c, &fleet)?, &all),
                rows,
                seen,
                drivers: store::roster(c, &fleet)?,
            })
        })
        .await
}

fn filters_of(query: Result<Query<board::Filters>, QueryRejection>) -> board::Filters {
    query.map(|Query(f)| f).unwrap_or_default()
}

async fn board_page(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    query: Result<Query<board::Filters>, QueryRejection>,
) -> Response {
    let signed = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let filters = filters_of(query);
    let data = match board_data(&state, &signed, filters.clone(), None, true).await {
        Ok(d) => d,
        Err(f) => return failure_page(Some(&signed.session.fleet), f),
    };
    let rows = Rows::new(&data, &filters);
    let rows_html = match rows.render() {
        Ok(h) => h,
        Err(e) => return ApiFailure::internal(format!("template: {e}")).into_response(),
    };
    let Frame {
        fleet,
        asset,
        w,
        here,
    } = frame(Some(&signed.session.fleet));
    render(
        StatusCode::OK,
        &Board {
            title: w.t("console-board-title"),
            fleet,
            asset,
            w,
            here,
            rows_html,
            caption: rows.caption.clone(),
            unread: data.unread,
            unread_text: rows.unread_text.clone(),
            updated: state.now().format("%H:%M:%S UTC").to_string(),
            query: filters.query(),
            filters: &filters,
            statuses: STATUSES,
            flag_names: FLAG_NAMES,
            drivers: data.drivers,
        },
    )
}

/// `seen` of the live refresh: when the board page counted unread exceptions from.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SeenQuery {
    seen: Option<String>,
}

/// The board's rows alone, for the live refresh (`console.js`).
async fn board_rows(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    query: Result<Query<board::Filters>, QueryRejection>,
    seen: Result<Query<SeenQuery>, QueryRejection>,
) -> Response {
    let signed = match session_of(&state, &headers, false).await {
        Ok(s) => s,
        Err(_) => return StatusCode::UNAUTHORIZED.into_response(),
    };
    let seen = seen
        .ok()
        .and_then(|Query(q)| q.seen)
        .filter(|s| !s.is_empty());
    let filters = filters_of(query);
    match board_data(&state, &signed, filters.clone(), seen, false).await {
        Ok(d) => render(StatusCode::OK, &Rows::new(&d, &filters)),
        Err(f) => f.into_response(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LiveQuery {
    since: String,
}

/// The live stream: a `changed` event (data: the unread-exceptions count) whenever the fleet's
/// stamp moves. Its id is the stamp, so a browser that reconnects (`Last-Event-ID`) after
/// missing a change gets it at once. It ends when the session does.
async fn live(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    query: Result<Query<LiveQuery>, QueryRejection>,
) -> Response {
    let Ok(signed) = session_of(&state, &headers, false).await else {
        // Not "200 and end": a browser would reconnect forever. A 401 stops EventSource.
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let id = signed.id;
    let last = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| query.ok().map(|Query(q)| q.since))
        .unwrap_or_default();
    struct Live {
        state: Arc<AppState>,
        id: String,
        last: String,
        rx: tokio::sync::broadcast::Receiver<()>,
        waiting: bool,
    }
    let start = Live {
        rx: state.subscribe(),
        state,
        id,
        last,
        waiting: false,
    };
    let stream = futures_util::stream::unfold(start, |mut l| async move {
        loop {
            if l.state.closing() {
                return None;
            }
            if l.waiting {
                tokio::select! {
                    r = l.rx.recv() => {
                        if matches!(r, Err(tokio::sync::broadcast::error::RecvError::Closed)) {
                            return None;
                        }
                    }
                    () = tokio::time::sleep(Duration::from_secs(5)) => {}
                }
            }
            l.waiting = true;
            let (id, now, limits, stale) = (
                l.id.clone(),
                l.state.now(),
                l.state.config().sessions,
                l.state.config().stale_after,
            );
            let seen = l
                .state
                .with_db(move |c| {
                    let Some(s) = store::session(c, &id, now, limits, false)? else {
                        return Ok(None);
                    };
                    // Only the stamp and the count are used: no words are shown.
                    let rows = board::board(
                        &store::board_trips(c, &s.fleet)?,
                        &board::Filters::default(),
                        now,
                        stale,
                        crate::words::text(Lang::En),
                    );
                    let stamp = board::stamp(&store::fleet_stamp(c, &s.fleet)?, &rows);
                    Ok(Some((stamp, board::unread(&rows, &s.board_seen_at))))
                })
                .await;
            match seen {
                Ok(Some((stamp, unread))) if stamp != l.last => {
                    l.last = stamp.clone();
                    let event = Event::default()
                        .event("changed")
                        .id(stamp)
                        .data(unread.to_string());
                    return Some((Ok::<_, std::convert::Infallible>(event), l));
                }
                Ok(Some(_)) => continue,
                _ => return None,
            }
        }
    });
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

/// One changed field: (path, before, after).
type Change = (String, String, String);

/// One event of the trip page: the event, its kind in words, its details (port, shipment,
/// inspection) in words; the driver's note is shown apart, quoted.
type EventLine = (store::ServerEvent, String, String);

/// One version of the trip page: the version line, the caption of its changes, the changes.
type VersionLine = (String, String, Vec<Change>);

#[derive(Template)]
#[template(path = "trip.html")]
struct TripPage {
    title: String,
    fleet: Option<String>,
    asset: &'static str,
    w: &'static Text,
    here: String,
    id: String,
    heading: String,
    /// Version, driver and id, in words.
    facts: String,
    state: String,
    driver: Option<String>,
    done: Option<String>,
    /// (file, the button's words).
    sheets: Vec<(String, String)>,
    manifest: Vec<view::Section>,
    events_caption: String,
    events: Vec<EventLine>,
    customs: Vec<(String, String, String, String, String)>,
    versions: Vec<VersionLine>,
    assignments: Vec<String>,
    audit: Vec<String>,
}

/// The id of a sheet's name in the shared catalogues.
fn sheet_text_id(k: crossing_paper::SheetKind) -> &'static str {
    match k {
        crossing_paper::SheetKind::AciLead => "sheet-aci-lead",
        crossing_paper::SheetKind::AceCover => "sheet-ace-cover",
        crossing_paper::SheetKind::AcePlacard => "sheet-ace-placard",
    }
}

/// An event's kind in the reader's words (the phone's: `event-*`), its machine name when the
/// server stored a kind this version does not know.
fn kind_words(w: &Text, kind: &str) -> String {
    kind.parse::<crossing_trip::event::EventKind>()
        .map_or_else(|_| kind.replace('_', " "), |k| w.t(k.text_id()))
}

/// An event's port, shipment and inspection level, in words.
fn event_details(w: &Text, e: &store::ServerEvent) -> String {
    let mut out = String::new();
    if let Some(p) = &e.port {
        out.push_str(&tr!(w, "console-event-port", port = p));
        out.push(' ');
    }
    if let Some(s) = &e.shipment {
        out.push_str(&tr!(w, "console-event-shipment", shipment = s));
        out.push(' ');
    }
    if let Some(i) = &e.inspection {
        let level = match i.as_str() {
            "primary" => w.t("inspection-primary"),
            "secondary" => w.t("inspection-secondary"),
            other => other.to_string(),
        };
        out.push_str(&tr!(w, "console-event-inspection", level = level));
        out.push(' ');
    }
    out
}

fn assignment_line(w: &Text, a: &store::AssignmentEntry) -> String {
    let driver = a.driver.as_str();
    match (&a.started_at, &a.ended_at) {
        (Some(from), Some(until)) => tr!(
            w,
            "console-assignment-from-until",
            driver = driver,
            from = from,
            until = until
        ),
        (Some(from), None) => tr!(
            w,
            "console-assignment-from-now",
            driver = driver,
            from = from
        ),
        (None, Some(until)) => tr!(
            w,
            "console-assignment-until",
            driver = driver,
            until = until
        ),
        (None, None) => tr!(w, "console-assignment-now", driver = driver),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TripQuery {
    done: String,
}

async fn trip_page(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    query: Result<Query<TripQuery>, QueryRejection>,
) -> Response {
    let signed = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let fleet = signed.session.fleet.clone();
    let trip_id = id.clone();
    let loaded = state
        .with_db(move |c| {
            let (version, st, driver, trip) = store::console_trip(c, &fleet, &trip_id)?;
            let (events, _) =
                store::trip_events(c, &fleet, &trip_id, None, store::MAX_EVENTS_PAGE)?;
            let customs = store::customs_history(c, &fleet, &trip_id)?;
            let versions = store::trip_versions(c, &fleet, &trip_id)?;
            let assignments = store::trip_assignments(c, &fleet, &trip_id)?;
            let audit = store::trip_audit(c, &fleet, &trip_id)?;
            Ok((
                version,
                st,
                driver,
                trip,
                events,
                customs,
                versions,
                assignments,
                audit,
            ))
        })
        .await;
    let (version, st, driver, trip, events, customs, versions, assignments, audit) = match loaded {
        Ok(l) => l,
        Err(f) => return failure_page(Some(&signed.session.fleet), f),
    };
    let w = words();
    let customs = customs
        .answers
        .iter()
        .map(|a| {
            let s = &a.standing;
            (
                s.control_number
                    .clone()
                    .unwrap_or_else(|| w.t("console-customs-about-trip")),
                s.display_in(trip.regime, w),
                s.source.clone(),
                s.customs_time.clone().unwrap_or_default(),
                s.received_at.clone(),
            )
        })
        .collect();
    let versions = versions
        .iter()
        .enumerate()
        .map(|(i, (v, t, at))| {
            let changes = if i == 0 {
                Vec::new()
            } else {
                view::diff(&versions[i - 1].1, t)
            };
            (
                tr!(w, "console-version-line", version = *v, at = at),
                tr!(w, "console-version-changed", version = *v),
                changes,
            )
        })
        .collect();
    let done = match query.map(|Query(q)| q.done).unwrap_or_default().as_str() {
        "amended" => Some("console-done-amended"),
        "cancelled" => Some("console-done-cancelled"),
        "assigned" => Some("console-done-assigned"),
        "unassigned" => Some("console-done-unassigned"),
        "unchanged" => Some("console-done-unchanged"),
        _ => None,
    }
    .map(|id| w.t(id));
    let facts = [
        tr!(w, "console-trip-version", version = version),
        match &driver {
            Some(d) => tr!(w, "console-trip-driver", driver = d),
            None => w.t("console-unassigned"),
        },
        tr!(w, "console-trip-id", id = id.as_str()),
    ]
    .join(" · ");
    let Frame {
        fleet,
        asset,
        w,
        here,
    } = frame(Some(&signed.session.fleet));
    render(
        StatusCode::OK,
        &TripPage {
            title: tr!(w, "console-trip-title", number = trip.trip_number.as_str()),
            fleet,
            asset,
            w,
            here,
            id,
            heading: tr!(
                w,
                "console-trip-heading",
                regime = trip.regime.as_str(),
                number = trip.trip_number.as_str()
            ),
            facts,
            state: st,
            driver,
            done,
            sheets: crossing_paper::SheetKind::for_trip(&trip)
                .into_iter()
                .map(|k| {
                    (
                        format!("{}.pdf", k.as_str()),
                        tr!(w, "trip-print", sheet = w.t(sheet_text_id(k))),
                    )
                })
                .collect(),
            manifest: view::manifest(&trip, w),
            events_caption: tr!(w, "console-events-caption", count = events.len()),
            events: events
                .into_iter()
                .map(|e| {
                    let (kind, details) = (kind_words(w, &e.kind), event_details(w, &e));
                    (e, kind, details)
                })
                .collect(),
            customs,
            versions,
            assignments: assignments.iter().map(|a| assignment_line(w, a)).collect(),
            audit: audit
                .iter()
                .map(|a| {
                    tr!(
                        w,
                        "console-audit-line",
                        at = &a.at,
                        action = &a.action,
                        session = &a.session,
                        detail = &a.detail
                    )
                })
                .collect(),
        },
    )
}

/// The drivers a trip may be given to (an empty list when the store cannot say: the form then
/// offers no choice, and the action's own check names the problem).
async fn roster_of(state: &Arc<AppState>, fleet: &str) -> Vec<String> {
    let fleet = fleet.to_string();
    state
        .with_db(move |c| store::roster(c, &fleet))
        .await
        .unwrap_or_default()
}

/// Every form page: push, amend, confirmations, conflicts, results and errors.
#[derive(Template)]
#[template(path = "form.html")]
struct FormPage {
    title: String,
    fleet: Option<String>,
    asset: &'static str,
    w: &'static Text,
    here: String,
    back: Option<String>,
    intro: Vec<String>,
    /// (what went wrong, the field).
    error: Option<(String, String)>,
    changes_caption: String,
    changes: Vec<(String, String, String)>,
    results: Vec<String>,
    action: Option<String>,
    hidden: Vec<(String, String)>,
    document: Option<String>,
    document_label: String,
    drivers: Vec<String>,
    driver_label: String,
    driver_optional: bool,
    ask_reason: bool,
    button: String,
    button_class: &'static str,
}

impl FormPage {
    fn new(fleet: Option<&str>, title: impl Into<String>) -> Self {
        let Frame {
            fleet,
            asset,
            w,
            here,
        } = frame(fleet);
        FormPage {
            title: title.into(),
            fleet,
            asset,
            w,
            here,
            back: None,
            intro: Vec::new(),
            error: None,
            changes_caption: String::new(),
            changes: Vec::new(),
            results: Vec::new(),
            action: None,
            hidden: Vec::new(),
            document: None,
            document_label: String::new(),
            drivers: Vec::new(),
            driver_label: String::new(),
            driver_optional: false,
            ask_reason: false,
            button: String::new(),
            button_class: "",
        }
    }
}

/// An error as a page: the API's status, its reason and the field it names.
fn failure_page(fleet: Option<&str>, f: Fail) -> Response {
    let mut page = FormPage::new(fleet, words().t("console-not-done"));
    page.back = Some("/ui/board".into());
    page.error = Some(form_error(&f));
    render(f.status, &page)
}

fn push_form(fleet: &str, document: String, drivers: Vec<String>) -> FormPage {
    let w = words();
    let mut page = FormPage::new(Some(fleet), w.t("console-push-title"));
    page.back = Some("/ui/board".into());
    page.intro = vec![w.t("console-push-intro")];
    page.action = Some("/ui/push".into());
    page.document = Some(document);
    page.document_label = w.t("console-push-document");
    page.drivers = drivers;
    page.driver_label = w.t("console-push-driver");
    page.driver_optional = true;
    page.button = w.t("console-push-button");
    page
}

/// A push's or an import's outcome (`created`, `customs`…) in words.
fn outcome_words(w: &Text, outcome: &str) -> String {
    let id = match outcome {
        "created" => "console-outcome-created",
        "amended" => "console-outcome-amended",
        "unchanged" => "console-outcome-unchanged",
        "cancelled" => "console-outcome-cancelled",
        "customs" => "console-outcome-customs",
        "unmatched" => "console-outcome-unmatched",
        "ignored" => "console-outcome-ignored",
        other => return other.to_string(),
    };
    w.t(id)
}

async fn push_page(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let signed = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let fleet = signed.session.fleet.clone();
    match state.with_db(move |c| store::roster(c, &fleet)).await {
        Ok(drivers) => render(
            StatusCode::OK,
            &push_form(&signed.session.fleet, String::new(), drivers),
        ),
        Err(f) => failure_page(Some(&signed.session.fleet), f),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DocumentForm {
    document: String,
    driver: String,
}

async fn push(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    form: Result<Form<DocumentForm>, FormRejection>,
) -> Response {
    let signed = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let (fleet, label, now) = (
        signed.session.fleet.clone(),
        signed.session.label.clone(),
        state.now(),
    );
    let driver = Some(form.driver.trim().to_string()).filter(|d| !d.is_empty());
    let body = form.document.clone().into_bytes();
    // Crossing's own trip format has `format`; anything else is read as BorderConnect.
    let own = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .is_some_and(|v| v.get("format").is_some());
    let w = words();
    let warning = move |x: &String| tr!(w, "console-warning", warning = x);
    let outcome = state
        .with_db(move |c| {
            if own {
                let prepared = store::prepare_push(&body, now)?;
                let out = store::console_push(c, &fleet, prepared, driver.as_deref(), &label, now)?;
                let outcome = outcome_words(w, out.outcome);
                let mut lines = vec![match out.driver.as_deref() {
                    Some(d) => tr!(
                        w,
                        "console-push-result-driver",
                        id = &out.id,
                        outcome = outcome,
                        version = out.version,
                        driver = d
                    ),
                    None => tr!(
                        w,
                        "console-push-result",
                        id = &out.id,
                        outcome = outcome,
                        version = out.version
                    ),
                }];
                lines.extend(out.warnings.iter().map(warning));
                return Ok(lines);
            }
            let report =
                store::import_audited(c, &fleet, &body, driver.as_deref(), Some(&label), now)?;
            let mut lines = Vec::new();
            for r in &report.results {
                let trip = format!(
                    "{}{}",
                    r.id.as_deref().unwrap_or(""),
                    r.version.map(|v| format!(" v{v}")).unwrap_or_default()
                );
                let outcome = outcome_words(w, r.outcome);
                lines.push(match r.reason.as_deref() {
                    Some(reason) => tr!(
                        w,
                        "console-import-result-reason",
                        message = &r.data,
                        trip = trip,
                        outcome = outcome,
                        reason = reason
                    ),
                    None => tr!(
                        w,
                        "console-import-result",
                        message = &r.data,
                        trip = trip,
                        outcome = outcome
                    ),
                });
                lines.extend(r.warnings.iter().map(warning));
            }
            Ok(lines)
        })
        .await;
    match outcome {
        Ok(lines) => {
            state.touched();
            let mut page = FormPage::new(Some(&signed.session.fleet), w.t("console-pushed-title"));
            page.back = Some("/ui/board".into());
            page.intro = vec![w.t("console-pushed-intro")];
            page.results = lines;
            render(StatusCode::OK, &page)
        }
        Err(f) => {
            let drivers = roster_of(&state, &signed.session.fleet).await;
            let mut page = push_form(&signed.session.fleet, form.document, drivers);
            page.error = Some(form_error(&f));
            render(f.status, &page)
        }
    }
}

/// The hidden fields that carry what the screen showed of the trip.
fn seen_fields(seen: &store::Seen) -> Vec<(String, String)> {
    vec![
        ("rev".into(), seen.rev.clone()),
        ("version".into(), seen.version.to_string()),
        ("state".into(), seen.state.clone()),
        ("shown_driver".into(), seen.driver.clone()),
    ]
}

fn amend_form(fleet: &str, id: &str, seen: &store::Seen, document: String) -> FormPage {
    let w = words();
    let mut page = FormPage::new(Some(fleet), tr!(w, "console-amend-title", id = id));
    page.back = Some(format!("/ui/trips/{}", crate::client::encode(id)));
    page.intro = vec![tr!(w, "console-amend-intro", version = seen.version + 1)];
    page.action = Some(format!("/ui/trips/{}/amend", crate::client::encode(id)));
    page.hidden = seen_fields(seen);
    page.document = Some(document);
    page.document_label = w.t("console-amend-document");
    page.button = w.t("console-amend-button");
    page
}

/// The trip as the screen is about to show it.
async fn seen_now(
    state: &Arc<AppState>,
    fleet: &str,
    id: &str,
) -> Result<(store::Seen, crossing_trip::Trip), Fail> {
    let (fleet, id) = (fleet.to_string(), id.to_string());
    state
        .with_db(move |c| {
            let (rev, version, st, driver, trip) = store::console_trip_rev(c, &fleet, &id)?;
            Ok((
                store::Seen {
                    rev,
                    version,
                    state: st,
                    driver: driver.unwrap_or_default(),
                },
                trip,
            ))
        })
        .await
}

async fn amend_page(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let signed = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match seen_now(&state, &signed.session.fleet, &id).await {
        Ok((seen, trip)) if seen.state == "active" => {
            let doc = serde_json::to_string_pretty(&trip).unwrap_or_default();
            render(
                StatusCode::OK,
                &amend_form(&signed.session.fleet, &id, &seen, doc),
            )
        }
        Ok(_) => failure_page(
            Some(&signed.session.fleet),
            ApiFailure::conflict("id", words().t("console-amend-cancelled")),
        ),
        Err(f) => failure_page(Some(&signed.session.fleet), f),
    }
}

/// What a form says the screen showed.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ActForm {
    rev: String,
    version: Option<i64>,
    state: String,
    shown_driver: String,
    document: String,
    driver: String,
    reason: String,
}

impl ActForm {
    fn seen(&self) -> Option<store::Seen> {
        Some(store::Seen {
            rev: Some(self.rev.clone()).filter(|r| !r.is_empty())?,
            version: self.version?,
            state: self.state.clone(),
            driver: self.shown_driver.clone(),
        })
    }
}

fn lost_form(fleet: &str) -> Response {
    failure_page(
        Some(fleet),
        ApiFailure::invalid("version", words().t("console-form-lost")),
    )
}

/// The trip moved while the dispatcher looked: nothing was written; the page shows what
/// changed and offers the form again, made for the trip as it is now.
fn conflict_page(
    fleet: &str,
    id: &str,
    seen: &store::Seen,
    version: i64,
    changes: Vec<Change>,
    retry: FormPage,
) -> Response {
    let w = words();
    let mut page = retry;
    page.title = tr!(w, "console-conflict-title", id = id);
    page.error = Some((
        tr!(w, "console-conflict", then = seen.version, now = version),
        "version".into(),
    ));
    page.changes_caption = w.t("console-conflict-caption");
    page.changes = changes;
    page.fleet = Some(fleet.to_string());
    render(StatusCode::CONFLICT, &page)
}

async fn amend(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    form: Result<Form<ActForm>, FormRejection>,
) -> Response {
    let signed = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let Some(seen) = form.seen() else {
        return lost_form(&signed.session.fleet);
    };
    let bad_document = |why: String| {
        let mut page = amend_form(&signed.session.fleet, &id, &seen, form.document.clone());
        page.error = Some((why, "document".into()));
        render(StatusCode::BAD_REQUEST, &page)
    };
    let mut doc: serde_json::Value = match serde_json::from_str(&form.document) {
        Ok(v) => v,
        Err(e) => return bad_document(tr!(words(), "console-not-json", error = e.to_string())),
    };
    let Some(obj) = doc.as_object_mut() else {
        return bad_document(words().t("console-not-object"));
    };
    // The trip keeps its id; its version is the next one.
    obj.insert("id".into(), id.clone().into());
    obj.insert("version".into(), (seen.version + 1).into());
    let now = state.now();
    let prepared = match store::prepare_push(doc.to_string().as_bytes(), now) {
        Ok(p) => p,
        Err(e) => {
            let f = ApiFailure::from(e);
            let mut page = amend_form(&signed.session.fleet, &id, &seen, form.document.clone());
            page.error = Some(form_error(&f));
            return render(f.status, &page);
        }
    };
    let (fleet, label, trip_id, seen_c) = (
        signed.session.fleet.clone(),
        signed.session.label.clone(),
        id.clone(),
        seen.clone(),
    );
    let result = state
        .with_db(move |c| {
            store::console_act(
                c,
                &fleet,
                &trip_id,
                &seen_c,
                store::Act::Amend(Box::new(prepared)),
                &label,
                "",
                now,
                view::diff,
            )
        })
        .await;
    match result {
        Ok(store::Acted::Done(_)) => done(&state, &id, "amended"),
        Ok(store::Acted::Unchanged(_)) => done(&state, &id, "unchanged"),
        Ok(store::Acted::Moved {
            version,
            rev,
            changes,
        }) => {
            let now_seen = match seen_now(&state, &signed.session.fleet, &id).await {
                Ok((s, _)) => s,
                Err(f) => return failure_page(Some(&signed.session.fleet), f),
            };
            debug_assert_eq!(now_seen.rev, rev);
            let retry = amend_form(&signed.session.fleet, &id, &now_seen, form.document);
            conflict_page(&signed.session.fleet, &id, &seen, version, changes, retry)
        }
        Err(f) => {
            let mut page = amend_form(&signed.session.fleet, &id, &seen, form.document);
            page.error = Some(form_error(&f));
            render(f.status, &page)
        }
    }
}

/// After an action: the live streams are woken and the browser goes back to the trip page,
/// which says what was done.
fn done(state: &AppState, id: &str, what: &str) -> Response {
    state.touched();
    Redirect::to(&format!(
        "/ui/trips/{}?done={what}",
        crate::client::encode(id)
    ))
    .into_response()
}

/// `cancel`, `assign` or `unassign`: its name, its button's message id and class.
fn action_of(action: &str) -> Option<(&'static str, &'static str, &'static str)> {
    match action {
        "cancel" => Some(("cancel", "console-cancel-button", "danger")),
        "assign" => Some(("assign", "console-action-assign", "")),
        "unassign" => Some(("unassign", "console-action-unassign", "")),
        _ => None,
    }
}

fn confirm_form(
    fleet: &str,
    id: &str,
    action: &str,
    seen: &store::Seen,
    drivers: Vec<String>,
) -> FormPage {
    let w = words();
    let (name, button, class) = action_of(action).unwrap_or(("", "", ""));
    let (title, intro) = match name {
        "cancel" => ("console-cancel-title", "console-cancel-intro"),
        "assign" => ("console-assign-title", "console-assign-intro"),
        _ => ("console-unassign-title", "console-unassign-intro"),
    };
    let mut page = FormPage::new(Some(fleet), tr!(w, title, id = id));
    page.back = Some(format!("/ui/trips/{}", crate::client::encode(id)));
    page.intro = vec![w.t(intro)];
    let state = match seen.state.as_str() {
        "active" => w.t("console-state-active"),
        "cancelled" => w.t("console-state-cancelled"),
        other => other.to_string(),
    };
    let driver = if seen.driver.is_empty() {
        w.t("console-no-driver")
    } else {
        tr!(w, "console-trip-driver", driver = &seen.driver)
    };
    page.intro.push(tr!(
        w,
        "console-trip-now",
        version = seen.version,
        state = state,
        driver = driver
    ));
    page.action = Some(format!("/ui/trips/{}/{name}", crate::client::encode(id)));
    page.hidden = seen_fields(seen);
    if name == "assign" {
        page.drivers = drivers;
        page.driver_label = w.t("console-driver");
    }
    page.ask_reason = true;
    page.button = if button.is_empty() {
        String::new()
    } else {
        w.t(button)
    };
    page.button_class = class;
    page
}

async fn confirm_page(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((id, action)): Path<(String, String)>,
) -> Response {
    let signed = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    if action_of(&action).is_none() {
        return failure_page(
            Some(&signed.session.fleet),
            ApiFailure::not_found("path", words().t("console-no-such-page")),
        );
    }
    let seen = match seen_now(&state, &signed.session.fleet, &id).await {
        Ok((s, _)) => s,
        Err(f) => return failure_page(Some(&signed.session.fleet), f),
    };
    let fleet = signed.session.fleet.clone();
    let drivers = match state.with_db(move |c| store::roster(c, &fleet)).await {
        Ok(d) => d,
        Err(f) => return failure_page(Some(&signed.session.fleet), f),
    };
    render(
        StatusCode::OK,
        &confirm_form(&signed.session.fleet, &id, &action, &seen, drivers),
    )
}

async fn act(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((id, action)): Path<(String, String)>,
    form: Result<Form<ActForm>, FormRejection>,
) -> Response {
    let signed = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Some((name, ..)) = action_of(&action) else {
        return failure_page(
            Some(&signed.session.fleet),
            ApiFailure::not_found("path", words().t("console-no-such-action")),
        );
    };
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let Some(seen) = form.seen() else {
        return lost_form(&signed.session.fleet);
    };
    let reason: String = form.reason.trim().chars().take(200).collect();
    let driver = form.driver.trim().to_string();
    let refuse = |field: &str, why: &str| {
        failure_page(Some(&signed.session.fleet), ApiFailure::invalid(field, why))
    };
    if reason.is_empty() {
        return refuse("reason", &words().t("console-reason-required"));
    }
    let act = match name {
        "cancel" => store::Act::Cancel,
        "assign" if driver.is_empty() => {
            return refuse("driver", &words().t("console-choose-driver"))
        }
        "assign" => store::Act::Assign(driver),
        _ => store::Act::Unassign,
    };
    let (fleet, label, now, trip_id, seen_c) = (
        signed.session.fleet.clone(),
        signed.session.label.clone(),
        state.now(),
        id.clone(),
        seen.clone(),
    );
    let result = state
        .with_db(move |c| {
            store::console_act(
                c,
                &fleet,
                &trip_id,
                &seen_c,
                act,
                &label,
                &reason,
                now,
                view::diff,
            )
        })
        .await;
    let outcome = match name {
        "cancel" => "cancelled",
        "assign" => "assigned",
        _ => "unassigned",
    };
    match result {
        Ok(store::Acted::Done(_)) => done(&state, &id, outcome),
        Ok(store::Acted::Unchanged(_)) => done(&state, &id, "unchanged"),
        Ok(store::Acted::Moved {
            version, changes, ..
        }) => {
            let now_seen = match seen_now(&state, &signed.session.fleet, &id).await {
                Ok((s, _)) => s,
                Err(f) => return failure_page(Some(&signed.session.fleet), f),
            };
            let drivers = roster_of(&state, &signed.session.fleet).await;
            let retry = confirm_form(&signed.session.fleet, &id, name, &now_seen, drivers);
            conflict_page(&signed.session.fleet, &id, &seen, version, changes, retry)
        }
        Err(f) => failure_page(Some(&signed.session.fleet), f),
    }
}

async fn sheet(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    let signed = match signed_in(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let fleet = signed.session.fleet.clone();
    match crate::sheet_pdf(
        &state,
        fleet,
        id,
        &file,
        crossing_paper::SheetOptions::default(),
    )
    .await
    {
        Ok(r) => r,
        Err(f) => failure_page(Some(&signed.session.fleet), f),
    }
}

/// Any other `/ui` path: a page, with the console's headers (not the API's JSON 404).
async fn not_found() -> Response {
    failure_page(
        None,
        ApiFailure::not_found("path", words().t("console-no-such-page")),
    )
}

async fn asset(Path(file): Path<String>) -> Response {
    let (body, kind) = match file.as_str() {
        "console.css" => (CSS, "text/css; charset=utf-8"),
        "console.js" => (JS, "text/javascript; charset=utf-8"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests;
