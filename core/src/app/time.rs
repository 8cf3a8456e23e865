//! Times as a driver reads them: "14:37" in the phone's zone, "2 min ago", and an ETA in the
//! port's own zone with its abbreviation ("Wed 2 Dec 12:00 EST"). No view model carries
//! RFC 3339 or UTC.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// The phone's zone from its IANA name (`TimeZone.getDefault().id`,
/// `TimeZone.current.identifier`); an unknown name falls back to UTC, said as such by `%Z`.
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

/// A moment as a clock time in `zone`: "14:37" when it is on `now`'s day there, otherwise with
/// the weekday and date ("Wed 2 Dec 14:37").
pub fn clock_time(at: DateTime<Utc>, now: DateTime<Utc>, zone: Tz) -> String {
    let at = at.with_timezone(&zone);
    if at.date_naive() == now.with_timezone(&zone).date_naive() {
        at.format("%H:%M").to_string()
    } else {
        at.format("%a %-d %b %H:%M").to_string()
    }
}

/// An RFC 3339 moment as [`clock_time`]; text that does not parse is shown as it is.
pub fn clock_time_of(rfc3339: &str, now: DateTime<Utc>, zone: Tz) -> String {
    DateTime::parse_from_rfc3339(rfc3339).map_or_else(
        |_| rfc3339.to_string(),
        |t| clock_time(t.with_timezone(&Utc), now, zone),
    )
}

/// How long ago: "just now", "5 min ago", "3 h ago", then the clock time with its date.
pub fn ago(then: DateTime<Utc>, now: DateTime<Utc>, zone: Tz) -> String {
    let secs = (now - then).num_seconds();
    match secs {
        s if s < 60 => "just now".into(),
        s if s < 3600 => format!("{} min ago", s / 60),
        s if s < 24 * 3600 => format!("{} h ago", s / 3600),
        _ => clock_time(then, now, zone),
    }
}

pub use crossing_trip::human::eta;

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("time")
            .with_timezone(&Utc)
    }

    #[test]
    fn clock_times_are_local_and_dated_when_not_today() {
        let now = utc("2026-12-01T19:00:00Z");
        let toronto = zone("America/Toronto");
        assert_eq!(
            clock_time(utc("2026-12-01T19:37:00Z"), now, toronto),
            "14:37"
        );
        assert_eq!(
            clock_time(utc("2026-12-02T19:37:00Z"), now, toronto),
            "Wed 2 Dec 14:37"
        );
        assert_eq!(clock_time_of("not a time", now, toronto), "not a time");
        assert_eq!(zone("Mars/Olympus"), Tz::UTC);
    }

    #[test]
    fn ago_counts_minutes_then_hours_then_shows_the_date() {
        let now = utc("2026-12-01T19:00:00Z");
        let z = zone("America/Vancouver");
        assert_eq!(ago(utc("2026-12-01T18:59:30Z"), now, z), "just now");
        assert_eq!(ago(utc("2026-12-01T18:58:00Z"), now, z), "2 min ago");
        assert_eq!(ago(utc("2026-12-01T16:00:00Z"), now, z), "3 h ago");
        assert_eq!(ago(utc("2026-11-29T16:00:00Z"), now, z), "Sun 29 Nov 08:00");
    }

    #[test]
    fn etas_carry_the_ports_zone_abbreviation_across_dst() {
        assert_eq!(
            eta("2026-12-02T12:00:00", "America/Toronto"),
            "Wed 2 Dec 12:00 EST"
        );
        assert_eq!(
            eta("2026-07-02T12:00:00", "America/Vancouver"),
            "Thu 2 Jul 12:00 PDT"
        );
        // 02:30 does not exist on 8 March 2026 in Toronto: the port's clocks read 03:30.
        assert_eq!(
            eta("2026-03-08T02:30:00", "America/Toronto"),
            "Sun 8 Mar 03:30 EDT"
        );
        assert_eq!(
            eta("garbage", "America/Toronto"),
            "garbage (America/Toronto)"
        );
    }
}
