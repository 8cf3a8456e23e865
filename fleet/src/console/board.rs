//! The dispatcher's board: one row per trip, exceptions first, then by ETA; filters from the
//! URL query, so a bookmark is a saved view. Pure: rows are made from what the store read, in
//! the words of the language given.

use chrono::{DateTime, Datelike, TimeZone, Timelike, Utc};
use crossing_text::{tr, Text};
use crossing_trip::customs::CustomsSignal;
use crossing_trip::model::CustomsStatusCode;
use serde::Deserialize;

use crate::store::BoardTrip;

/// The board's filters, as the URL query carries them (every one optional; empty = any).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Filters {
    /// `active`, `cancelled`, or `exceptions` (trips with an exception).
    pub status: String,
    /// A flag or exception name (`stale_trip_version`, `not_matched`, …).
    pub flag: String,
    /// A driver id.
    pub driver: String,
    /// A port code.
    pub port: String,
    /// `ACI` or `ACE`.
    pub regime: String,
    /// ETA on or after this date (`YYYY-MM-DD`, the port's date).
    pub from: String,
    /// ETA on or before this date.
    pub to: String,
}

impl Filters {
    /// The query string that reproduces these filters (for links and the live refresh).
    pub fn query(&self) -> String {
        let pairs = [
            ("status", &self.status),
            ("flag", &self.flag),
            ("driver", &self.driver),
            ("port", &self.port),
            ("regime", &self.regime),
            ("from", &self.from),
            ("to", &self.to),
        ];
        pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", crate::client::encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Whether any filter is set.
    pub fn any(&self) -> bool {
        !self.query().is_empty()
    }
}

/// One exception of a trip, with the machine name a filter uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    /// `exception`, `stale_trip_version`, `sequence_gap`, `clock_skew`, `customs_rejected`,
    /// `customs_held`, `not_matched`, `not_sent`, `stale`.
    pub name: &'static str,
    /// The dispatcher's words.
    pub text: String,
    /// When the server learnt of it (RFC 3339), for the unread count.
    pub since: String,
}

/// One row of the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The fleet's trip id.
    pub id: String,
    /// CRN or ACE trip number.
    pub trip_number: String,
    /// `ACI` or `ACE`.
    pub regime: &'static str,
    /// First port of arrival.
    pub port: String,
    /// ETA in the port's zone, e.g. `Thu 26 Nov 14:30 EST` (`jeu. 26 nov. 14 h 30 EST`).
    pub eta: String,
    /// The ETA's date at the port (`YYYY-MM-DD`), for the date filters.
    pub eta_date: String,
    eta_sort: String,
    /// Assigned driver, if any.
    pub driver: Option<String>,
    /// The last status the driver recorded, and how long ago (`Arrived at border · 25 min ago`).
    pub last_status: String,
    /// Where customs stands, in words, or empty.
    pub customs: String,
    /// The server's flags on its events, deduplicated.
    pub flags: Vec<String>,
    /// What needs the dispatcher.
    pub exceptions: Vec<Exception>,
    /// Version.
    pub version: i64,
    /// `active` or `cancelled`.
    pub state: String,
}

