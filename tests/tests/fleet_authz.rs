//! Authorization matrix: every endpoint × {no token, unknown token, revoked token, another
//! driver of the same fleet, a driver of another fleet, another fleet's manager, wrong role, the
//! right principal}, from one table.

use std::sync::Arc;

use crossing_core::{Clock, FixedClock};
use crossing_fleet::{store, AppState, Config};
use serde_json::json;

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    NoToken,
    Unknown,
    RevokedDriver,
    RevokedManager,
    Driver,
    OtherDriver,
    ForeignDriver,
    Manager,
    OtherManager,
}

const ALL: [Who; 9] = [
    Who::NoToken,
    Who::Unknown,
    Who::RevokedDriver,
    Who::RevokedManager,
    Who::Driver,
    Who::OtherDriver,
    Who::ForeignDriver,
    Who::Manager,
    Who::OtherManager,
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_endpoint_refuses_everyone_but_its_principal() {
    crossing_core::transport::install_crypto_provider();
    let dir = tempfile::tempdir().expect("tempdir");
    let conn = store::open(&dir.path().join("fleet.db")).expect("db");
    // The server's clock stands the morning before the example trip's ETA: the example is
    // pushed as it is, on any date.
    let clock = FixedClock::parse("2026-11-25T08:00:00-05:00").expect("clock");
    let now = clock.now_utc();
    let mk = |who: store::NewToken| store::create_token(&conn, &who, now).expect("token");
    let driver = mk(store::NewToken::Driver("D1".into()));
    let other_driver = mk(store::NewToken::Driver("D2".into()));
    let foreign_driver = mk(store::NewToken::Driver("D3".into()));
    // D1 and D2 drive for F1, D3 for F2.
    for (fleet, d) in [("F1", "D1"), ("F1", "D2"), ("F2", "D3")] {
        store::add_to_roster(&conn, fleet, d, now).expect("roster");
    }
    let manager = mk(store::NewToken::Manager("F1".into()));
    let other_manager = mk(store::NewToken::Manager("F2".into()));
    let revoked_driver = mk(store::NewToken::Driver("D1".into()));
    let revoked_manager = mk(store::NewToken::Manager("F1".into()));
    store::revoke_token(&conn, &revoked_driver, now).expect("revoke");
    store::revoke_token(&conn, &revoked_manager, now).expect("revoke");
    let state = AppState::new(
        conn,
        Config {
            clock,
            ..Config::default()
        },
    );
    let addr = crossing_fleet::spawn_loopback(Arc::clone(&state))
        .await
        .expect("listen");
    let base = format!("http://{addr}");
    let client = reqwest::Client::new();
    let token = |w: Who| -> Option<String> {
        match w {
            Who::NoToken => None,
            Who::Unknown => Some("crd_0000".into()),
            Who::RevokedDriver => Some(revoked_driver.clone()),
            Who::RevokedManager => Some(revoked_manager.clone()),
            Who::Driver => Some(driver.clone()),
            Who::OtherDriver => Some(other_driver.clone()),
            Who::ForeignDriver => Some(foreign_driver.clone()),
            Who::Manager => Some(manager.clone()),
            Who::OtherManager => Some(other_manager.clone()),
        }
    };
    let send = |method: &'static str, path: String, who: Who, body: Option<String>| {
        let client = client.clone();
        let url = format!("{base}{path}");
        let t = token(who);
        async move {
            let mut rb = if method == "GET" {
                client.get(url)
            } else {
                client.post(url)
            };
            if let Some(t) = t {
                rb = rb.header("authorization", format!("Bearer {t}"));
            }
            if let Some(b) = body {
                rb = rb.header("content-type", "application/json").body(b);
            }
            rb.send().await.expect("send").status().as_u16()
        }
    };

    // A trip of fleet F1 assigned to D1, and D1's device.
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/aci-trip.json")).expect("example");
    assert_eq!(
        send(
            "POST",
            "/v1/fleet/trips?driver=D1".into(),
            Who::Manager,
            Some(doc.to_string())
        )
        .await,
        201
    );
    // A trip of fleet F2 assigned to its driver D3.
    let mut f2_doc = doc.clone();
    f2_doc["id"] = "T-F2-1".into();
    f2_doc["tripNumber"] = "1234TR261126999".into();
    assert_eq!(
        send(
            "POST",
            "/v1/fleet/trips?driver=D3".into(),
            Who::OtherManager,
            Some(f2_doc.to_string())
        )
        .await,
        201
    );
    let dev = "0190aaaa-0000-4000-8000-0000000000d1";
    let reg = json!({"device_id": dev, "platform": "t", "app_version": "1"}).to_string();
    assert_eq!(
        send("POST", "/v1/devices".into(), Who::Driver, Some(reg.clone())).await,
        200
    );
    let id = "T-2026-11-0417";
    let upload = json!({"device_id": dev, "sent_at": now.to_rfc3339(), "events": []}).to_string();

    // (method, path, body, expected status per caller).
    // Drivers: the owner gets 2xx; another driver, of F1 or of F2, sees no trip of D1 (404 on a
    // trip, 403 on D1's device, an empty feed). Managers: own fleet 2xx, other fleet 404 (a trip
    // it cannot see); a driver who is not on the manager's roster is a 404 too (`driver`).
    let unauth = |w: Who| {
        matches!(
            w,
            Who::NoToken | Who::Unknown | Who::RevokedDriver | Who::RevokedManager
        )
    };
    type Expect = fn(Who) -> u16;
    let cases: Vec<(&str, String, Option<String>, Expect)> = vec![
        ("GET", "/v1/changes".into(), None, |w| match w {
            Who::Driver | Who::OtherDriver | Who::ForeignDriver => 200,
            _ => 403,
        }),
        // Drivers read a trip by the key the feed gives them: `<fleet>:<id>`.
        ("GET", format!("/v1/trips/F1:{id}"), None, |w| match w {
            Who::Driver => 200,
            Who::OtherDriver | Who::ForeignDriver => 404,
            _ => 403,
        }),
        ("GET", "/v1/trips/F2:T-F2-1".into(), None, |w| match w {
            Who::ForeignDriver => 200,
            Who::Driver | Who::OtherDriver => 404,
            _ => 403,
        }),
        ("POST", "/v1/devices".into(), Some(reg), |w| match w {
            Who::Driver => 200,
            Who::OtherDriver | Who::ForeignDriver => 409,
            _ => 403,
        }),
        ("POST", "/v1/events".into(), Some(upload), |w| match w {
            Who::Driver => 200,
            _ => 403,
        }),
        ("GET", "/v1/fleet/trips".into(), None, |w| match w {
            Who::Manager | Who::OtherManager => 200,
            _ => 403,
        }),
        (
            "GET",
            format!("/v1/fleet/trips/{id}/events"),
            None,
            |w| match w {
                Who::Manager => 200,
                Who::OtherManager => 404,
                _ => 403,
            },
        ),
        (
            "POST",
            format!("/v1/fleet/trips/{id}/assign"),
            Some(json!({"driver": "D1"}).to_string()),
            |w| match w {
                Who::Manager => 204,
                Who::OtherManager => 404,
                _ => 403,
            },
        ),
        (
            "POST",
            "/v1/fleet/trips?driver=D1".into(),
            Some(doc.to_string()),
            |w| match w {
                Who::Manager => 200,
                Who::OtherManager => 404, // D1 is not on F2's roster
                _ => 403,
            },
        ),
        // Another fleet's manager cannot put its own trip on F1's driver (issue 11, D1).
        (
            "POST",
            "/v1/fleet/trips/T-F2-1/assign".into(),
            Some(json!({"driver": "D1"}).to_string()),
            |w| match w {
                Who::Manager | Who::OtherManager => 404,
                _ => 403,
            },
        ),
        (
            "POST",
            "/v1/fleet/trips?driver=D2".into(),
            Some(f2_doc.to_string()),
            |w| match w {
                // Trip ids are per fleet (issue 11, D6): F1 may use the id F2 uses, with no
                // hint that F2 does; F2's trip is untouched (checked below).
                Who::Manager => 201,
                Who::OtherManager => 404, // D2 is not on F2's roster
                _ => 403,
            },
        ),
        (
            "POST",
            format!("/v1/fleet/trips/{id}/unassign"),
            None,
            |w| match w {
                Who::Manager => 204,
                Who::OtherManager => 404,
                _ => 403,
            },
        ),
        (
            "POST",
            format!("/v1/fleet/trips/{id}/cancel"),
            None,
            |w| match w {
                Who::Manager => 204,
                Who::OtherManager => 404,
                _ => 403,
            },
        ),
    ];
    let mut checked = 0;
    for (method, path, body, expect) in &cases {
        // Owners last: their calls may change state (unassign, cancel).
        let mut order: Vec<Who> = ALL
            .iter()
            .copied()
            .filter(|w| *w != Who::Driver && *w != Who::Manager)
            .collect();
        order.push(Who::Driver);
        order.push(Who::Manager);
        for who in order {
            let want = if unauth(who) { 401 } else { expect(who) };
            let got = send(method, path.clone(), who, body.clone()).await;
            assert_eq!(got, want, "{method} {path} as {who:?}");
            checked += 1;
        }
    }
    // F1's push of the id F2 uses made F1's own trip: F2's is still there, still D3's.
    let listed = client
        .get(format!("{base}/v1/fleet/trips"))
        .header("authorization", format!("Bearer {other_manager}"))
        .send()
        .await
        .expect("list");
    let f2: serde_json::Value =
        serde_json::from_str(&listed.text().await.expect("body")).expect("json");
    assert_eq!(f2[0]["id"], "T-F2-1");
    assert_eq!(f2[0]["driver"], "D3");
    // F2's trip never reached F1's drivers.
    for who in [Who::Driver, Who::OtherDriver] {
        assert_eq!(
            send("GET", "/v1/trips/F2:T-F2-1".into(), who, None).await,
            404
        );
    }
    // After the owner unassigned and cancelled: D1 no longer reads the trip.
    assert_eq!(
        send("GET", format!("/v1/trips/F1:{id}"), Who::Driver, None).await,
        404
    );
    println!("authorization matrix: {checked} endpoint × caller combinations checked");
    assert_eq!(checked, cases.len() * ALL.len());
}
