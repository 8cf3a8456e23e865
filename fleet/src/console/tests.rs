//! The console's sessions, CSRF refusals, headers and escaping, through the real router and a
//! real database file (no browser: `tests/browser/` drives one).

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

use crate::{store, AppState, Config};

struct Server {
    _dir: tempfile::TempDir,
    state: Arc<AppState>,
    manager: String,
    driver: String,
}

const NOW: &str = "2026-11-25T13:00:00Z";

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(NOW).unwrap().to_utc()
}

fn server() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = store::open(&dir.path().join("fleet.db")).unwrap();
    let manager =
        store::create_token(&conn, &store::NewToken::Manager("F1".into()), now()).unwrap();
    let driver = store::create_token(&conn, &store::NewToken::Driver("D1".into()), now()).unwrap();
    store::add_to_roster(&conn, "F1", "D1", now()).unwrap();
    let doc = include_bytes!("../../../examples/aci-trip.json");
    store::push_trip(&mut conn, "F1", doc, Some("D1"), now()).unwrap();
    let config = Config {
        clock: crossing_trip::FixedClock::parse(NOW).unwrap(),
        public_origin: Some("https://fleet.example".into()),
        ..Config::default()
    };
    Server {
        _dir: dir,
        state: AppState::new(conn, config),
        manager,
        driver,
    }
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(s: &Server, req: Request<Body>) -> Answer {
    let resp = crate::router(Arc::clone(&s.state))
        .oneshot(req)
        .await
        .unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
        .await
        .unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn form(path: &str) -> axum::http::request::Builder {
    Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("host", "fleet.example")
}

async fn sign_in(s: &Server, token: &str) -> Answer {
    let body = format!("token={token}");
    send(
        s,
        form("/ui/login")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

fn cookie_of(a: &Answer) -> String {
    let set = a.headers["set-cookie"].to_str().unwrap();
    set.split(';').next().unwrap().to_string()
}

async fn page(s: &Server, path: &str, cookie: &str) -> Answer {
    send(
        s,
        Request::get(path)
            .header("cookie", cookie)
            .header("host", "fleet.example")
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// The hidden fields of a form made now for trip `id` (what the screen shows of it).
async fn seen_form(s: &Server, id: &str) -> String {
    let (state, id) = (Arc::clone(&s.state), id.to_string());
    let (rev, version, st, driver, _) = state
        .with_db(move |c| store::console_trip_rev(c, "F1", &id))
        .await
        .unwrap();
    format!(
        "rev={}&version={version}&state={st}&shown_driver={}",
        crate::client::encode(&rev),
        driver.unwrap_or_default()
    )
}

#[tokio::test]
async fn a_manager_token_opens_a_host_only_strict_http_only_session() {
    let s = server();
    let a = sign_in(&s, &s.manager).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let set = a.headers["set-cookie"].to_str().unwrap();
    for part in [
        "__Host-crossing_session=",
        "Path=/",
        "Secure",
        "HttpOnly",
        "SameSite=Strict",
        "Max-Age=43200",
    ] {
        assert!(set.contains(part), "{set}");
    }
    let board = page(&s, "/ui/board", &cookie_of(&a)).await;
    assert_eq!(board.status, StatusCode::OK);
    assert!(
        board.body.contains("1234TR261126001"),
        "the pushed trip is listed"
    );
    // Every page carries the headers.
    let csp = board.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(board.headers["cache-control"], "no-store");
    assert_eq!(board.headers["x-content-type-options"], "nosniff");
    assert_eq!(board.headers["referrer-policy"], "same-origin");
    // The JSON API ignores the cookie: bearer only.
    let api = page(&s, "/v1/fleet/trips", &cookie_of(&a)).await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn driver_tokens_and_unknown_ones_open_nothing() {
    let s = server();
    for token in [s.driver.clone(), "crm_nope".into()] {
        let a = sign_in(&s, &token).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
        assert!(a.headers.get("set-cookie").is_none());
        assert!(a.body.contains("not a valid fleet manager token"));
    }
    // Without a session every page goes to the sign-in.
    let a = page(&s, "/ui/board", "__Host-crossing_session=00").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.headers["location"], "/ui/login");
}

#[tokio::test]
async fn revoking_the_token_and_signing_out_end_the_session() {
    let s = server();
    let cookie = cookie_of(&sign_in(&s, &s.manager).await);
    assert_eq!(page(&s, "/ui/board", &cookie).await.status, StatusCode::OK);
    {
        let token = s.manager.clone();
        s.state
            .with_db(move |c| store::revoke_token(c, &token, now()))
            .await
            .unwrap();
    }
    assert_eq!(
        page(&s, "/ui/board", &cookie).await.status,
        StatusCode::SEE_OTHER
    );

    let s = server();
    let cookie = cookie_of(&sign_in(&s, &s.manager).await);
    let out = send(
        &s,
        form("/ui/logout")
            .header("cookie", &cookie)
            .header("sec-fetch-site", "same-origin")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(out.headers["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(
        page(&s, "/ui/board", &cookie).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn sessions_end_when_idle_and_at_their_absolute_end() {
    let s = server();
    let cookie = cookie_of(&sign_in(&s, &s.manager).await);
    let id = cookie.split_once('=').unwrap().1.to_string();
    let limits = store::SessionLimits::default();
    let check = |id: String, at: chrono::DateTime<chrono::Utc>| {
        let state = Arc::clone(&s.state);
        async move {
            state
                .with_db(move |c| store::session(c, &id, at, limits, true))
                .await
                .unwrap()
        }
    };
    assert!(check(id.clone(), now() + chrono::Duration::minutes(90))
        .await
        .is_some());
    assert!(
        check(id.clone(), now() + chrono::Duration::hours(3))
            .await
            .is_some(),
        "used at 1:30, so not idle"
    );
    assert!(
        check(id.clone(), now() + chrono::Duration::hours(6))
            .await
            .is_none(),
        "idle for 3 h"
    );
    let cookie = cookie_of(&sign_in(&s, &s.manager).await);
    let id = cookie.split_once('=').unwrap().1.to_string();
    for m in [90, 180, 270, 360, 450, 540, 630, 700] {
        assert!(
            check(id.clone(), now() + chrono::Duration::minutes(m))
                .await
                .is_some(),
            "{m}"
        );
    }
    assert!(
        check(id, now() + chrono::Duration::hours(12))
            .await
            .is_none(),
        "absolute end"
    );
}

#[tokio::test]
async fn cross_origin_forms_are_refused_sign_in_included() {
    let s = server();
    let cookie = cookie_of(&sign_in(&s, &s.manager).await);
    let body = seen_form(&s, "T-2026-11-0417").await + "&reason=test";
    let cancel = |site: Option<&str>, origin: Option<&str>| {
        let mut b = form("/ui/trips/T-2026-11-0417/cancel").header("cookie", &cookie);
        if let Some(site) = site {
            b = b.header("sec-fetch-site", site);
        }
        if let Some(o) = origin {
            b = b.header("origin", o);
        }
        b.body(Body::from(body.clone())).unwrap()
    };
    let a = send(&s, cancel(Some("cross-site"), Some("https://evil.example"))).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(a.body.contains("cross-origin request refused"));
    let a = send(&s, cancel(None, Some("https://evil.example"))).await;
    assert_eq!(
        a.status,
        StatusCode::FORBIDDEN,
        "no Fetch Metadata: Origin is checked"
    );
    let a = send(&s, cancel(Some("same-site"), None)).await;
    assert_eq!(
        a.status,
        StatusCode::FORBIDDEN,
        "a sibling site is not this origin"
    );
    // Login CSRF: a forged sign-in form is refused too.
    let login = send(
        &s,
        form("/ui/login")
            .header("origin", "https://evil.example")
            .body(Body::from(format!("token={}", s.manager)))
            .unwrap(),
    )
    .await;
    assert_eq!(login.status, StatusCode::FORBIDDEN);
    // The trip is still active; the same form from this origin goes through.
    let a = send(&s, cancel(None, Some("https://fleet.example"))).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let trip = page(&s, "/ui/trips/T-2026-11-0417", &cookie).await;
    assert!(trip.body.contains("✕ Cancelled"));
    assert!(
        trip.body.contains("cancelled version 1; reason: test"),
        "audited"
    );
}

#[tokio::test]
async fn what_a_driver_typed_is_escaped() {
    let s = server();
    let cookie = cookie_of(&sign_in(&s, &s.manager).await);
    // A driver's note with markup, uploaded through the store as the API would.
    let note = "<script>alert(1)</script> & \"quoted\"";
    {
        let state = Arc::clone(&s.state);
        state
            .with_db(move |c| {
                store::register_device(
                    c,
                    "D1",
                    "0190aaaa-0000-4000-8000-000000000001",
                    "android",
                    "1.0.0",
                    now(),
                )?;
                let batch: crossing_trip::protocol::EventsUpload =
                    serde_json::from_value(serde_json::json!({
                    "device_id": "0190aaaa-0000-4000-8000-000000000001", "sent_at": NOW,
                    "events": [{"event_id": "0190aaaa-0000-7000-8000-000000000001", "device_seq": 1,
                        "trip_id": "F1:T-2026-11-0417", "trip_version_seen": 1, "kind": "exception",
                        "note": note, "occurred_at": NOW}]}))
                    .unwrap();
                store::upload_events(c, "D1", &batch, now())
            })
            .await
            .unwrap();
    }
    let trip = page(&s, "/ui/trips/T-2026-11-0417", &cookie).await;
    assert!(
        !trip.body.contains("<script>alert"),
        "never rendered as markup"
    );
    assert!(trip
        .body
        .contains("&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quoted&#34;"));
    let board = page(&s, "/ui/board", &cookie).await;
    assert!(
        board.body.contains("▲ Exception"),
        "the exception is on the board"
    );
}

#[tokio::test]
async fn too_many_sign_ins_are_slowed_down() {
    let s = server();
    let mut statuses = Vec::new();
    for _ in 0..12 {
        statuses.push(sign_in(&s, "crm_wrong").await.status);
    }
    assert_eq!(statuses[..10], [StatusCode::UNAUTHORIZED; 10]);
    assert_eq!(statuses[10], StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn without_a_session_a_form_body_is_never_read() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let s = server();
    let read = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&read);
    let body = futures_util::stream::once(async move {
        flag.store(true, Ordering::SeqCst);
        Ok::<_, std::io::Error>(axum::body::Bytes::from_static(b"document=x"))
    });
    let a = send(
        &s,
        form("/ui/push")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from_stream(body))
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.headers["location"], "/ui/login");
    assert!(!read.load(Ordering::SeqCst), "the body was not read");
}

#[tokio::test]
async fn an_action_on_a_trip_that_moved_writes_nothing_and_says_what_changed() {
    let s = server();
    let cookie = cookie_of(&sign_in(&s, &s.manager).await);
    let seen = seen_form(&s, "T-2026-11-0417").await;
    // Meanwhile, the trip is given to another driver (the API, another dispatcher).
    {
        let state = Arc::clone(&s.state);
        state
            .with_db(|c| {
                store::add_to_roster(c, "F1", "D2", now())?;
                store::assign_trip(
                    c,
                    "F1",
                    "T-2026-11-0417",
                    Some("D2"),
                    now() + chrono::Duration::seconds(1),
                )
            })
            .await
            .unwrap();
    }
    let post = |path: &str, body: String| {
        form(path)
            .header("cookie", &cookie)
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body))
            .unwrap()
    };
    let a = send(
        &s,
        post(
            "/ui/trips/T-2026-11-0417/cancel",
            seen.clone() + "&reason=late",
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.body);
    assert!(a.body.contains("changed while you were looking"));
    assert!(
        a.body
            .contains("<th scope=\"row\">driver</th><td>D1</td><td>D2</td>"),
        "{}",
        a.body
    );
    let trip = page(&s, "/ui/trips/T-2026-11-0417", &cookie).await;
    assert!(trip.body.contains("● Active"), "not cancelled");
    // A reason is required; a document that is not an object is refused, not a crash.
    let fresh = seen_form(&s, "T-2026-11-0417").await;
    let a = send(
        &s,
        post(
            "/ui/trips/T-2026-11-0417/cancel",
            fresh.clone() + "&reason=",
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("reason"));
    let a = send(
        &s,
        post(
            "/ui/trips/T-2026-11-0417/amend",
            fresh + "&document=%5B1%5D",
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("must be a trip document"));
    // Unknown console pages are pages, with the console's headers.
    let a = page(&s, "/ui/nope", &cookie).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors"));
}
