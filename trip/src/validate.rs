//! Validation of a trip against the eManifest rules in `research/domain.md`
//! ("Validation rules a core library should enforce").
//!
//! Rules with a source are errors; rules the research marks unconfirmed (†) are warnings.
//! Rules that depend on the clock (ETA in the past, 90-day window) are errors when the fleet
//! pushes a trip ([`Policy::fleet`]) and warnings on the phone ([`Policy::device`]): a phone
//! must still show a manifest whose ETA has passed, the truck may be at the border right now.
//!
//! Identifiers are upper-cased by [`normalize`] before validation, as the research says;
//! leading or trailing spaces are refused, never trimmed.
//!
//! Issues on personal fields (names, dates of birth, document numbers, plates, party names and
//! addresses) carry no value, so no message or log line repeats personal data.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};

use crate::error::{Issue, Rejection, Severity};
use crate::limits::MAX_ECHOED_CHARS;
use crate::model::{CrewRole, Person, Plate, Regime, Trip};

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

/// ACI shipment types (BorderConnect `ca/aci/shipment-types.json`).
pub const ACI_SHIPMENT_TYPES: &[&str] = &[
    "PARS",
    "CSA",
    "BOND",
    "E29B",
    "ATA",
    "OIC",
    "PG",
    "A49",
    "PAPER_RMD",
    "PAPER_B3",
    "ASTRAY",
    "MILITARY",
    "VI",
    "MP",
    "ALR",
];
/// ACE shipment types (BorderConnect `us/ace/shipment-types.json`).
pub const ACE_SHIPMENT_TYPES: &[&str] = &[
    "PAPS",
    "IN_BOND",
    "QP_IN_BOND",
    "GOODS_ASTRAY",
    "INTANGIBLES",
    "ATTACHED_CF7523",
    "ATTACHED_CF3311",
    "ATTACHED_CF3299",
    "CARNET",
];
/// Travel document type codes (BorderConnect `travel-document-types.json`).
pub const TRAVEL_DOCUMENT_TYPES: &[&str] = &[
    "5K", "5J", "6W", "ACW", "AEF", "AEW", "ALV", "BCP", "AGS", "ACU", "AGR", "ALR", "REP", "RTP",
    "30", "AGT", "BCN", "CON", "CDN", "AAG", "ALX", "ALY", "OTD", "HD",
];
/// Licence-type documents, issued by a state or province.
const LICENCE_TYPES: &[&str] = &["5K", "5J", "6W"];
/// Documents that satisfy WHTI next to a CDL (passport, passport card, trusted-traveller
/// cards, enhanced licence, PR and alien-registration cards, BCC, mariner and military IDs).
const WHTI_TYPES: &[&str] = &[
    "ACW", "AEF", "AEW", "ALV", "6W", "AGS", "ACU", "AGR", "ALR", "BCP", "ALX", "AAG",
];
/// Descriptions CBP lists as unacceptable on their own.
const VAGUE_DESCRIPTIONS: &[&str] = &[
    "PARTS",
    "EQUIPMENT",
    "CHEMICALS",
    "GENERAL MERCHANDISE",
    "CONSOLIDATED",
    "FOODSTUFFS",
    "FAK",
    "FREIGHT ALL KINDS",
    "STC",
    "SAID TO CONTAIN",
    "MISC",
    "MISCELLANEOUS",
    "GOODS",
];

