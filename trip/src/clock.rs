//! The one seam through which Crossing reads the wall clock.
//!
//! Everything that depends on "now" — validation's ETA and document-expiry rules, the time an
//! event is recorded, a cache row's `received_at`, `Retry-After` dates, the sync state's
//! "retry at", the fleet server's received times and skew flags, the demo's ETAs — asks a
//! [`Clock`]. Production code passes [`SystemClock`]; tests and `crossing --now` pass a
//! [`FixedClock`], so nothing that runs depends on the date it runs on.
//!
//! Monotonic time (backoff sleeps, deadlines, timeouts) is not wall-clock time and stays on
//! `std::time::Instant` / `tokio::time::Instant`.

use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, FixedOffset, Local, Utc};

/// A source of the current date and time.
pub trait Clock: Send + Sync + Debug {
    /// Now, with the offset of the device's local zone (events are stamped with it).
    fn now(&self) -> DateTime<FixedOffset>;

    /// Now, in UTC.
    fn now_utc(&self) -> DateTime<Utc> {
        self.now().with_timezone(&Utc)
    }
}

/// A clock shared by a core, its sync engine or a server.
pub type SharedClock = Arc<dyn Clock>;

/// The operating system's clock, in the system's local zone.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// The system clock, shared.
pub fn system() -> SharedClock {
    Arc::new(SystemClock)
}

/// A clock that stands still at a given instant until it is set or advanced.
#[derive(Debug)]
pub struct FixedClock {
    at: Mutex<DateTime<FixedOffset>>,
}

impl FixedClock {
    /// A clock showing `at` (its offset is the "device's local zone").
    pub fn new(at: DateTime<FixedOffset>) -> Arc<Self> {
        Arc::new(FixedClock { at: Mutex::new(at) })
    }

    /// A clock showing an RFC 3339 instant, e.g. `2026-11-25T08:00:00-05:00`.
    pub fn parse(rfc3339: &str) -> Result<Arc<Self>, String> {
        DateTime::parse_from_rfc3339(rfc3339)
            .map(FixedClock::new)
            .map_err(|e| format!("{rfc3339:?} is not an RFC 3339 date-time ({e})"))
    }

    /// Moves the clock to `at`.
    pub fn set(&self, at: DateTime<FixedOffset>) {
        *self.guard() = at;
    }

    /// Moves the clock forward (or back, with a negative duration).
    pub fn advance(&self, by: Duration) {
        let mut at = self.guard();
        *at += by;
    }

    fn guard(&self) -> std::sync::MutexGuard<'_, DateTime<FixedOffset>> {
        // A DateTime is always valid, so a poisoned lock still holds a usable value.
        self.at
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        *self.guard()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_stands_still_until_moved() {
        let c = FixedClock::parse("2026-11-25T08:00:00-05:00").unwrap();
        assert_eq!(c.now().to_rfc3339(), "2026-11-25T08:00:00-05:00");
        assert_eq!(c.now_utc().to_rfc3339(), "2026-11-25T13:00:00+00:00");
        c.advance(Duration::hours(30));
        assert_eq!(c.now().to_rfc3339(), "2026-11-26T14:00:00-05:00");
        c.set(DateTime::parse_from_rfc3339("2030-01-01T00:00:00Z").unwrap());
        assert_eq!(c.now_utc().to_rfc3339(), "2030-01-01T00:00:00+00:00");
    }

    #[test]
    fn fixed_clock_names_a_bad_instant() {
        let e = FixedClock::parse("tomorrow").unwrap_err();
        assert!(e.contains("\"tomorrow\" is not an RFC 3339"), "{e}");
    }
}
