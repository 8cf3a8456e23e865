//! Validation of a trip against the eManifest rules in `docs/domain.md`
//! (each listed with its level in `docs/trip-format.md`).
//!
//! Rules with a source are errors; rules `docs/domain.md` marks unconfirmed (†, §7) are warnings.
//! Rules that depend on the clock (ETA in the past, 90-day window) are errors when the fleet
//! pushes a trip ([`Policy::fleet`]) and warnings on the phone ([`Policy::device`]): a phone
//! must still show a manifest whose ETA has passed, the truck may be at the border right now.
//!
//! Identifiers are upper-cased by [`normalize`] before validation, as `docs/domain.md` recommends;
//! leading or trailing spaces are refused, never trimmed.
//!
//! Issues on personal fields (names, dates of birth, document numbers, plates, party names and
//! addresses) carry no value, so no message or log line repeats personal data.
//!
//! Every rule is a Fluent message (`v-…` in `text/locales/*/validation.ftl`, plus the text rules
//! shared with the event inputs): an [`Issue`] carries it as [`Issue::msg`], for the phone and
//! the fleet server to word in the reader's language, and in English as [`Issue::rule`].

pub mod codes;
mod conveyance;
mod crew;
mod header;
mod lists;
mod shipments;

use std::collections::HashSet;

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use crossing_text::Msg;

use crate::error::{Issue, Rejection, Severity};
use crate::limits::MAX_ECHOED_CHARS;
use crate::model::{CrewRole, Person, Plate, Regime, Trip};

pub use lists::{ACE_SHIPMENT_TYPES, ACI_SHIPMENT_TYPES, TRAVEL_DOCUMENT_TYPES};
use lists::{LICENCE_TYPES, VAGUE_DESCRIPTIONS, WHTI_TYPES};

/// When the validator is run and how strict the clock-dependent rules are.
#[derive(Debug, Clone)]
pub struct Policy {
    /// The current time.
    pub now: DateTime<Utc>,
    /// Severity of rules that depend on the clock.
    pub time_rules: Severity,
    /// How far in the past an ETA may be before the past-ETA rule fires.
    pub eta_past_tolerance: chrono::Duration,
}

impl Policy {
    /// The phone receiving a trip the fleet already filed: clock rules only warn.
    pub fn device(now: DateTime<Utc>) -> Self {
        Policy {
            now,
            time_rules: Severity::Warning,
            eta_past_tolerance: chrono::Duration::hours(12),
        }
    }

    /// The fleet pushing a trip: clock rules are errors.
    pub fn fleet(now: DateTime<Utc>) -> Self {
        Policy {
            now,
            time_rules: Severity::Error,
            eta_past_tolerance: chrono::Duration::hours(1),
        }
    }
}

/// Everything validation found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Findings that refuse the trip.
    pub errors: Vec<Issue>,
    /// Findings shown to the driver; the trip is still accepted.
    pub warnings: Vec<Issue>,
}

impl Report {
    /// `Ok(warnings)` when there is no error, else the rejection.
    pub fn into_result(self) -> Result<Vec<Issue>, Rejection> {
        if self.errors.is_empty() {
            Ok(self.warnings)
        } else {
            Err(Rejection {
                errors: self.errors,
            })
        }
    }
}

/// Upper-cases every identifier and code of the trip, as the rules require before validating
/// or encoding. Free text (names, descriptions, addresses) is left as sent.
#[inline]
pub fn normalize(trip: &mut Trip) {
    fn up(s: &mut String) {
        if s.bytes().any(|b| b.is_ascii_lowercase()) {
            *s = s.to_ascii_uppercase();
        }
    }
    fn up_opt(s: &mut Option<String>) {
        if let Some(s) = s {
            up(s);
        }
    }
    fn plates(ps: &mut [Plate]) {
        for p in ps {
            up(&mut p.number);
            up(&mut p.jurisdiction);
            up(&mut p.country);
        }
    }
    up(&mut trip.trip_number);
    up(&mut trip.carrier_code);
    up_opt(&mut trip.authorizing_carrier_code);
    up_opt(&mut trip.sub_location);
    let c = &mut trip.conveyance;
    up(&mut c.type_code);
    up_opt(&mut c.vin);
    plates(&mut c.plates);
    c.seals.iter_mut().for_each(up);
    for t in &mut trip.trailers {
        up(&mut t.number);
        up(&mut t.type_code);
        plates(&mut t.plates);
        t.seals.iter_mut().for_each(up);
    }
    for p in &mut trip.crew {
        up_opt(&mut p.citizenship);
        for d in &mut p.travel_documents {
            up(&mut d.type_code);
            up(&mut d.number);
            up_opt(&mut d.jurisdiction);
            up_opt(&mut d.country);
        }
    }
    for s in &mut trip.shipments {
        up(&mut s.control_number);
        up(&mut s.type_code);
        up_opt(&mut s.scac);
        up_opt(&mut s.sub_location);
        up_opt(&mut s.province_of_loading);
        for party in [&mut s.shipper, &mut s.consignee] {
            up_opt(&mut party.address.state_province);
            up(&mut party.address.country);
        }
        for m in &mut s.commodities {
            up(&mut m.packaging_unit);
            up(&mut m.weight_unit);
            up_opt(&mut m.country_of_origin);
            if let Some(h) = &mut m.hazmat {
                up(&mut h.un_number);
            }
        }
    }
}