/// Upper-cases every identifier and code of the trip, as the rules require before validating
/// or encoding. Free text (names, descriptions, addresses) is left as sent.
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
pub fn validate(trip: &Trip, policy: &Policy) -> Report {
    let mut v = Validator {
        report: Report::default(),
        today: policy.now.date_naive(),
    };
    v.trip(trip, policy);
    v.report
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

impl Validator {
    fn push(
        &mut self,
        severity: Severity,
        path: &str,
        value: Option<&str>,
        show: Show,
        rule: String,
    ) {
        let issue = Issue {
            severity,
            path: path.to_string(),
            value: match show {
                Show::Value => value.map(shown),
                Show::Hidden => None,
            },
            rule,
        };
        match severity {
            Severity::Error => self.report.errors.push(issue),
            Severity::Warning => self.report.warnings.push(issue),
        }
    }

    fn err(&mut self, path: &str, value: &str, show: Show, rule: impl Into<String>) {
        self.push(Severity::Error, path, Some(value), show, rule.into());
    }

    fn warn(&mut self, path: &str, value: &str, show: Show, rule: impl Into<String>) {
        self.push(Severity::Warning, path, Some(value), show, rule.into());
    }

    fn err_missing(&mut self, path: &str, rule: impl Into<String>) {
        self.push(Severity::Error, path, None, Show::Hidden, rule.into());
    }

    /// Length, whitespace and control-character rules shared by every text field.
    /// Returns false when the value is unusable so callers skip finer rules.
    fn text(&mut self, path: &str, value: &str, min: usize, max: usize, show: Show) -> bool {
        let n = len(value);
        if n < min || n > max {
            let rule = if min == max {
                format!("must be exactly {min} characters (found {n})")
            } else if n == 0 {
                format!("must not be empty (1–{max} characters)")
            } else {
                format!("must be {min}–{max} characters (found {n})")
            };
            self.err(path, value, show, rule);
            return false;
        }
        if value.trim() != value {
            self.err(path, value, show, "must not start or end with a space");
            return false;
        }
        if let Some(rule) = crate::limits::text_rule(value, false) {
            self.err(path, value, show, rule);
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
            self.err(
                path,
                value,
                Show::Value,
                "must be 4 digits with leading zeros (e.g. 0453)",
            );
        }
    }

    fn country(&mut self, path: &str, value: &str, show: Show) {
        if !iso_country(value) {
            self.err(
                path,
                value,
                show,
                "must be an ISO 3166-1 alpha-2 country code (2 letters)",
            );
        }
    }

    fn not_for(&mut self, path: &str, present: bool, regime: Regime) {
        if present {
            self.err_missing(path, format!("is not used on {} trips", regime.as_str()));
        }
    }

    fn trip(&mut self, t: &Trip, policy: &Policy) {
        // A fleet pushes ids of 1–64 characters; the phone gets them qualified with the fleet
        // (`<fleet>:<id>`, fleet ids being 1–64 too), hence 129 here.
        if self.text("id", &t.id, 1, 129, Show::Value)
            && !all(&t.id, |c| c.is_ascii_alphanumeric() || "._:-".contains(c))
        {
            self.err(
                "id",
                &t.id,
                Show::Value,
                "may hold only letters, digits and . _ : -",
            );
        }
        if t.version == 0 {
            self.err("version", "0", Show::Value, "must be 1 or more");
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
                    "must be an RFC 3339 date-time with offset",
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

    fn aci_header(&mut self, t: &Trip) {
        let code_ok = self.carrier_code("carrierCode", &t.carrier_code);
        if let Some(a) = &t.authorizing_carrier_code {
            self.carrier_code("authorizingCarrierCode", a);
        }
        let tn = &t.trip_number;
        let shape = len(tn) >= 8
            && len(tn) <= 25
            && tn
                .get(..4)
                .is_some_and(|p| all(p, |c| upper_alnum(c) || c == '-'))
            && tn.get(4..).is_some_and(|rest| all(rest, upper_alnum));
        if !shape {
            self.err(
                "tripNumber",
                tn,
                Show::Value,
                "an ACI CRN is the 4-character carrier code followed by 4–21 letters or digits (8–25 characters)",
            );
        } else if code_ok {
            let prefix = tn.get(..4).unwrap_or_default();
            let auth = t.authorizing_carrier_code.as_deref();
            if prefix != t.carrier_code && Some(prefix) != auth {
                let rule = match auth {
                    Some(a) => format!(
                        "must start with the trip's carrier code {:?} or the authorizing carrier's {:?}",
                        t.carrier_code, a
                    ),
                    None => format!("must start with the trip's carrier code {:?}", t.carrier_code),
                };
                self.err("tripNumber", tn, Show::Value, rule);
            }
        }
        if tn.contains("PARS") {
            self.warn(
                "tripNumber",
                tn,
                Show::Value,
                "looks like a PARS number; a CRN must not be a PARS or cargo control number",
            );
        }
        if let Some(s) = &t.sub_location {
            if self.text("subLocation", s, 1, 25, Show::Value) && !all(s, upper_alnum) {
                self.err(
                    "subLocation",
                    s,
                    Show::Value,
                    "may hold only letters and digits",
                );
            }
        }
    }

    fn carrier_code(&mut self, path: &str, code: &str) -> bool {
        let ok = len(code) == 4 && all(code, |c| upper_alnum(c) || c == '-');
        if !ok {
            self.err(
                path,
                code,
                Show::Value,
                "a CBSA carrier code is exactly 4 letters, digits or dashes",
            );
        }
        ok
    }

    fn ace_header(&mut self, t: &Trip) {
        let scac = &t.carrier_code;
        let scac_ok = (2..=4).contains(&len(scac)) && all(scac, |c| c.is_ascii_uppercase());
        if !scac_ok {
            self.err("carrierCode", scac, Show::Value, "a SCAC is 2–4 letters");
        } else {
            if len(scac) != 4 {
                self.warn(
                    "carrierCode",
                    scac,
                    Show::Value,
                    "highway carriers are assigned 4-letter SCACs",
                );
            }
            if scac.ends_with(['U', 'X', 'Z']) {
                self.warn(
                    "carrierCode",
                    scac,
                    Show::Value,
                    "SCACs ending in U, X or Z are equipment codes, not carriers",
                );
            }
        }
        self.not_for(
            "authorizingCarrierCode",
            t.authorizing_carrier_code.is_some(),
            Regime::Ace,
        );
        self.not_for("subLocation", t.sub_location.is_some(), Regime::Ace);
        let tn = &t.trip_number;
        let letters = tn.chars().take_while(char::is_ascii_uppercase).count();
        let shape = len(tn) <= 25 && all(tn, upper_alnum) && letters >= 2 && len(tn) >= 6;
        if !shape {
            self.err(
                "tripNumber",
                tn,
                Show::Value,
                "an ACE trip number is the SCAC followed by 4–21 letters or digits (at most 25 characters)",
            );
        } else if scac_ok && !(tn.starts_with(scac.as_str()) && len(tn) >= len(scac) + 4) {
            self.err(
                "tripNumber",
                tn,
                Show::Value,
                format!(
                    "must start with the trip's SCAC {scac:?} followed by 4–21 letters or digits"
                ),
            );
        }
    }

    fn eta(&mut self, t: &Trip, policy: &Policy) {
        let Some(local) = t.eta_local() else {
            self.err(
                "eta.local",
                &t.eta.local,
                Show::Value,
                "must be a local date-time YYYY-MM-DDTHH:MM:SS",
            );
            return;
        };
        let Ok(zone) = t.eta.zone.parse::<chrono_tz::Tz>() else {
            self.err(
                "eta.zone",
                &t.eta.zone,
                Show::Value,
                "must be the IANA zone of a land port of entry, such as America/Toronto (docs/trip-format.md lists them)",
            );
            return;
        };
        let Some(at) = zone.from_local_datetime(&local).earliest() else {
            self.err(
                "eta.local",
                &t.eta.local,
                Show::Value,
                "does not exist in that time zone (daylight-saving gap)",
            );
            return;
        };
        let at = at.with_timezone(&Utc);
        let sev = policy.time_rules;
        if at < policy.now - policy.eta_past_tolerance {
            self.push(
                sev,
                "eta.local",
                Some(&t.eta.local),
                Show::Value,
                "is in the past".into(),
            );
            return;
        }
        if t.regime == Regime::Aci && at > policy.now + chrono::Duration::days(90) {
            self.push(
                sev,
                "eta.local",
                Some(&t.eta.local),
                Show::Value,
                "ACI cargo data may be sent at most 90 days before arrival".into(),
            );
        }
        let all_fast = !t.crew.is_empty()
            && t.crew
                .iter()
                .filter(|p| p.role == CrewRole::Driver)
                .all(|p| p.fast_card_number.is_some());
        let lead = if t.regime == Regime::Ace && all_fast {
            30
        } else {
            60
        };
        if at >= policy.now && at < policy.now + chrono::Duration::minutes(lead) {
            self.warn(
                "eta.local",
                &t.eta.local,
                Show::Value,
                format!(
                    "is less than {lead} minutes away; {} must have the manifest on file {lead} minutes before arrival",
                    t.regime.agency()
                ),
            );
        }
    }

    fn type_code(&mut self, path: &str, code: &str) {
        if !(len(code) == 2 && all(code, upper_alnum)) {
            self.err(
                path,
                code,
                Show::Value,
                "must be a 2-character type code (e.g. TR, TL)",
            );
        }
    }

    fn plates(&mut self, owner: &str, plates: &[Plate]) {
        for (i, p) in plates.iter().enumerate() {
            let path = format!("{owner}.plates[{i}]");
            if self.text(&format!("{path}.number"), &p.number, 1, 10, Show::Hidden)
                && !all(&p.number, |c| upper_alnum(c) || c == ' ' || c == '-')
            {
                self.err(
                    &format!("{path}.number"),
                    &p.number,
                    Show::Hidden,
                    "may hold only letters, digits, spaces and dashes",
                );
            }
            if !jurisdiction(&p.jurisdiction) {
                self.err(
                    &format!("{path}.jurisdiction"),
                    &p.jurisdiction,
                    Show::Value,
                    "must be a 2–3 character state or province code",
                );
            }
            self.country(&format!("{path}.country"), &p.country, Show::Value);
        }
    }

    fn seals(&mut self, owner: &str, seals: &[String]) {
        for (i, s) in seals.iter().enumerate() {
            self.text(&format!("{owner}.seals[{i}]"), s, 1, 15, Show::Value);
        }
    }

    fn conveyance(&mut self, t: &Trip) {
        let c = &t.conveyance;
        self.text("conveyance.unitNumber", &c.unit_number, 1, 17, Show::Value);
        self.type_code("conveyance.type", &c.type_code);
        match (&c.vin, t.regime) {
            (None, Regime::Ace) => {
                self.err_missing("conveyance.vin", "is required for ACE (17 characters)")
            }
            (None, Regime::Aci) => {}
            (Some(vin), _) => {
                if len(vin) != 17 || !all(vin, upper_alnum) {
                    self.err(
                        "conveyance.vin",
                        vin,
                        Show::Value,
                        "must be 17 letters or digits",
                    );
                } else if vin.contains(['I', 'O', 'Q']) {
                    self.warn(
                        "conveyance.vin",
                        vin,
                        Show::Value,
                        "VINs do not normally contain I, O or Q (ISO 3779)",
                    );
                }
            }
        }
        if let Some(dot) = &c.dot_number {
            if dot.is_empty() || len(dot) > 8 || !all(dot, |c| c.is_ascii_digit()) {
                self.err(
                    "conveyance.dotNumber",
                    dot,
                    Show::Value,
                    "must be 1–8 digits",
                );
            }
        }
        match t.regime {
            Regime::Aci if c.plates.len() > 1 => self.err_missing(
                "conveyance.plates",
                format!("ACI takes one truck plate (found {})", c.plates.len()),
            ),
            Regime::Ace if c.plates.is_empty() || c.plates.len() > 2 => self.err_missing(
                "conveyance.plates",
                format!("ACE needs 1 or 2 truck plates (found {})", c.plates.len()),
            ),
            _ => {}
        }
        self.plates("conveyance", &c.plates);
        if t.regime == Regime::Ace {
            for (i, p) in c.plates.iter().enumerate() {
                let compact = p.number.chars().filter(|c| upper_alnum(*c)).count();
                if compact > 7 {
                    self.warn(
                        &format!("conveyance.plates[{i}].number"),
                        &p.number,
                        Show::Hidden,
                        "longer than the 7 plate characters of the ACE QR layout; the ACE QR cannot be drawn",
                    );
                }
            }
        }
        self.seals("conveyance", &c.seals);
    }

    fn crew(&mut self, t: &Trip) {
        for (i, p) in t.crew.iter().enumerate() {
            self.person(t, i, p);
        }
        if t.regime == Regime::Ace && !t.crew.iter().any(|p| p.role == CrewRole::Driver) {
            self.err_missing("crew", "ACE needs at least one driver");
        }
    }

    fn person(&mut self, t: &Trip, i: usize, p: &Person) {
        let path = format!("crew[{i}]");
        self.text(
            &format!("{path}.firstName"),
            &p.first_name,
            1,
            30,
            Show::Hidden,
        );
        self.text(
            &format!("{path}.lastName"),
            &p.last_name,
            1,
            30,
            Show::Hidden,
        );
        if let Some(dob) = &p.date_of_birth {
            let dpath = format!("{path}.dateOfBirth");
            match NaiveDate::parse_from_str(dob, "%Y-%m-%d") {
                Err(_) => self.err(&dpath, dob, Show::Hidden, "must be a date YYYY-MM-DD"),
                Ok(d) => {
                    let today = self.today;
                    if d >= today {
                        self.err(&dpath, dob, Show::Hidden, "must be in the past");
                    } else if today.year() - d.year() > 110 {
                        self.err(
                            &dpath,
                            dob,
                            Show::Hidden,
                            "is not a plausible date of birth",
                        );
                    }
                }
            }
        }
        if let Some(c) = &p.citizenship {
            self.country(&format!("{path}.citizenship"), c, Show::Hidden);
        }
        if let Some(f) = &p.fast_card_number {
            let fpath = format!("{path}.fastCardNumber");
            if !digits(f, 14) {
                self.err(&fpath, f, Show::Hidden, "a FAST card number is 14 digits");
            } else if !f.starts_with("4270") {
                self.warn(
                    &fpath,
                    f,
                    Show::Hidden,
                    "FAST card numbers usually start with 4270",
                );
            }
        }
        if let Some(a) = &p.ace_id {
            if !digits(a, 7) {
                self.err(
                    &format!("{path}.aceId"),
                    a,
                    Show::Hidden,
                    "an ACE ID is 7 digits",
                );
            }
        }
        for (j, d) in p.travel_documents.iter().enumerate() {
            let dpath = format!("{path}.travelDocuments[{j}]");
            if !TRAVEL_DOCUMENT_TYPES.contains(&d.type_code.as_str()) {
                self.err(
                    &format!("{dpath}.type"),
                    &d.type_code,
                    Show::Value,
                    "is not a travel document type code (5K, 5J, 6W, ACW, AEF, AEW, ALV, …)",
                );
            }
            self.text(&format!("{dpath}.number"), &d.number, 1, 30, Show::Hidden);
            if let Some(j) = &d.jurisdiction {
                if !jurisdiction(j) {
                    self.err(
                        &format!("{dpath}.jurisdiction"),
                        j,
                        Show::Value,
                        "must be a 2–3 character state or province code",
                    );
                }
            }
            if let Some(c) = &d.country {
                self.country(&format!("{dpath}.country"), c, Show::Value);
            }
            if LICENCE_TYPES.contains(&d.type_code.as_str()) {
                if d.jurisdiction.is_none() {
                    self.err_missing(
                        &format!("{dpath}.jurisdiction"),
                        "a driver's licence needs its issuing state or province",
                    );
                }
            } else if d.country.is_none() {
                self.push(
                    Severity::Warning,
                    &format!("{dpath}.country"),
                    None,
                    Show::Hidden,
                    "this document type normally names its issuing country".into(),
                );
            }
        }
        if t.regime != Regime::Ace {
            return;
        }
        let trusted = p.fast_card_number.is_some() || p.ace_id.is_some();
        let needs_full = p.role == CrewRole::Passenger || !trusted;
        if needs_full {
            let who = if p.role == CrewRole::Passenger {
                "an ACE passenger"
            } else {
                "an ACE driver without FAST card or ACE ID"
            };
            if p.gender.is_none() {
                self.err_missing(&format!("{path}.gender"), format!("is required for {who}"));
            }
            if p.date_of_birth.is_none() {
                self.err_missing(
                    &format!("{path}.dateOfBirth"),
                    format!("is required for {who}"),
                );
            }
            if p.citizenship.is_none() {
                self.err_missing(
                    &format!("{path}.citizenship"),
                    format!("is required for {who}"),
                );
            }
            if p.travel_documents.is_empty() {
                self.err_missing(
                    &format!("{path}.travelDocuments"),
                    format!("{who} needs travel documents"),
                );
            }
        }
        if p.role == CrewRole::Driver && !trusted {
            let types: Vec<&str> = p
                .travel_documents
                .iter()
                .map(|d| d.type_code.as_str())
                .collect();
            if !types.contains(&"5K") {
                self.err_missing(
                    &format!("{path}.travelDocuments"),
                    "an ACE driver without FAST card or ACE ID needs a commercial driver's licence (5K)",
                );
            }
            if !types.iter().any(|t| WHTI_TYPES.contains(t)) {
                self.err_missing(
                    &format!("{path}.travelDocuments"),
                    "an ACE driver without FAST card or ACE ID needs a WHTI document (passport, passport card, NEXUS, SENTRI, EDL, PR card, …) besides the CDL",
                );
            }
        }
    }

    fn shipments(&mut self, t: &Trip) {
        let mut seen = HashSet::new();
        for (i, s) in t.shipments.iter().enumerate() {
            let path = format!("shipments[{i}]");
            let cn_path = format!("{path}.controlNumber");
            let cn = &s.control_number;
            match t.regime {
                Regime::Aci => self.aci_control_number(t, &cn_path, cn),
                Regime::Ace => self.ace_control_number(t, &cn_path, cn, s.scac.as_deref()),
            }
            if !seen.insert(cn.as_str()) {
                self.err(
                    &cn_path,
                    cn,
                    Show::Value,
                    "appears twice on the trip; control numbers are unique",
                );
            }
            if *cn == t.trip_number {
                self.err(
                    &cn_path,
                    cn,
                    Show::Value,
                    "equals the trip number; trip and shipment control numbers must differ",
                );
            }
            let types = match t.regime {
                Regime::Aci => ACI_SHIPMENT_TYPES,
                Regime::Ace => ACE_SHIPMENT_TYPES,
            };
            if !types.contains(&s.type_code.as_str()) {
                self.err(
                    &format!("{path}.type"),
                    &s.type_code,
                    Show::Value,
                    format!(
                        "is not an {} shipment type ({})",
                        t.regime.as_str(),
                        types.join(", ")
                    ),
                );
            }
            match t.regime {
                Regime::Aci => {
                    self.not_for(&format!("{path}.scac"), s.scac.is_some(), Regime::Aci);
                    self.not_for(
                        &format!("{path}.provinceOfLoading"),
                        s.province_of_loading.is_some(),
                        Regime::Aci,
                    );
                    if let Some(p) = &s.port_of_entry {
                        self.port(&format!("{path}.portOfEntry"), p);
                        if *p != t.port_of_entry && digits(p, 4) {
                            self.err(
                                &format!("{path}.portOfEntry"),
                                p,
                                Show::Value,
                                format!(
                                    "must equal the trip's first port of arrival {:?}",
                                    t.port_of_entry
                                ),
                            );
                        }
                    }
                    if let Some(r) = &s.release_office {
                        self.port(&format!("{path}.releaseOffice"), r);
                    }
                    if let Some(sl) = &s.sub_location {
                        if self.text(&format!("{path}.subLocation"), sl, 1, 25, Show::Value)
                            && !all(sl, upper_alnum)
                        {
                            self.err(
                                &format!("{path}.subLocation"),
                                sl,
                                Show::Value,
                                "may hold only letters and digits",
                            );
                        }
                    }
                    if s.type_code == "BOND" && s.sub_location.is_none() && t.sub_location.is_none()
                    {
                        self.err_missing(
                            &format!("{path}.subLocation"),
                            "an in-bond (BOND) shipment needs a sub-location",
                        );
                    }
                    self.opt_text(
                        &format!("{path}.cityOfLoading"),
                        &s.city_of_loading,
                        1,
                        25,
                        Show::Value,
                    );
                }
                Regime::Ace => {
                    for (name, present) in [
                        ("portOfEntry", s.port_of_entry.is_some()),
                        ("releaseOffice", s.release_office.is_some()),
                        ("subLocation", s.sub_location.is_some()),
                        ("cityOfLoading", s.city_of_loading.is_some()),
                    ] {
                        self.not_for(&format!("{path}.{name}"), present, Regime::Ace);
                    }
                    if let Some(p) = &s.province_of_loading {
                        if !((2..=5).contains(&len(p)) && all(p, upper_alnum)) {
                            self.err(
                                &format!("{path}.provinceOfLoading"),
                                p,
                                Show::Value,
                                "must be 2–5 letters or digits",
                            );
                        }
                    }
                }
            }
            for (role, party) in [("shipper", &s.shipper), ("consignee", &s.consignee)] {
                let pp = format!("{path}.{role}");
                self.text(&format!("{pp}.name"), &party.name, 1, 60, Show::Hidden);
                let a = &party.address;
                self.text(&format!("{pp}.address.line"), &a.line, 1, 110, Show::Hidden);
                let min_city = if t.regime == Regime::Ace { 2 } else { 1 };
                self.text(
                    &format!("{pp}.address.city"),
                    &a.city,
                    min_city,
                    30,
                    Show::Value,
                );
                if let Some(sp) = &a.state_province {
                    if !jurisdiction(sp) {
                        self.err(
                            &format!("{pp}.address.stateProvince"),
                            sp,
                            Show::Value,
                            "must be a 2–3 character state or province code",
                        );
                    }
                }
                self.opt_text(
                    &format!("{pp}.address.postalCode"),
                    &a.postal_code,
                    1,
                    10,
                    Show::Hidden,
                );
                self.country(&format!("{pp}.address.country"), &a.country, Show::Value);
            }
            if s.commodities.is_empty() {
                self.err_missing(
                    &format!("{path}.commodities"),
                    "a shipment needs at least one commodity",
                );
            }
            for (j, m) in s.commodities.iter().enumerate() {
                self.commodity(t, &format!("{path}.commodities[{j}]"), m);
            }
        }
    }

    fn aci_control_number(&mut self, t: &Trip, path: &str, cn: &str) {
        let n = len(cn);
        if !((5..=25).contains(&n) && all(cn, |c| upper_alnum(c) || c == '-')) {
            self.err(
                path,
                cn,
                Show::Value,
                "a CCN is 5–25 letters, digits or dashes (carrier code + unique reference)",
            );
            return;
        }
        let prefix = &cn[..4];
        let auth = t.authorizing_carrier_code.as_deref();
        if prefix != t.carrier_code && Some(prefix) != auth {
            self.err(
                path,
                cn,
                Show::Value,
                format!(
                    "must start with the trip's carrier code {:?}",
                    t.carrier_code
                ),
            );
        }
        if n < 8 {
            self.warn(
                path,
                cn,
                Show::Value,
                "shorter than 8 characters (carrier code + 4–21); check it against the PARS label",
            );
        }
    }

    fn ace_control_number(&mut self, t: &Trip, path: &str, cn: &str, scac: Option<&str>) {
        let ok = (8..=16).contains(&len(cn))
            && all(&cn[..4.min(cn.len())], |c| c.is_ascii_uppercase())
            && all(cn, upper_alnum);
        if !ok {
            self.err(
                path,
                cn,
                Show::Value,
                "an SCN is the 4-letter SCAC followed by 4–12 letters or digits (at most 16 characters)",
            );
            return;
        }
        let owner = scac.unwrap_or(&t.carrier_code);
        if !cn.starts_with(owner) {
            self.err(
                path,
                cn,
                Show::Value,
                format!("must start with the SCAC responsible for the shipment {owner:?}"),
            );
        }
    }

    fn commodity(&mut self, t: &Trip, path: &str, m: &crate::model::Commodity) {
        let max = match t.regime {
            Regime::Aci => 450,
            Regime::Ace => 512,
        };
        let dpath = format!("{path}.description");
        if self.text(&dpath, &m.description, 1, max, Show::Value) {
            if let Some(bad) = m.description.chars().find(|c| "':+!".contains(*c)) {
                self.err(
                    &dpath,
                    &m.description,
                    Show::Value,
                    format!("must not contain {bad:?} (customs refuse ' : + !)"),
                );
            }
            if t.regime == Regime::Aci && len(&m.description) > 300 {
                self.warn(
                    &dpath,
                    &m.description,
                    Show::Value,
                    "longer than 300 characters; some ACI portals accept only 300",
                );
            }
            let upper = m.description.trim().to_ascii_uppercase();
            if VAGUE_DESCRIPTIONS.contains(&upper.as_str()) {
                self.warn(
                    &dpath,
                    &m.description,
                    Show::Value,
                    "too vague for customs; describe the goods plainly (e.g. \"steel bolts\")",
                );
            }
        }
        if m.quantity == 0 {
            self.err(
                &format!("{path}.quantity"),
                "0",
                Show::Value,
                "must be a whole number above 0",
            );
        }
        if !(len(&m.packaging_unit) == 3 && all(&m.packaging_unit, |c| c.is_ascii_uppercase())) {
            self.err(
                &format!("{path}.packagingUnit"),
                &m.packaging_unit,
                Show::Value,
                "must be a 3-letter packaging unit code (PLT, SKD, BOX, …)",
            );
        }
        self.weight(&format!("{path}.weight"), &m.weight);
        let units: &[&str] = match t.regime {
            Regime::Aci => &["KGM", "LBR"],
            Regime::Ace => &["K", "L"],
        };
        if !units.contains(&m.weight_unit.as_str()) {
            self.err(
                &format!("{path}.weightUnit"),
                &m.weight_unit,
                Show::Value,
                format!(
                    "must be one of {} for {}",
                    units.join(", "),
                    t.regime.as_str()
                ),
            );
        }
        if let Some(hs) = &m.hs_code {
            if !((6..=10).contains(&len(hs)) && all(hs, |c| c.is_ascii_digit())) {
                self.err(
                    &format!("{path}.hsCode"),
                    hs,
                    Show::Value,
                    "must be 6–10 digits",
                );
            }
        }
        if let Some(c) = &m.country_of_origin {
            self.country(&format!("{path}.countryOfOrigin"), c, Show::Value);
        }
        let max_marks = match t.regime {
            Regime::Aci => 35,
            Regime::Ace => 45,
        };
        for (k, mark) in m.marks_and_numbers.iter().enumerate() {
            self.text(
                &format!("{path}.marksAndNumbers[{k}]"),
                mark,
                1,
                max_marks,
                Show::Value,
            );
        }
        if let Some(h) = &m.hazmat {
            let un = &h.un_number;
            if !(len(un) == 6 && un.starts_with("UN") && all(&un[2..], |c| c.is_ascii_digit())) {
                self.warn(
                    &format!("{path}.hazmat.unNumber"),
                    un,
                    Show::Value,
                    "UN numbers are normally UN followed by 4 digits",
                );
            }
            match (&h.emergency_contact, t.regime) {
                (None, Regime::Ace) => self.err_missing(
                    &format!("{path}.hazmat.emergencyContact"),
                    "ACE hazardous goods need an emergency contact",
                ),
                (Some(c), _) => {
                    self.text(
                        &format!("{path}.hazmat.emergencyContact"),
                        c,
                        1,
                        60,
                        Show::Hidden,
                    );
                }
                (None, Regime::Aci) => {}
            }
        }
    }

    fn weight(&mut self, path: &str, w: &str) {
        let (int, frac) = w.split_once('.').unwrap_or((w, ""));
        let shaped = !int.is_empty()
            && int.len() <= 10
            && all(int, |c| c.is_ascii_digit())
            && frac.len() <= 4
            && all(frac, |c| c.is_ascii_digit())
            && !(w.contains('.') && frac.is_empty());
        if !shaped {
            self.err(
                path,
                w,
                Show::Value,
                "must be a decimal number with at most 4 decimals, e.g. \"1250.5\"",
            );
        } else if all(w, |c| c == '0' || c == '.') {
            self.err(path, w, Show::Value, "must be above 0");
        }
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
