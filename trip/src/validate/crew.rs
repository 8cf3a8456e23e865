//! The crew: each person's names, date of birth, documents, and what ACE asks of a driver
//! without a FAST card or ACE ID.

use super::*;

impl Validator {
    pub(super) fn crew(&mut self, t: &Trip) {
        for (i, p) in t.crew.iter().enumerate() {
            self.person(t, i, p);
        }
        if t.regime == Regime::Ace && !t.crew.iter().any(|p| p.role == CrewRole::Driver) {
            self.err_missing("crew", Msg::new("v-ace-driver-needed"));
        }
    }

    pub(super) fn person(&mut self, t: &Trip, i: usize, p: &Person) {
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
            self.date_of_birth(&path, dob);
        }
        if let Some(c) = &p.citizenship {
            self.country(&format!("{path}.citizenship"), c, Show::Hidden);
        }
        if let Some(f) = &p.fast_card_number {
            let fpath = format!("{path}.fastCardNumber");
            if !digits(f, 14) {
                self.err(&fpath, f, Show::Hidden, Msg::new("v-fast-card-shape"));
            } else if !f.starts_with("4270") {
                self.warn(&fpath, f, Show::Hidden, Msg::new("v-fast-card-prefix"));
            }
        }
        if let Some(a) = &p.ace_id {
            if !digits(a, 7) {
                self.err(
                    &format!("{path}.aceId"),
                    a,
                    Show::Hidden,
                    Msg::new("v-ace-id"),
                );
            }
        }
        for (j, d) in p.travel_documents.iter().enumerate() {
            self.travel_document(&format!("{path}.travelDocuments[{j}]"), d);
        }
        if t.regime == Regime::Ace {
            self.ace_person(&path, p);
        }
    }

    /// A date of birth: a real date, in the past, and plausible.
    fn date_of_birth(&mut self, path: &str, dob: &str) {
        let dpath = format!("{path}.dateOfBirth");
        match NaiveDate::parse_from_str(dob, "%Y-%m-%d") {
            Err(_) => self.err(&dpath, dob, Show::Hidden, Msg::new("v-date")),
            Ok(d) => {
                let today = self.today;
                if d >= today {
                    self.err(&dpath, dob, Show::Hidden, Msg::new("v-birth-in-past"));
                } else if today.year() - d.year() > 110 {
                    self.err(&dpath, dob, Show::Hidden, Msg::new("v-birth-plausible"));
                }
            }
        }
    }

    /// One travel document: its type code, number, issuer (a licence names its state or
    /// province; other documents normally their country).
    fn travel_document(&mut self, dpath: &str, d: &crate::model::TravelDocument) {
        if !TRAVEL_DOCUMENT_TYPES.contains(&d.type_code.as_str()) {
            self.err(
                &format!("{dpath}.type"),
                &d.type_code,
                Show::Value,
                Msg::new("v-document-type"),
            );
        }
        self.text(&format!("{dpath}.number"), &d.number, 1, 30, Show::Hidden);
        if let Some(j) = &d.jurisdiction {
            if !jurisdiction(j) {
                self.err(
                    &format!("{dpath}.jurisdiction"),
                    j,
                    Show::Value,
                    Msg::new("v-jurisdiction"),
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
                    Msg::new("v-licence-issuer"),
                );
            }
        } else if d.country.is_none() {
            self.push(
                Severity::Warning,
                &format!("{dpath}.country"),
                None,
                Show::Hidden,
                Msg::new("v-document-country"),
            );
        }
    }

    /// What ACE asks of a person: a passenger, or a driver without FAST card or ACE ID, gives
    /// gender, date of birth, citizenship and documents; such a driver needs a CDL and a WHTI
    /// document.
    fn ace_person(&mut self, path: &str, p: &Person) {
        let trusted = p.fast_card_number.is_some() || p.ace_id.is_some();
        let needs_full = p.role == CrewRole::Passenger || !trusted;
        if needs_full {
            // One message per person, so each language words "for a passenger" its own way.
            let (required, documents) = if p.role == CrewRole::Passenger {
                ("v-required-ace-passenger", "v-documents-ace-passenger")
            } else {
                ("v-required-ace-driver", "v-documents-ace-driver")
            };
            if p.gender.is_none() {
                self.err_missing(&format!("{path}.gender"), Msg::new(required));
            }
            if p.date_of_birth.is_none() {
                self.err_missing(&format!("{path}.dateOfBirth"), Msg::new(required));
            }
            if p.citizenship.is_none() {
                self.err_missing(&format!("{path}.citizenship"), Msg::new(required));
            }
            if p.travel_documents.is_empty() {
                self.err_missing(&format!("{path}.travelDocuments"), Msg::new(documents));
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
                    Msg::new("v-ace-driver-cdl"),
                );
            }
            if !types.iter().any(|t| WHTI_TYPES.contains(t)) {
                self.err_missing(
                    &format!("{path}.travelDocuments"),
                    Msg::new("v-ace-driver-whti"),
                );
            }
        }
    }
}