/// Validates a (normalized) trip and returns every finding.
#[inline]
pub fn validate(trip: &Trip, policy: &Policy) -> Report {
    let mut v = Validator {
        report: Report::default(),
        today: policy.now.date_naive(),
    };
    v.trip(trip, policy);
    v.report
}

/// The fleet server's extra check: every code the BorderConnect code lists hold (packaging
/// units, trailer and truck types, ports, release offices) is looked up, and an unknown one is
/// a warning naming its list, since the lists are dated. Not part of [`validate`]: the phone
/// receives trips the fleet already checked, and its library carries none of the lists.
pub fn code_list_warnings(trip: &Trip) -> Vec<Issue> {
    use codes::CodeList;
    let mut out = Vec::new();
    let mut check = |path: String, code: &str, known: bool, list: &str| {
        if !known {
            let msg = Msg::new("v-code-not-listed").arg("list", list);
            out.push(Issue {
                severity: Severity::Warning,
                path,
                value: Some(code.chars().take(MAX_ECHOED_CHARS).collect()),
                rule: msg.english(),
                msg: Some(msg),
            });
        }
    };
    let on = |list: &CodeList, code: &str| list.listed(code);
    let ports = match trip.regime {
        Regime::Aci => "BorderConnect's CBSA highway-port list (2020)",
        Regime::Ace => codes::US_PORTS.name,
    };
    let port_known = |code: &str| match trip.regime {
        Regime::Aci => crate::ports::ca_highway_port_name(code).is_some(),
        Regime::Ace => on(&codes::US_PORTS, code),
    };
    check(
        "portOfEntry".into(),
        &trip.port_of_entry,
        port_known(&trip.port_of_entry),
        ports,
    );
    let c = &trip.conveyance;
    check(
        "conveyance.type".into(),
        &c.type_code,
        on(&codes::TRUCK_TYPES, &c.type_code),
        codes::TRUCK_TYPES.name,
    );
    for (i, t) in trip.trailers.iter().enumerate() {
        check(
            format!("trailers[{i}].type"),
            &t.type_code,
            on(&codes::TRAILER_TYPES, &t.type_code),
            codes::TRAILER_TYPES.name,
        );
    }
    let units = match trip.regime {
        Regime::Aci => &codes::ACI_PACKAGING_UNITS,
        Regime::Ace => &codes::ACE_PACKAGING_UNITS,
    };
    for (i, s) in trip.shipments.iter().enumerate() {
        if let Some(p) = &s.port_of_entry {
            check(
                format!("shipments[{i}].portOfEntry"),
                p,
                port_known(p),
                ports,
            );
        }
        if let Some(o) = &s.release_office {
            check(
                format!("shipments[{i}].releaseOffice"),
                o,
                on(&codes::ACI_RELEASE_OFFICES, o),
                codes::ACI_RELEASE_OFFICES.name,
            );
        }
        for (j, g) in s.commodities.iter().enumerate() {
            check(
                format!("shipments[{i}].commodities[{j}].packagingUnit"),
                &g.packaging_unit,
                on(units, &g.packaging_unit),
                units.name,
            );
        }
    }
    out
}

/// Whether a personal value may appear in a message.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Show {
    Value,
    Hidden,
}

struct Validator {
    report: Report,
    today: NaiveDate,
}

fn upper_alnum(c: char) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit()
}

fn all(s: &str, f: impl Fn(char) -> bool) -> bool {
    s.chars().all(f)
}

fn len(s: &str) -> usize {
    s.chars().count()
}

fn digits(s: &str, n: usize) -> bool {
    len(s) == n && all(s, |c| c.is_ascii_digit())
}

fn iso_country(s: &str) -> bool {
    len(s) == 2 && all(s, |c| c.is_ascii_uppercase())
}

fn jurisdiction(s: &str) -> bool {
    (2..=3).contains(&len(s)) && all(s, upper_alnum)
}

