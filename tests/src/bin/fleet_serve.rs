//! Test helper: the real fleet server (store + router) on a fixed loopback address, printing
//! `ready` once it listens. The server-crash test SIGKILLs it mid-upload and starts it again on
//! the same database file.
//!
//! Usage: `fleet_serve DB_FILE ADDRESS`

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [db, addr] = args.as_slice() else {
        eprintln!("usage: fleet_serve DB_FILE ADDRESS");
        std::process::exit(2);
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let conn = crossing_fleet::store::open(std::path::Path::new(db)).expect("store");
        let state = crossing_fleet::AppState::new(conn, crossing_fleet::Config::default());
        // tokio sets SO_REUSEADDR: the same port binds again right after a kill.
        let listener = tokio::net::TcpListener::bind(addr.as_str())
            .await
            .expect("bind");
        let mut out = std::io::stdout().lock();
        writeln!(out, "ready").expect("stdout");
        out.flush().expect("flush");
        drop(out);
        crossing_fleet::serve(listener, state).await.expect("serve");
    });
}
