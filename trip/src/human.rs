//! Times as a driver or an officer reads them, shared by the phone's screens and the printed
//! sheets.

use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Tz;

/// An ETA, a local date-time at the port (`2026-12-02T12:00:00`) in the port's IANA zone, as
/// "Wed 2 Dec 12:00 EST". A time the zone skips (spring forward) is read an hour later, as the
/// port's clocks show it; text that does not parse is shown as it is.
pub fn eta(local: &str, zone_name: &str) -> String {
    match eta_at(local, zone_name) {
        Some(t) => t.format("%a %-d %b %H:%M %Z").to_string(),
        None => format!("{} ({zone_name})", local.replace('T', " ")),
    }
}

/// The moment of an ETA in the port's zone, as [`eta`] reads it (a skipped local time an hour
/// later); `None` when the time or the zone does not parse.
pub fn eta_at(local: &str, zone_name: &str) -> Option<chrono::DateTime<Tz>> {
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S").ok()?;
    let zone = zone_name.parse::<Tz>().ok()?;
    zone.from_local_datetime(&naive).earliest().or_else(|| {
        zone.from_local_datetime(&(naive + chrono::Duration::hours(1)))
            .earliest()
    })
}

/// When a sheet was made, in the port's zone: "Tue 1 Dec 2026 09:05 EST" (UTC when the zone
/// is unknown).
pub fn made_at(now: chrono::DateTime<chrono::Utc>, zone_name: &str) -> String {
    let zone: Tz = zone_name.parse().unwrap_or(Tz::UTC);
    now.with_timezone(&zone)
        .format("%a %-d %b %Y %H:%M %Z")
        .to_string()
}