/// A count or a length as a message's number argument.
fn num(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A value as `{:?}` shows it, without the quotes around it: the message writes the quotes
/// (`"{ $code }"`), so the English reads exactly as the rule always did, escapes included.
fn debug_inner(v: &(impl std::fmt::Debug + ?Sized)) -> String {
    let d = format!("{v:?}");
    // `str` and `char` debug forms start and end with an ASCII quote.
    d.get(1..d.len().saturating_sub(1))
        .unwrap_or_default()
        .to_string()
}

impl Validator {
    /// Records a finding: `msg` is the rule broken, worded in English for [`Issue::rule`] and
    /// kept as [`Issue::msg`] for the reader's language.
    fn push(&mut self, severity: Severity, path: &str, value: Option<&str>, show: Show, msg: Msg) {
        let issue = Issue {
            severity,
            path: path.to_string(),
            value: match show {
                Show::Value => value.map(shown),
                Show::Hidden => None,
            },
            rule: msg.english(),
            msg: Some(msg),
        };
        match severity {
            Severity::Error => self.report.errors.push(issue),
            Severity::Warning => self.report.warnings.push(issue),
        }
    }

    /// An error on `value` at `path`, breaking the rule of `msg`.
    fn err(&mut self, path: &str, value: &str, show: Show, msg: Msg) {
        self.push(Severity::Error, path, Some(value), show, msg);
    }

    /// A warning on `value` at `path`, breaking the rule of `msg`.
    fn warn(&mut self, path: &str, value: &str, show: Show, msg: Msg) {
        self.push(Severity::Warning, path, Some(value), show, msg);
    }

    /// An error at `path` with no value to show (a field missing, or one that must be absent).
    fn err_missing(&mut self, path: &str, msg: Msg) {
        self.push(Severity::Error, path, None, Show::Hidden, msg);
    }

    /// Length, whitespace and control-character rules shared by every text field.
    /// Returns false when the value is unusable so callers skip finer rules.
    fn text(&mut self, path: &str, value: &str, min: usize, max: usize, show: Show) -> bool {
        let n = len(value);
        if n < min || n > max {
            let msg = if min == max {
                Msg::new("v-length-exact")
                    .num("length", num(min))
                    .num("found", num(n))
            } else if n == 0 {
                Msg::new("v-length-empty").num("max", num(max))
            } else {
                Msg::new("v-length-range")
                    .num("min", num(min))
                    .num("max", num(max))
                    .num("found", num(n))
            };
            self.err(path, value, show, msg);
            return false;
        }
        if value.trim() != value {
            self.err(path, value, show, Msg::new("v-edge-space"));
            return false;
        }
        // The rule shared with the event inputs, worded by the same message.
        if let Some(id) = crate::limits::text_rule_id(value, false) {
            self.err(path, value, show, Msg::new(id));
            return false;
        }
        true
    }

    fn opt_text(&mut self, path: &str, value: &Option<String>, min: usize, max: usize, show: Show) {
        if let Some(v) = value {
            self.text(path, v, min, max, show);
        }
    }

    fn port(&mut self, path: &str, value: &str) {
        if !digits(value, 4) {
            self.err(path, value, Show::Value, Msg::new("v-port-digits"));
        }
    }

    fn country(&mut self, path: &str, value: &str, show: Show) {
        if !iso_country(value) {
            self.err(path, value, show, Msg::new("v-country-code"));
        }
    }

    fn not_for(&mut self, path: &str, present: bool, regime: Regime) {
        if present {
            self.err_missing(
                path,
                Msg::new("v-not-used-on").arg("regime", regime.as_str()),
            );
        }
    }

    fn trip(&mut self, t: &Trip, policy: &Policy) {
        // A fleet pushes ids of 1–64 characters; the phone gets them qualified with the fleet
        // (`<fleet>:<id>`, fleet ids being 1–64 too), hence 129 here.
        if self.text("id", &t.id, 1, 129, Show::Value)
            && !all(&t.id, |c| c.is_ascii_alphanumeric() || "._:-".contains(c))
        {
            self.err("id", &t.id, Show::Value, Msg::new("v-id-characters"));
        }
        if t.version == 0 {
            self.err("version", "0", Show::Value, Msg::new("v-version-min"));
        }
        match t.regime {
            Regime::Aci => self.aci_header(t),
            Regime::Ace => self.ace_header(t),
        }
        self.port("portOfEntry", &t.port_of_entry);
        self.eta(t, policy);
        if let Some(s) = &t.customs_status {
            if DateTime::parse_from_rfc3339(&s.reported_at).is_err() {
                self.err(
                    "customsStatus.reportedAt",
                    &s.reported_at,
                    Show::Value,
                    Msg::new("v-date-time-offset"),
                );
            }
            self.opt_text(
                "customsStatus.description",
                &s.description,
                1,
                500,
                Show::Value,
            );
        }
        self.conveyance(t);
        for (i, tr) in t.trailers.iter().enumerate() {
            let p = format!("trailers[{i}]");
            self.text(&format!("{p}.number"), &tr.number, 1, 17, Show::Value);
            self.type_code(&format!("{p}.type"), &tr.type_code);
            self.plates(&p, &tr.plates);
            self.seals(&p, &tr.seals);
        }
        self.crew(t);
        self.shipments(t);
    }
}

/// The value as shown in an issue: whole when short, else its start and its length.
fn shown(value: &str) -> String {
    let n = value.chars().count();
    if n <= MAX_ECHOED_CHARS {
        value.to_string()
    } else {
        let start: String = value.chars().take(MAX_ECHOED_CHARS - 16).collect();
        format!("{start}… ({n} characters)")
    }
}

#[cfg(test)]
mod code_list_tests {
    use super::*;

    fn example(name: &str) -> Trip {
        let path = format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"));
        let mut t = crate::format::parse_trip(&std::fs::read(path).unwrap()).unwrap();
        normalize(&mut t);
        t
    }

    #[test]
    fn the_examples_use_only_listed_codes() {
        for name in ["aci-trip.json", "ace-trip.json", "aci-trip-500.json"] {
            let w = code_list_warnings(&example(name));
            assert!(w.is_empty(), "{name}: {w:?}");
        }
    }

    #[test]
    fn an_unknown_code_is_a_warning_naming_its_list() {
        let mut t = example("aci-trip.json");
        t.shipments[0].commodities[0].packaging_unit = "ZZZ".into();
        t.trailers[0].type_code = "QQ".into();
        t.port_of_entry = "0999".into();
        let w: Vec<String> = code_list_warnings(&t)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            w,
            [
                "portOfEntry \"0999\": is not in BorderConnect's CBSA highway-port list (2020); the list is dated, so check the code",
                "trailers[0].type \"QQ\": is not in BorderConnect's trailer-type list (2026); the list is dated, so check the code",
                "shipments[0].commodities[0].packagingUnit \"ZZZ\": is not in BorderConnect's ACI packaging-unit list (2020); the list is dated, so check the code",
            ]
        );
        assert!(code_list_warnings(&t)
            .iter()
            .all(|i| i.severity == Severity::Warning));
    }
}