impl Row {
    /// The exceptions as one line.
    pub fn exception_text(&self) -> String {
        self.exceptions
            .iter()
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn parse(at: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(at).ok().map(|t| t.to_utc())
}

/// `m` minutes in words: `3 min`, `2 h 5 min`, `6 h`, `3 d`.
fn duration(m: i64, w: &Text) -> String {
    match m {
        ..=59 => tr!(w, "console-duration-minutes", minutes = m.max(0)),
        60..=1439 if m % 60 == 0 => tr!(w, "console-duration-hours", hours = m / 60),
        60..=1439 => tr!(
            w,
            "console-duration-hours-minutes",
            hours = m / 60,
            minutes = m % 60
        ),
        _ => tr!(w, "console-duration-days", days = m / 1440),
    }
}

/// Minutes from `at` (RFC 3339) to `now`, none when `at` cannot be read.
fn minutes_since(at: &str, now: DateTime<Utc>) -> Option<i64> {
    parse(at).map(|t| (now - t).num_minutes().max(0))
}

/// `3 min ago`, `2 h 5 min ago`, `3 d ago`, `just now` (in `w`'s words).
pub fn age(at: &str, now: DateTime<Utc>, w: &Text) -> String {
    match minutes_since(at, now) {
        None => at.to_string(),
        Some(0) => w.t("time-just-now"),
        Some(m) => tr!(w, "console-ago", duration = duration(m, w)),
    }
}

/// An ETA in its port's zone with the zone's abbreviation (in `w`'s words), and the port's date.
pub fn eta(local: &str, zone: &str, w: &Text) -> (String, String, Option<DateTime<Utc>>) {
    let parsed = chrono::NaiveDateTime::parse_from_str(local, crossing_trip::model::ETA_FORMAT);
    match (parsed, zone.parse::<chrono_tz::Tz>()) {
        (Ok(naive), Ok(tz)) => match tz.from_local_datetime(&naive).earliest() {
            Some(at) => (
                w.day_time(
                    at.weekday().number_from_monday(),
                    at.day(),
                    at.month(),
                    &w.clock(at.hour(), at.minute()),
                    &at.format("%Z").to_string(),
                ),
                naive.format("%Y-%m-%d").to_string(),
                Some(at.to_utc()),
            ),
            None => (
                local.to_string(),
                naive.format("%Y-%m-%d").to_string(),
                None,
            ),
        },
        _ => (local.to_string(), local.chars().take(10).collect(), None),
    }
}

/// An event kind in words (the phone's), its machine name when this version does not know it.
fn kind_words(kind: &str, w: &Text) -> String {
    kind.parse::<crossing_trip::EventKind>()
        .map_or_else(|_| kind.replace('_', " "), |k| w.t(k.text_id()))
}

/// The flags that are exceptions on their own: (flag, message id).
const FLAG_EXCEPTIONS: &[(&str, &str)] = &[
    ("stale_trip_version", "console-exception-stale-trip-version"),
    ("sequence_gap", "console-exception-sequence-gap"),
    ("clock_skew", "console-exception-clock-skew"),
];

/// A board row from a trip and its events, at `now`, in `w`'s words.
pub fn row(t: &BoardTrip, now: DateTime<Utc>, stale_after: chrono::Duration, w: &Text) -> Row {
    let trip = &t.trip;
    let (eta_text, eta_date, eta_at) = eta(&trip.eta.local, &trip.eta.zone, w);
    let mut flags: Vec<String> = Vec::new();
    let mut exceptions: Vec<Exception> = Vec::new();
    // One line per kind of exception, dated by its latest occurrence; `text` is a message id.
    let note = |list: &mut Vec<Exception>, name: &'static str, text: &str, since: &str| match list
        .iter_mut()
        .find(|e| e.name == name)
    {
        Some(e) => e.since = since.to_string(),
        None => list.push(Exception {
            name,
            text: w.t(text),
            since: since.to_string(),
        }),
    };
    for (kind, _, received, fl) in &t.events {
        if kind == "exception" {
            note(
                &mut exceptions,
                "exception",
                "console-exception-reported",
                received,
            );
        }
        for f in fl {
            if !flags.contains(f) {
                flags.push(f.clone());
            }
            if let Some((name, text)) = FLAG_EXCEPTIONS.iter().find(|(n, _)| n == f) {
                note(&mut exceptions, name, text, received);
            }
        }
    }
    let mut customs = String::new();
    if let Some(c) = &t.customs {
        if let Some(s) = &c.trip {
            customs = s.display_in(trip.regime, w);
            match s.signal {
                Some(CustomsSignal::Rejected) => note(
                    &mut exceptions,
                    "customs_rejected",
                    "console-exception-customs-rejected",
                    &s.received_at,
                ),
                Some(CustomsSignal::ProviderError) => note(
                    &mut exceptions,
                    "not_sent",
                    "console-exception-not-sent",
                    &s.received_at,
                ),
                _ => {}
            }
        }
        for s in &c.shipments {
            let n = s.control_number.as_deref().unwrap_or("?");
            match s.signal {
                Some(CustomsSignal::NotMatched) => exceptions.push(Exception {
                    name: "not_matched",
                    text: tr!(w, "console-exception-not-matched", number = n),
                    since: s.received_at.clone(),
                }),
                Some(CustomsSignal::Rejected) => exceptions.push(Exception {
                    name: "customs_rejected",
                    text: tr!(w, "console-exception-shipment-rejected", number = n),
                    since: s.received_at.clone(),
                }),
                _ => {}
            }
        }
    }
    if let Some(c) = &trip.customs_status {
        if customs.is_empty() {
            customs = w.t(c.code.text_id());
        }
        let held = match c.code {
            CustomsStatusCode::Held => Some(("customs_held", "console-exception-customs-held")),
            CustomsStatusCode::Rejected => {
                Some(("customs_rejected", "console-exception-customs-rejected"))
            }
            _ => None,
        };
        if let Some((name, text)) = held {
            note(&mut exceptions, name, text, &c.reported_at);
        }
    }
    // A cancelled trip needs nobody any more: its old exceptions are history, not work.
    if t.state != "active" {
        exceptions.clear();
    }
    let last = t.events.last();
    let last_status = match last {
        Some((kind, _, received, _)) => tr!(
            w,
            "status-joined",
            first = kind_words(kind, w),
            second = age(received, now, w)
        ),
        None => w.t("console-no-event-yet"),
    };
    if t.state == "active" {
        let quiet_since = match last {
            Some((_, _, received, _)) => parse(received),
            None => eta_at,
        };
        let finished = last.is_some_and(|(k, ..)| k == "trip_finished");
        if let Some(since) = quiet_since.filter(|s| now - *s > stale_after && !finished) {
            exceptions.push(Exception {
                name: "stale",
                text: tr!(
                    w,
                    "console-exception-stale",
                    duration = duration((now - since).num_minutes(), w)
                ),
                since: (since + stale_after).to_rfc3339(),
            });
        }
    }
    Row {
        id: t.id.clone(),
        trip_number: trip.trip_number.clone(),
        regime: trip.regime.as_str(),
        port: trip.port_of_entry.clone(),
        eta: eta_text,
        eta_date,
        eta_sort: eta_at.map(|a| a.to_rfc3339()).unwrap_or_default(),
        driver: t.driver.clone(),
        last_status,
        customs,
        flags,
        exceptions,
        version: t.version,
        state: t.state.clone(),
    }
}

/// The rows that pass the filters: trips with exceptions first, then by ETA.
pub fn board(
    trips: &[BoardTrip],
    filters: &Filters,
    now: DateTime<Utc>,
    stale_after: chrono::Duration,
    w: &Text,
) -> Vec<Row> {
    let mut rows: Vec<Row> = trips
        .iter()
        .map(|t| row(t, now, stale_after, w))
        .filter(|r| keep(r, filters))
        .collect();
    rows.sort_by(|a, b| {
        (
            a.state != "active",
            a.exceptions.is_empty(),
            &a.eta_sort,
            &a.id,
        )
            .cmp(&(
                b.state != "active",
                b.exceptions.is_empty(),
                &b.eta_sort,
                &b.id,
            ))
    });
    rows
}

/// The rows of an already made board that pass the filters (the board made once serves both
/// the unread count, over every trip, and the filtered view).
pub fn filtered(rows: &[Row], filters: &Filters) -> Vec<Row> {
    rows.iter().filter(|r| keep(r, filters)).cloned().collect()
}

fn keep(r: &Row, f: &Filters) -> bool {
    let status = match f.status.as_str() {
        "" => true,
        "exceptions" => !r.exceptions.is_empty(),
        s => r.state == s,
    };
    let flag = f.flag.is_empty()
        || r.flags.contains(&f.flag)
        || r.exceptions.iter().any(|e| e.name == f.flag);
    status
        && flag
        && (f.driver.is_empty() || r.driver.as_deref() == Some(f.driver.as_str()))
        && (f.port.is_empty() || r.port == f.port)
        && (f.regime.is_empty() || r.regime.eq_ignore_ascii_case(&f.regime))
        && (f.from.is_empty() || r.eta_date.as_str() >= f.from.as_str())
        && (f.to.is_empty() || r.eta_date.as_str() <= f.to.as_str())
}

/// The board's stamp: the fleet's change stamp and every row's exceptions, so it moves when a
/// trip goes quiet too (time passing writes nothing). The live stream's event id.
pub fn stamp(fleet_stamp: &str, rows: &[Row]) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update(fleet_stamp.as_bytes());
    for r in rows {
        h.update(r.id.as_bytes());
        for e in &r.exceptions {
            h.update(e.name.as_bytes());
        }
        h.update(b"\n");
    }
    hex::encode(&h.finalize()[..8])
}

/// Rows whose newest exception arrived after `seen_at` (the unread-exceptions count).
pub fn unread(rows: &[Row], seen_at: &str) -> usize {
    let seen = parse(seen_at);
    rows.iter()
        .filter(|r| {
            r.exceptions
                .iter()
                .any(|e| parse(&e.since).zip(seen).is_some_and(|(s, seen)| s > seen))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> &'static Text {
        crate::words::text(crossing_text::Lang::En)
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn trip(id: &str, eta: &str, events: Vec<(&str, &str, Vec<&str>)>) -> BoardTrip {
        let mut doc: serde_json::Value =
            serde_json::from_str(include_str!("../../../examples/aci-trip.json")).unwrap();
        doc["id"] = id.into();
        doc["eta"]["local"] = eta.into();
        BoardTrip {
            id: id.into(),
            version: 1,
            state: "active".into(),
            driver: Some("D1".into()),
            trip: serde_json::from_value(doc).unwrap(),
            created_at: "2026-11-25T12:00:00Z".into(),
            events: events
                .into_iter()
                .map(|(k, r, f)| {
                    (
                        k.to_string(),
                        r.to_string(),
                        r.to_string(),
                        f.into_iter().map(str::to_string).collect(),
                    )
                })
                .collect(),
            customs: None,
        }
    }

    #[test]
    fn exceptions_come_first_then_eta_and_filters_narrow() {
        let now = at("2026-11-26T15:00:00Z");
        let trips = vec![
            trip(
                "A",
                "2026-11-26T09:00:00",
                vec![("departed_origin", "2026-11-26T14:50:00Z", vec![])],
            ),
            trip(
                "B",
                "2026-11-27T09:00:00",
                vec![(
                    "released",
                    "2026-11-26T14:55:00Z",
                    vec!["stale_trip_version"],
                )],
            ),
            trip(
                "C",
                "2026-11-26T08:00:00",
                vec![("exception", "2026-11-26T14:40:00Z", vec![])],
            ),
        ];
        let rows = board(
            &trips,
            &Filters::default(),
            now,
            chrono::Duration::hours(4),
            en(),
        );
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            ["C", "B", "A"],
            "exceptions first (by ETA), then the rest"
        );
        assert_eq!(rows[1].exception_text(), "event on an old trip version");
        assert_eq!(rows[2].eta, "Thu 26 Nov 09:00 EST");
        assert_eq!(rows[2].last_status, "Departed origin · 10 min ago");
        let f = Filters {
            flag: "stale_trip_version".into(),
            ..Filters::default()
        };
        assert_eq!(
            board(&trips, &f, now, chrono::Duration::hours(4), en()).len(),
            1
        );
        let f = Filters {
            from: "2026-11-27".into(),
            ..Filters::default()
        };
        assert_eq!(
            board(&trips, &f, now, chrono::Duration::hours(4), en())[0].id,
            "B"
        );
        assert_eq!(f.query(), "from=2026-11-27");
        assert_eq!(
            unread(&rows, "2026-11-26T14:45:00Z"),
            1,
            "only B's is newer"
        );
    }

    #[test]
    fn a_quiet_active_trip_is_stale() {
        let now = at("2026-11-26T20:00:00Z");
        let trips = vec![trip(
            "A",
            "2026-11-27T09:00:00",
            vec![("departed_origin", "2026-11-26T14:00:00Z", vec![])],
        )];
        let rows = board(
            &trips,
            &Filters::default(),
            now,
            chrono::Duration::hours(4),
            en(),
        );
        assert_eq!(rows[0].exceptions[0].name, "stale");
        assert_eq!(rows[0].exceptions[0].text, "no event for 6 h");
    }
}
