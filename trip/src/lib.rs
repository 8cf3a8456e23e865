//! # crossing-trip
//!
//! The trip document and its rules, with no I/O: what a fleet pushes and a phone shows. Both
//! the phone core (`crossing-core`) and the fleet server (`crossing-fleet`) build on it, so the
//! server accepts exactly what a phone reads and never compiles the phone's HTTP, SQLite or
//! barcode code.
//!
//! - [`model`]: the trip (format 1) and its parts; [`format`] parses it within [`limits`] and
//!   refuses customs credentials; [`validate`] holds it against the ACI and ACE rules.
//! - [`event`]: the driver's status events and the rules each must meet.
//! - [`protocol`]: the sync wire types shared with the server; [`customs`]: where customs
//!   stands for a trip, as it travels beside the trip.
//! - [`clock`]: the one seam for wall-clock time.
//! - [`error`]: document and input errors that name the field and the rule.
//!
//! The few functions the phone core calls once (`parse_trip`, `validate`, `normalize`, the event
//! checks) are `#[inline]`: across a crate boundary the size-optimized build stopped folding them
//! into their one caller, and the crate split cost the phone library 22 KB until they were
//! marked (measured with `scripts/size-budget.sh`; `docs/dependencies.md`).

pub mod clock;
pub mod customs;
pub mod error;
pub mod event;
pub mod format;
pub mod human;
pub mod limits;
pub mod model;
pub mod ports;
pub mod protocol;
pub mod validate;

pub use clock::{Clock, FixedClock, SharedClock, SystemClock};
pub use error::{Error, Issue, Rejection, Result, Severity};
pub use event::{EventInput, EventKind, Inspection};
pub use model::{Regime, Trip};
