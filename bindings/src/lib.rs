//! # crossing-ffi
//!
//! The uniffi facade of the Crossing core: the app's only native library (cdylib for Android,
//! staticlib for iOS). Conversion and delegation only; every decision lives in `crossing-core`.
//!
//! - One long-lived object, [`CrossingCore`], made with a [`CoreConfig`] and a [`TokenProvider`]
//!   the shell implements (the token lives in Keystore/Keychain, never in Rust storage).
//! - Records and enums for data; one error type, [`CoreError`], mapped in one place.
//! - Async only where there is I/O ([`CrossingCore::sync`]); it runs on a tokio runtime this
//!   crate owns, so no call depends on the caller's executor.
//!
//! One file per area, each with its own `#[uniffi::export] impl CrossingCore` block:
//! [`core`] (the object), [`trips`], [`codes`], [`events`], [`sync`]; [`error`] maps the
//! core's errors; [`runtime`] owns the tokio runtime; `testing` is behind `test-hooks`.
//!
//! Records and enums whose shape is the core's are the core's own types, exported with
//! `#[uniffi::remote]` (the compiler checks each stanza against the type), some under the name
//! the shells already use (`InspectionLevel` is `Inspection`, `BorderCodeKind` is `CodeKind`,
//! `StatusAction` is `status::Action`, `SyncPhase` is `SyncState`, `RecoveryReport` is
//! `Recovery`). Hand-written records remain only where the shape differs (`TripRow`,
//! `Manifest`, `TripStatus`, `BorderCode`, `StatusEvent`, `SyncStatus`, `SyncReport`).

pub mod app;
pub mod codes;
pub mod core;
pub mod error;
pub mod events;
pub mod paper;
pub mod runtime;
pub mod sync;
#[cfg(feature = "test-hooks")]
pub mod testing;
pub mod trips;

pub use crate::core::{CoreConfig, CrossingCore, RecoveryReport};
pub use app::*;
pub use codes::*;
pub use error::CoreError;
pub use events::*;
pub use paper::*;
pub use runtime::TaskHandle;
pub use sync::*;
pub use trips::*;

uniffi::setup_scaffolding!();

/// The core's version, for about screens and the server's version check.
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