#[cfg(test)]
mod message_tests {
    use super::*;

    #[test]
    fn rules_read_in_english_as_they_always_did() {
        let cases = [
            (
                Msg::new("v-length-range")
                    .num("min", 1)
                    .num("max", 25)
                    .num("found", 123_456),
                "must be 1–25 characters (found 123456)",
            ),
            (
                Msg::new("v-length-exact")
                    .num("length", 4)
                    .num("found", 10_000),
                "must be exactly 4 characters (found 10000)",
            ),
            (
                Msg::new("v-carrier-prefix").arg("carrier", debug_inner("12\"4")),
                "must start with the trip's carrier code \"12\\\"4\"",
            ),
            (
                Msg::new("v-description-character").arg("character", debug_inner(&'\'')),
                "must not contain '\\'' (customs refuse ' : + !)",
            ),
            (
                Msg::new("v-description-character").arg("character", debug_inner(&':')),
                "must not contain ':' (customs refuse ' : + !)",
            ),
            (
                Msg::new("v-eta-lead-time")
                    .num("minutes", 30)
                    .arg("agency", "CBP"),
                "is less than 30 minutes away; CBP must have the manifest on file 30 minutes before arrival",
            ),
            (
                Msg::new("v-description-vague"),
                "too vague for customs; describe the goods plainly (e.g. \"steel bolts\")",
            ),
        ];
        for (msg, english) in cases {
            assert_eq!(msg.english(), english);
        }
        assert_eq!(debug_inner("a'b"), "a'b");
    }

    #[test]
    fn every_finding_carries_its_message() {
        let path = format!("{}/../examples/aci-trip.json", env!("CARGO_MANIFEST_DIR"));
        let mut t = crate::format::parse_trip(&std::fs::read(path).unwrap()).unwrap();
        t.trip_number = "X".into();
        t.shipments[0].commodities[0].description = "Bolts!".into();
        t.conveyance.unit_number = " 12".into();
        let now = chrono::Utc::now();
        let report = validate(&t, &Policy::fleet(now));
        assert!(report.errors.len() >= 3, "{report:?}");
        for issue in report.errors.iter().chain(&report.warnings) {
            let msg = issue.msg.as_ref().expect("a message");
            assert_eq!(msg.english(), issue.rule);
            for lang in crossing_text::Lang::SHIPPED {
                let worded = crossing_text::Text::new(lang).msg(msg);
                assert!(
                    !worded.contains(msg.id.as_ref()),
                    "{}: {worded}",
                    lang.tag()
                );
            }
        }
    }
}
