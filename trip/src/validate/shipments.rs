//! Shipments: control numbers (CCN, PARS, PAPS) by regime, parties, commodities and weights.

use super::*;
use crate::model::{Party, Shipment};

impl Validator {
    pub(super) fn shipments(&mut self, t: &Trip) {
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
                    Msg::new("v-control-number-twice"),
                );
            }
            if *cn == t.trip_number {
                self.err(
                    &cn_path,
                    cn,
                    Show::Value,
                    Msg::new("v-control-number-is-trip-number"),
                );
            }
            self.shipment_type(t, &path, &s.type_code);
            match t.regime {
                Regime::Aci => self.aci_shipment(t, &path, s),
                Regime::Ace => self.ace_shipment(&path, s),
            }
            for (role, party) in [("shipper", &s.shipper), ("consignee", &s.consignee)] {
                self.party(t, &format!("{path}.{role}"), party);
            }
            if s.commodities.is_empty() {
                self.err_missing(
                    &format!("{path}.commodities"),
                    Msg::new("v-commodity-needed"),
                );
            }
            for (j, m) in s.commodities.iter().enumerate() {
                self.commodity(t, &format!("{path}.commodities[{j}]"), m);
            }
        }
    }

    /// The shipment's type code, from its regime's list.
    fn shipment_type(&mut self, t: &Trip, path: &str, type_code: &str) {
        let types = match t.regime {
            Regime::Aci => ACI_SHIPMENT_TYPES,
            Regime::Ace => ACE_SHIPMENT_TYPES,
        };
        if !types.contains(&type_code) {
            self.err(
                &format!("{path}.type"),
                type_code,
                Show::Value,
                Msg::new("v-shipment-type")
                    .arg("regime", t.regime.as_str())
                    .arg("types", types.join(", ")),
            );
        }
    }

    /// What an ACI shipment carries of its own: port of entry (the trip's first port), release
    /// office, sub-location (needed in bond), city of loading; no SCAC or province of loading.
    fn aci_shipment(&mut self, t: &Trip, path: &str, s: &Shipment) {
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
                    Msg::new("v-first-port").arg("port", debug_inner(&t.port_of_entry)),
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
                    Msg::new("v-letters-digits"),
                );
            }
        }
        if s.type_code == "BOND" && s.sub_location.is_none() && t.sub_location.is_none() {
            self.err_missing(
                &format!("{path}.subLocation"),
                Msg::new("v-bond-sub-location"),
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

    /// What an ACE shipment carries of its own: a province of loading; none of ACI's fields.
    fn ace_shipment(&mut self, path: &str, s: &Shipment) {
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
                    Msg::new("v-province-of-loading"),
                );
            }
        }
    }

    /// A shipper or consignee: name, address line, city, state or province, postal code, country.
    fn party(&mut self, t: &Trip, pp: &str, party: &Party) {
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
                    Msg::new("v-jurisdiction"),
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

    pub(super) fn aci_control_number(&mut self, t: &Trip, path: &str, cn: &str) {
        let n = len(cn);
        if !((5..=25).contains(&n) && all(cn, |c| upper_alnum(c) || c == '-')) {
            self.err(path, cn, Show::Value, Msg::new("v-ccn-shape"));
            return;
        }
        let prefix = &cn[..4];
        let auth = t.authorizing_carrier_code.as_deref();
        if prefix != t.carrier_code && Some(prefix) != auth {
            self.err(
                path,
                cn,
                Show::Value,
                Msg::new("v-carrier-prefix").arg("carrier", debug_inner(&t.carrier_code)),
            );
        }
        if n < 8 {
            self.warn(path, cn, Show::Value, Msg::new("v-ccn-short"));
        }
    }

    pub(super) fn ace_control_number(
        &mut self,
        t: &Trip,
        path: &str,
        cn: &str,
        scac: Option<&str>,
    ) {
        let ok = (8..=16).contains(&len(cn))
            && all(&cn[..4.min(cn.len())], |c| c.is_ascii_uppercase())
            && all(cn, upper_alnum);
        if !ok {
            self.err(path, cn, Show::Value, Msg::new("v-scn-shape"));
            return;
        }
        let owner = scac.unwrap_or(&t.carrier_code);
        if !cn.starts_with(owner) {
            self.err(
                path,
                cn,
                Show::Value,
                Msg::new("v-scn-prefix").arg("scac", debug_inner(owner)),
            );
        }
    }

    pub(super) fn commodity(&mut self, t: &Trip, path: &str, m: &crate::model::Commodity) {
        self.description(t, path, &m.description);
        if m.quantity == 0 {
            self.err(
                &format!("{path}.quantity"),
                "0",
                Show::Value,
                Msg::new("v-quantity"),
            );
        }
        if !(len(&m.packaging_unit) == 3 && all(&m.packaging_unit, |c| c.is_ascii_uppercase())) {
            self.err(
                &format!("{path}.packagingUnit"),
                &m.packaging_unit,
                Show::Value,
                Msg::new("v-packaging-unit"),
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
                Msg::new("v-weight-unit")
                    .arg("units", units.join(", "))
                    .arg("regime", t.regime.as_str()),
            );
        }
        if let Some(hs) = &m.hs_code {
            if !((6..=10).contains(&len(hs)) && all(hs, |c| c.is_ascii_digit())) {
                self.err(
                    &format!("{path}.hsCode"),
                    hs,
                    Show::Value,
                    Msg::new("v-hs-code"),
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
            self.hazmat(t, path, h);
        }
    }

    /// A commodity's description: length by regime, characters customs refuse, vague words.
    fn description(&mut self, t: &Trip, path: &str, description: &str) {
        let max = match t.regime {
            Regime::Aci => 450,
            Regime::Ace => 512,
        };
        let dpath = format!("{path}.description");
        if self.text(&dpath, description, 1, max, Show::Value) {
            if let Some(bad) = description.chars().find(|c| "':+!".contains(*c)) {
                self.err(
                    &dpath,
                    description,
                    Show::Value,
                    Msg::new("v-description-character").arg("character", debug_inner(&bad)),
                );
            }
            if t.regime == Regime::Aci && len(description) > 300 {
                self.warn(
                    &dpath,
                    description,
                    Show::Value,
                    Msg::new("v-description-aci-portals"),
                );
            }
            let upper = description.trim().to_ascii_uppercase();
            if VAGUE_DESCRIPTIONS.contains(&upper.as_str()) {
                self.warn(
                    &dpath,
                    description,
                    Show::Value,
                    Msg::new("v-description-vague"),
                );
            }
        }
    }

    /// Hazardous goods: the UN number's form, and the emergency contact ACE requires.
    fn hazmat(&mut self, t: &Trip, path: &str, h: &crate::model::Hazmat) {
        let un = &h.un_number;
        // The UN Model Regulations number substances from 0004 upward: `UN` + 4 digits, always.
        let digits = un
            .strip_prefix("UN")
            .filter(|d| len(d) == 4 && all(d, |c| c.is_ascii_digit()));
        if digits.is_none_or(|d| d < "0004") {
            self.err(
                &format!("{path}.hazmat.unNumber"),
                un,
                Show::Value,
                Msg::new("v-un-number"),
            );
        }
        match (&h.emergency_contact, t.regime) {
            (None, Regime::Ace) => self.err_missing(
                &format!("{path}.hazmat.emergencyContact"),
                Msg::new("v-emergency-contact"),
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

    pub(super) fn weight(&mut self, path: &str, w: &str) {
        let (int, frac) = w.split_once('.').unwrap_or((w, ""));
        let shaped = !int.is_empty()
            && int.len() <= 10
            && all(int, |c| c.is_ascii_digit())
            && frac.len() <= 4
            && all(frac, |c| c.is_ascii_digit())
            && !(w.contains('.') && frac.is_empty());
        if !shaped {
            self.err(path, w, Show::Value, Msg::new("v-weight-shape"));
        } else if all(w, |c| c == '0' || c == '.') {
            self.err(path, w, Show::Value, Msg::new("v-weight-above-zero"));
        }
    }
}
