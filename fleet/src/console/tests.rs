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

/// A page asked for in a language (`Accept-Language`), with the session cookie.
async fn page_in(s: &Server, path: &str, cookie: &str, lang: &str) -> Answer {
    send(
        s,
        Request::get(path)
            .header("cookie", cookie)
            .header("accept-language", lang)
            .header("host", "fleet.example")
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn a_french_reader_gets_the_console_in_french() {
    let s = server();
    let login = page_in(&s, "/ui/login", "", "fr-CA,fr;q=0.9,en;q=0.5").await;
    assert!(
        login.body.contains(r#"<html lang="fr-CA">"#),
        "{}",
        login.body
    );
    assert!(login.body.contains("<h1>Connexion</h1>"));
    assert!(login.body.contains("Jeton de gestionnaire"));
    assert_eq!(login.headers["content-language"], "fr-CA");
    // A refused sign-in, in French.
    let refused = send(
        &s,
        form("/ui/login")
            .header("sec-fetch-site", "same-origin")
            .header("accept-language", "fr-CA")
            .body(Body::from("token=crm_nope"))
            .unwrap(),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(refused
        .body
        .contains("pas un jeton de gestionnaire de flotte valide"));

    let cookie = cookie_of(&sign_in(&s, &s.manager).await);
    let board = page_in(&s, "/ui/board", &cookie, "fr-CA").await;
    assert_eq!(board.status, StatusCode::OK);
    assert!(board.body.contains(r#"<html lang="fr-CA">"#));
    assert!(board.body.contains("<h1>Tableau</h1>"), "{}", board.body);
    assert!(board
        .body
        .contains(">Événement sur une ancienne version</option>"));
    assert!(
        board.body.contains("1 voyage, incidents d"),
        "a French plural"
    );
    assert!(
        board.body.contains("0 nouvel incident depuis"),
        "French: 0 is one"
    );
    assert!(
        board.body.contains("1234TR261126001"),
        "machine values stay"
    );
    assert!(!board.body.contains("Board</h1>") && !board.body.contains("Sign out"));

    let trip = page_in(&s, "/ui/trips/T-2026-11-0417", &cookie, "fr-CA").await;
    assert!(trip.body.contains("<h1>Voyage ACI 1234TR261126001</h1>"));
    assert!(trip.body.contains("● Actif"));
    assert!(trip.body.contains("Imprimer\u{a0}: Feuille de tête ACI"));
    assert!(
        trip.body.contains("Premier point d&#39;arrivée"),
        "the phone's manifest labels"
    );

    // The push form refuses an invalid trip in French, and says so on the form.
    let mut doc: serde_json::Value =
        serde_json::from_str(include_str!("../../../examples/aci-trip.json")).unwrap();
    doc["portOfEntry"] = "45".into();
    let body = format!("document={}", crate::client::encode(&doc.to_string()));
    let pushed = send(
        &s,
        form("/ui/push")
            .header("cookie", &cookie)
            .header("sec-fetch-site", "same-origin")
            .header("accept-language", "fr-CA")
            .body(Body::from(body))
            .unwrap(),
    )
    .await;
    assert_eq!(pushed.status, StatusCode::BAD_REQUEST);
    assert!(pushed.body.contains("<h1>Publier un voyage</h1>"));
    assert!(
        pushed.body.contains("voyage refusé") && pushed.body.contains("4 erreurs"),
        "{}",
        pushed.body
    );
    assert!(pushed
        .body
        .contains("Document de voyage ou export BorderConnect (JSON)"));
    assert!(pushed
        .body
        .contains("Champ\u{a0}: <code>portOfEntry</code>"));

    // A confirmation's own refusal, in French.
    let body = seen_form(&s, "T-2026-11-0417").await + "&reason=";
    let a = send(
        &s,
        form("/ui/trips/T-2026-11-0417/cancel")
            .header("cookie", &cookie)
            .header("sec-fetch-site", "same-origin")
            .header("accept-language", "fr-CA")
            .body(Body::from(body))
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("est obligatoire\u{a0}: dites pourquoi"));
}

#[tokio::test]
async fn english_stays_the_default() {
    let s = server();
    let cookie = cookie_of(&sign_in(&s, &s.manager).await);
    for lang in [None, Some("de-DE, es-MX;q=0.8"), Some("en-CA, fr-CA;q=0.5")] {
        let board = match lang {
            Some(l) => page_in(&s, "/ui/board", &cookie, l).await,
            None => page(&s, "/ui/board", &cookie).await,
        };
        assert!(board.body.contains(r#"<html lang="en">"#), "{lang:?}");
        assert!(board.body.contains("<h1>Board</h1>"));
        assert!(board
            .body
            .contains("<title>Board · Crossing fleet console</title>"));
        assert!(board.body.contains(">Event on an old version</option>"));
        assert!(board.body.contains("1 trip, exceptions first, then by ETA"));
        assert!(board
            .body
            .contains("0 new exceptions since you last opened"));
        assert_eq!(board.headers["content-language"], "en");
    }
    let trip = page(&s, "/ui/trips/T-2026-11-0417", &cookie).await;
    assert!(trip.body.contains("<h1>ACI trip 1234TR261126001</h1>"));
    assert!(trip
        .body
        .contains("version 1 · driver D1 · id T-2026-11-0417"));
    assert!(trip.body.contains("Print the ACI lead sheet"));
}

#[tokio::test]
async fn the_language_link_keeps_the_choice_and_comes_back() {
    let s = server();
    let cookie = cookie_of(&sign_in(&s, &s.manager).await);
    let a = page(&s, "/ui/lang?to=fr-CA&back=%2Fui%2Fboard%3Fport%3D0453", "").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.headers["location"], "/ui/board?port=0453");
    let set = a.headers["set-cookie"].to_str().unwrap();
    assert_eq!(
        set, "crossing_lang=fr-CA; Path=/; SameSite=Lax; Max-Age=31536000; Secure",
        "Secure: the public origin is https"
    );
    // The cookie wins over the browser's languages.
    let both = format!("{cookie}; {}", cookie_of(&a));
    let board = page_in(&s, "/ui/board", &both, "en-US").await;
    assert!(board.body.contains("<h1>Tableau</h1>"));
    assert!(
        board
            .body
            .contains(r#"href="/ui/lang?to=en&amp;back=%2Fui%2Fboard""#),
        "the header's links come back to this page: {}",
        board.body
    );
    assert!(board
        .body
        .contains(r#"lang="fr-CA" hreflang="fr-CA" aria-current="true">Français</a>"#));
    let back = page(&s, "/ui/lang?to=en&back=/ui/trips/T-2026-11-0417", "").await;
    assert_eq!(back.headers["location"], "/ui/trips/T-2026-11-0417");
    assert!(back.headers["set-cookie"]
        .to_str()
        .unwrap()
        .starts_with("crossing_lang=en;"));

    // Only the console's own pages: anything else goes to the board.
    for off in [
        "https%3A%2F%2Fevil.example%2Fui%2F",
        "%2F%2Fevil.example%2Fui%2F",
        "%2Fui%2F..%2F..%2F%2Fevil.example",
        "%2Fui%5C%5Cevil.example",
        "%2Fv1%2Ffleet%2Ftrips",
        "%2Fui%2Fboard%0D%0ASet-Cookie%3A%20x%3D1",
        "%2Fui%2Fboard%C3%A9",
        "",
    ] {
        let a = page(&s, &format!("/ui/lang?to=en&back={off}"), "").await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{off}");
        assert_eq!(a.headers["location"], "/ui/board", "{off}");
    }
    // A language the console does not have, in the reader's language.
    for to in ["de", "en-XA", "pa", ""] {
        let a = page(&s, &format!("/ui/lang?to={to}&back=%2Fui%2Fboard"), "").await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{to}");
        assert!(a.headers.get("set-cookie").is_none());
        assert!(
            a.body
                .contains("is not a language of the console: use en (English) or fr-CA"),
            "{}",
            a.body
        );
    }
    let a = page_in(&s, "/ui/lang?to=de", "", "fr-CA").await;
    assert!(a.body.contains("n&#39;est pas une langue de la console"));
    // From another site: refused (a preference, but nobody else's to set).
    let a = send(
        &s,
        Request::get("/ui/lang?to=fr-CA&back=%2Fui%2Fboard")
            .header("sec-fetch-site", "cross-site")
            .header("host", "fleet.example")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(a.headers.get("set-cookie").is_none());
}

#[tokio::test]
async fn the_pseudo_locale_marks_the_console_words() {
    let s = server();
    let cookie = cookie_of(&sign_in(&s, &s.manager).await);
    let board = page_in(&s, "/ui/board", &cookie, "en-XA").await;
    assert!(board.body.contains(r#"<html lang="en-XA">"#));
    let h1 = board
        .body
        .split("<h1>")
        .nth(1)
        .and_then(|r| r.split("</h1>").next())
        .unwrap();
    assert!(h1.starts_with('⟦') && h1.ends_with('⟧'), "{h1}");
}

mod catalogues {
    //! The console's catalogues against each other and against the code that uses them (as
    //! `text/src/tests.rs` checks the shared ones).
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    const EN: &str = include_str!("../../locales/en/console.ftl");
    const FR: &str = include_str!("../../locales/fr-CA/console.ftl");

    /// Each message with the argument names it uses ([`crossing_text::catalogue_messages`]);
    /// an id written twice fails.
    fn messages(src: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut out = BTreeMap::new();
        for (id, vars) in crossing_text::catalogue_messages(src) {
            assert!(out.insert(id.clone(), vars).is_none(), "duplicate id {id}");
        }
        out
    }

    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                files(&p, out);
            } else if p
                .extension()
                .is_some_and(|e| e == "rs" || e == "html" || e == "js")
            {
                out.push(p);
            }
        }
    }

    /// Every source of the fleet server that may word something: (path, text).
    fn sources() -> Vec<(String, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = Vec::new();
        for dir in ["src", "templates", "assets"] {
            files(&root.join(dir), &mut paths);
        }
        paths
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p).unwrap();
                (p.display().to_string(), text)
            })
            .collect()
    }

    /// Every `"console-…"` string literal of `text`.
    fn ids_in(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(i) = rest.find("\"console-") {
            rest = &rest[i + 1..];
            let id: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                .collect();
            if !id.is_empty() && !id.ends_with('-') && rest[id.len()..].starts_with('"') {
                out.push(id);
            }
        }
        out
    }

    /// The top-level comma-separated arguments of the call whose `(` is at the start of `s`.
    fn call_args(s: &str) -> Vec<String> {
        let (mut depth, mut in_str, mut escaped) = (0usize, false, false);
        let (mut args, mut cur) = (Vec::new(), String::new());
        for c in s.chars() {
            if in_str {
                cur.push(c);
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_str = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => {
                    in_str = true;
                    cur.push(c);
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    if depth > 1 {
                        cur.push(c);
                    }
                }
                ')' | ']' | '}' => {
                    depth -= 1;
                    if depth == 0 {
                        args.push(cur.trim().to_string());
                        return args;
                    }
                    cur.push(c);
                }
                ',' if depth == 1 => args.push(std::mem::take(&mut cur).trim().to_string()),
                _ => cur.push(c),
            }
        }
        panic!("unclosed call: {s:.80}");
    }

    #[test]
    fn both_catalogues_read_whole_and_say_the_translation_awaits_review() {
        use crossing_text::{Arg, Lang};
        // A message with a syntax error would be dropped from its bundle: each must be there
        // and format, with its arguments, to words (no `{$name}` left, no id).
        for (lang, src) in [(Lang::En, EN), (Lang::FrCa, FR)] {
            let t = crate::words::text(lang);
            for (id, vars) in messages(src) {
                assert!(t.has(&id), "{}: {id} does not parse", lang.tag());
                let args: Vec<(&str, Arg<'_>)> =
                    vars.iter().map(|v| (v.as_str(), Arg::from(2))).collect();
                let out = t.get(&id, &args);
                assert!(
                    !out.is_empty() && out != id && !out.contains('{'),
                    "{}: {id} = {out:?}",
                    lang.tag()
                );
            }
        }
        let head: String = FR.lines().take(3).collect::<Vec<_>>().join("\n");
        assert!(
            head.contains(
                "Machine-made translation (written by an AI assistant): native-speaker review pending."
            ),
            "{head}"
        );
    }

    #[test]
    fn every_message_is_in_both_catalogues_with_the_same_arguments() {
        let (en, fr) = (messages(EN), messages(FR));
        assert!(en.len() > 150, "{} messages", en.len());
        let missing: Vec<&String> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
        let extra: Vec<&String> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "fr-CA lacks {missing:?}");
        assert!(extra.is_empty(), "fr-CA has unknown ids {extra:?}");
        for (id, vars) in &en {
            assert_eq!(&fr[id], vars, "fr-CA message {id} uses other arguments");
            assert!(
                id == "api-unauthorized" || id.starts_with("console-"),
                "{id}: the console's ids start with console-"
            );
        }
        // Translated: the French reads differently but for a few words that are the same.
        let (t_en, t_fr) = (
            crate::words::text(crossing_text::Lang::En),
            crate::words::text(crossing_text::Lang::FrCa),
        );
        let same: Vec<&String> = en
            .keys()
            .filter(|id| en[*id].is_empty() && t_en.t(id) == t_fr.t(id))
            .collect();
        assert!(same.len() < 10, "read as in English: {same:?}");
    }

    #[test]
    fn every_console_id_the_code_uses_exists_with_the_arguments_it_is_given() {
        // The reader of calls reads calls.
        assert_eq!(
            call_args(r#"(w, "console-yes", a = f(1, ")"), b = [3, 4]) tail"#),
            ["w", r#""console-yes""#, r#"a = f(1, ")")"#, "b = [3, 4]"]
        );
        assert_eq!(
            ids_in(r#"w.t("console-skip") "console-" "console-c:x""#),
            ["console-skip"]
        );
        let en = messages(EN);
        let mut used = BTreeSet::new();
        let mut problems = Vec::new();
        for (path, text) in sources() {
            for id in ids_in(&text) {
                if !en.contains_key(&id) {
                    problems.push(format!("{path}: {id} is in no catalogue"));
                }
                used.insert(id);
            }
            // Without arguments: `.t("console-…")`.
            for (i, _) in text.match_indices(".t(\"console-") {
                let args = call_args(&text[i + 2..]);
                let id = args[0].trim_matches('"');
                if en.get(id).is_some_and(|v| !v.is_empty()) {
                    problems.push(format!("{path}: {id} needs {:?}", en[id]));
                }
            }
            // With arguments: `tr!(text, "console-…", name = value, …)`.
            for (i, _) in text.match_indices("tr!(") {
                let args = call_args(&text[i + 3..]);
                let Some(id) = args
                    .get(1)
                    .and_then(|a| a.strip_prefix('"'))
                    .and_then(|a| a.strip_suffix('"'))
                    .filter(|a| a.starts_with("console-"))
                else {
                    continue;
                };
                let given: BTreeSet<String> = args[2..]
                    .iter()
                    .filter_map(|a| a.split_once('=').map(|(n, _)| n.trim().to_string()))
                    .collect();
                if en.get(id).is_some_and(|want| *want != given) {
                    problems.push(format!(
                        "{path}: {id} takes {:?}, is given {given:?}",
                        en[id]
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
        let unused: Vec<&String> = en
            .keys()
            .filter(|id| id.starts_with("console-") && !used.contains(*id))
            .collect();
        assert!(unused.is_empty(), "never used: {unused:?}");
    }
}
