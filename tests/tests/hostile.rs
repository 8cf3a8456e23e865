//! Hostile server answers (issue 5, bad input): a gzip bomb, an oversized body, deep nesting and
//! huge strings are refused with bounded memory, and a refused change page changes nothing.

use crossing_integration_tests::phone_at_examples_time;
use std::io::Write;

use crossing_core::protocol::ChangesPage;
use crossing_core::transport::{HttpTransport, Method, Request, Transport, MAX_RESPONSE_BYTES};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Peak resident memory of this process so far (VmHWM), in bytes.
fn peak_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

/// A loopback HTTP/1.1 server that answers every request with these headers and body.
async fn hostile(headers: &'static str, body: Vec<u8>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let body = std::sync::Arc::new(body);
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let body = std::sync::Arc::clone(&body);
            tokio::spawn(async move {
                let mut buf = vec![0u8; 16 * 1024];
                let mut seen = Vec::new();
                while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                    match sock.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => seen.extend_from_slice(&buf[..n]),
                    }
                }
                let head = format!(
                    "HTTP/1.1 200 OK\r\n{headers}content-length: {}\r\nconnection: close\r\n\r\n",
                    body.len()
                );
                let _ = sock.write_all(head.as_bytes()).await;
                let _ = sock.write_all(&body).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    format!("http://{addr}")
}

async fn get(url: &str) -> Result<usize, String> {
    let t = HttpTransport::new(url).expect("transport");
    t.send(Request {
        method: Method::Get,
        path: "/v1/changes".into(),
        headers: vec![],
        body: None,
    })
    .await
    .map(|r| r.body.len())
    .map_err(|e| e.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_bodies_are_refused_with_bounded_memory() {
    crossing_core::transport::install_crypto_provider();
    // 256 MiB of zeros, gzip-compressed to ~0.25 MB, streamed into the encoder 1 MiB at a time.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..256 {
        gz.write_all(&zeros).expect("compress");
    }
    let bomb = gz.finish().expect("gzip");
    let compressed = bomb.len();
    let before = peak_rss();
    let url = hostile(
        "content-type: application/json\r\ncontent-encoding: gzip\r\n",
        bomb,
    )
    .await;
    let err = get(&url).await.expect_err("a bomb is refused");
    assert!(err.contains("larger than"), "{err}");
    let grew = peak_rss().saturating_sub(before);
    println!(
        "gzip bomb: {compressed} B on the wire, 256 MiB inflated; refused at {MAX_RESPONSE_BYTES} B; peak memory grew {} MiB",
        grew / (1024 * 1024)
    );
    assert!(
        grew < 3 * MAX_RESPONSE_BYTES as u64,
        "memory grew {grew} bytes: the body was not cut at the cap"
    );
    // A plain body over the cap: refused too.
    let url = hostile(
        "content-type: application/json\r\n",
        vec![b' '; MAX_RESPONSE_BYTES + 1],
    )
    .await;
    let err = get(&url).await.expect_err("oversized is refused");
    assert!(err.contains("larger than"), "{err}");
    // Just under the cap is accepted whole.
    let url = hostile(
        "content-type: application/json\r\n",
        vec![b' '; 1024 * 1024],
    )
    .await;
    assert_eq!(get(&url).await, Ok(1024 * 1024));
    // Run after the memory measure: peak memory is per process, shared by parallel tests.
    deep_nesting_and_huge_strings_in_a_change_page_are_refused();
}

fn deep_nesting_and_huge_strings_in_a_change_page_are_refused() {
    // 100,000 levels of nesting: serde_json's recursion limit refuses it without a stack overflow.
    let deep = format!(
        "{{\"changes\": {}{}, \"next_cursor\": \"l.1\", \"has_more\": false, \"server_time\": \"x\"}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(serde_json::from_slice::<ChangesPage>(deep.as_bytes()).is_err());
    // The same inside a trip document (its failure path also parses untyped JSON to explain).
    let deep_trip = format!(
        "{{\"format\": 1, \"crew\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = crossing_core::format::parse_trip(deep_trip.as_bytes()).expect_err("too deep");
    println!("deep nesting in a trip document: {err}");
    let deep_value = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let err = serde_json::from_str::<serde_json::Value>(&deep_value).expect_err("too deep");
    assert!(err.to_string().contains("recursion limit"), "{err}");

    // A 15 MiB trip number (inside the transport cap): parsed, then refused by validation
    // before anything is stored, with the field named and the value not echoed in full.
    let mut doc: serde_json::Value = serde_json::from_slice(
        &std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/aci-trip.json"
        ))
        .expect("example"),
    )
    .expect("json");
    doc["tripNumber"] = "A".repeat(15 * 1024 * 1024).into();
    let page = serde_json::json!({
        "changes": [{"op": "upsert", "id": doc["id"], "version": 1, "trip": doc}],
        "next_cursor": "l.1", "has_more": false, "server_time": "2026-11-25T12:00:00Z"
    })
    .to_string();
    let page: ChangesPage = serde_json::from_slice(page.as_bytes()).expect("parses");
    let dir = tempfile::tempdir().expect("tempdir");
    let core = phone_at_examples_time(dir.path());
    let err = core
        .apply_page(&page, false)
        .expect_err("refused")
        .to_string();
    assert!(err.contains("tripNumber"), "names the field");
    assert!(
        err.len() < 4096,
        "the huge value is not echoed: {} bytes",
        err.len()
    );
    assert!(core.trips().expect("trips").is_empty(), "nothing stored");

    // A 1 MiB unknown field name: refused, the name cut in both the path and the reason.
    doc["tripNumber"] = "1234TRIP0001".into();
    doc.as_object_mut()
        .expect("object")
        .insert("K".repeat(1024 * 1024), 1.into());
    let err = core
        .import_trip_json(doc.to_string().as_bytes())
        .expect_err("unknown field")
        .to_string();
    assert!(
        err.contains("unknown field"),
        "{}",
        &err[..err.len().min(300)]
    );
    assert!(
        err.len() < 1024,
        "the huge name is not echoed: {} bytes",
        err.len()
    );
    assert!(core.trips().expect("trips").is_empty(), "nothing stored");
}
