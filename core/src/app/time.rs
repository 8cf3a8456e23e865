//! Times as a driver reads them, in the driver's language: "14:37" ("14 h 37" in Canadian
//! French) in the phone's zone, "2 min ago", and an ETA in the port's own zone with its
//! abbreviation ("Wed 2 Dec 12:00 EST"). No view model carries RFC 3339 or UTC. The patterns
//! and the day and month names are messages of the catalogue ([`Text::clock`],
//! [`Text::day_time`]; ADR 0033).

use chrono::{DateTime, Datelike, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use crossing_text::{tr, Text};

/// The phone's zone from its IANA name (`TimeZone.getDefault().id`,
/// `TimeZone.current.identifier`); an unknown name falls back to UTC, said as such by `%Z`.
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

/// A zoned moment as the day and time, with the zone's abbreviation when `zoned`.
fn day_time<Z: TimeZone>(t: &Text, at: &DateTime<Z>, zoned: bool) -> String
where
    Z::Offset: std::fmt::Display,
{
    let clock = t.clock(at.hour(), at.minute());
    let zone = if zoned {
        at.format("%Z").to_string()
    } else {
        String::new()
    };
    t.day_time(
        at.weekday().number_from_monday(),
        at.day(),
        at.month(),
        &clock,
        &zone,
    )
}

/// A moment as a clock time in `zone`: "14:37" when it is on `now`'s day there, otherwise with
/// the weekday and date ("Wed 2 Dec 14:37").
pub fn clock_time(t: &Text, at: DateTime<Utc>, now: DateTime<Utc>, zone: Tz) -> String {
    let at = at.with_timezone(&zone);
    if at.date_naive() == now.with_timezone(&zone).date_naive() {
        t.clock(at.hour(), at.minute())
    } else {
        day_time(t, &at, false)
    }
}

/// An RFC 3339 moment as [`clock_time`]; text that does not parse is shown as it is.
pub fn clock_time_of(t: &Text, rfc3339: &str, now: DateTime<Utc>, zone: Tz) -> String {
    DateTime::parse_from_rfc3339(rfc3339).map_or_else(
        |_| rfc3339.to_string(),
        |at| clock_time(t, at.with_timezone(&Utc), now, zone),
    )
}

/// How long ago: "just now", "5 min ago", "3 h ago", then the clock time with its date.
pub fn ago(t: &Text, then: DateTime<Utc>, now: DateTime<Utc>, zone: Tz) -> String {
    let secs = (now - then).num_seconds();
    match secs {
        s if s < 60 => t.get("time-just-now", &[]),
        s if s < 3600 => tr!(t, "time-minutes-ago", minutes = s / 60),
        s if s < 24 * 3600 => tr!(t, "time-hours-ago", hours = s / 3600),
        _ => clock_time(t, then, now, zone),
    }
}

/// An ETA, a local date-time at the port in the port's IANA zone, as "Wed 2 Dec 12:00 EST"
/// (the port's clocks: a skipped time reads an hour later); text that does not parse is shown
/// as written with its zone.
pub fn eta(t: &Text, local: &str, zone_name: &str) -> String {
    match crossing_trip::human::eta_at(local, zone_name) {
        Some(at) => day_time(t, &at, true),
        None => tr!(
            t,
            "time-unreadable",
            time = local.replace('T', " "),
            zone = zone_name
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossing_text::Lang;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("time")
            .with_timezone(&Utc)
    }

    #[test]
    fn clock_times_are_local_and_dated_when_not_today() {
        let t = Text::default();
        let now = utc("2026-12-01T19:00:00Z");
        let toronto = zone("America/Toronto");
        assert_eq!(
            clock_time(&t, utc("2026-12-01T19:37:00Z"), now, toronto),
            "14:37"
        );
        assert_eq!(
            clock_time(&t, utc("2026-12-02T19:37:00Z"), now, toronto),
            "Wed 2 Dec 14:37"
        );
        assert_eq!(clock_time_of(&t, "not a time", now, toronto), "not a time");
        assert_eq!(zone("Mars/Olympus"), Tz::UTC);
    }

    #[test]
    fn ago_counts_minutes_then_hours_then_shows_the_date() {
        let t = Text::default();
        let now = utc("2026-12-01T19:00:00Z");
        let z = zone("America/Vancouver");
        assert_eq!(ago(&t, utc("2026-12-01T18:59:30Z"), now, z), "just now");
        assert_eq!(ago(&t, utc("2026-12-01T18:58:00Z"), now, z), "2 min ago");
        assert_eq!(ago(&t, utc("2026-12-01T16:00:00Z"), now, z), "3 h ago");
        assert_eq!(
            ago(&t, utc("2026-11-29T16:00:00Z"), now, z),
            "Sun 29 Nov 08:00"
        );
    }

    #[test]
    fn etas_carry_the_ports_zone_abbreviation_across_dst() {
        let t = Text::default();
        assert_eq!(
            eta(&t, "2026-12-02T12:00:00", "America/Toronto"),
            "Wed 2 Dec 12:00 EST"
        );
        assert_eq!(
            eta(&t, "2026-07-02T12:00:00", "America/Vancouver"),
            "Thu 2 Jul 12:00 PDT"
        );
        // 02:30 does not exist on 8 March 2026 in Toronto: the port's clocks read 03:30.
        assert_eq!(
            eta(&t, "2026-03-08T02:30:00", "America/Toronto"),
            "Sun 8 Mar 03:30 EDT"
        );
        assert_eq!(
            eta(&t, "garbage", "America/Toronto"),
            "garbage (America/Toronto)"
        );
        // The same as the printed sheets' English form.
        assert_eq!(
            eta(&t, "2026-12-02T12:00:00", "America/Toronto"),
            crossing_trip::human::eta("2026-12-02T12:00:00", "America/Toronto")
        );
    }

    #[test]
    fn canadian_french_reads_14_h_30_in_the_ports_zone() {
        let fr = Text::new(Lang::FrCa);
        let s = eta(&fr, "2026-12-02T14:30:00", "America/Montreal");
        assert!(s.contains("14 h 30") && s.ends_with("EST"), "{s}");
        assert!(s.contains("déc"), "{s}");
        let now = utc("2026-12-01T19:00:00Z");
        assert_eq!(
            clock_time(
                &fr,
                utc("2026-12-01T19:37:00Z"),
                now,
                zone("America/Toronto")
            ),
            "14 h 37"
        );
    }
}
