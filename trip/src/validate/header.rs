//! The trip header: the carrier, the trip number, the port of entry and the ETA, by regime.

use super::*;

impl Validator {
    pub(super) fn aci_header(&mut self, t: &Trip) {
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
            self.err("tripNumber", tn, Show::Value, Msg::new("v-aci-crn-shape"));
        } else if code_ok {
            let prefix = tn.get(..4).unwrap_or_default();
            let auth = t.authorizing_carrier_code.as_deref();
            if prefix != t.carrier_code && Some(prefix) != auth {
                let msg = match auth {
                    Some(a) => Msg::new("v-carrier-prefix-or-authorizing")
                        .arg("carrier", debug_inner(&t.carrier_code))
                        .arg("authorizing", debug_inner(a)),
                    None => {
                        Msg::new("v-carrier-prefix").arg("carrier", debug_inner(&t.carrier_code))
                    }
                };
                self.err("tripNumber", tn, Show::Value, msg);
            }
        }
        if tn.contains("PARS") {
            self.warn(
                "tripNumber",
                tn,
                Show::Value,
                Msg::new("v-crn-looks-like-pars"),
            );
        }
        if let Some(s) = &t.sub_location {
            if self.text("subLocation", s, 1, 25, Show::Value) && !all(s, upper_alnum) {
                self.err("subLocation", s, Show::Value, Msg::new("v-letters-digits"));
            }
        }
    }

    pub(super) fn carrier_code(&mut self, path: &str, code: &str) -> bool {
        let ok = len(code) == 4 && all(code, |c| upper_alnum(c) || c == '-');
        if !ok {
            self.err(path, code, Show::Value, Msg::new("v-carrier-code"));
        }
        ok
    }

    pub(super) fn ace_header(&mut self, t: &Trip) {
        let scac = &t.carrier_code;
        let scac_ok = (2..=4).contains(&len(scac)) && all(scac, |c| c.is_ascii_uppercase());
        if !scac_ok {
            self.err("carrierCode", scac, Show::Value, Msg::new("v-scac-shape"));
        } else {
            if len(scac) != 4 {
                self.warn(
                    "carrierCode",
                    scac,
                    Show::Value,
                    Msg::new("v-scac-four-letters"),
                );
            }
            if scac.ends_with(['U', 'X', 'Z']) {
                self.warn(
                    "carrierCode",
                    scac,
                    Show::Value,
                    Msg::new("v-scac-equipment"),
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
                Msg::new("v-ace-trip-number-shape"),
            );
        } else if scac_ok && !(tn.starts_with(scac.as_str()) && len(tn) >= len(scac) + 4) {
            self.err(
                "tripNumber",
                tn,
                Show::Value,
                Msg::new("v-ace-trip-number-prefix").arg("scac", debug_inner(scac)),
            );
        }
    }

    pub(super) fn eta(&mut self, t: &Trip, policy: &Policy) {
        let Some(local) = t.eta_local() else {
            self.err(
                "eta.local",
                &t.eta.local,
                Show::Value,
                Msg::new("v-eta-local"),
            );
            return;
        };
        let Ok(zone) = t.eta.zone.parse::<chrono_tz::Tz>() else {
            self.err("eta.zone", &t.eta.zone, Show::Value, Msg::new("v-eta-zone"));
            return;
        };
        let Some(at) = zone.from_local_datetime(&local).earliest() else {
            self.err(
                "eta.local",
                &t.eta.local,
                Show::Value,
                Msg::new("v-eta-gap"),
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
                Msg::new("v-eta-past"),
            );
            return;
        }
        if t.regime == Regime::Aci && at > policy.now + chrono::Duration::days(90) {
            self.push(
                sev,
                "eta.local",
                Some(&t.eta.local),
                Show::Value,
                Msg::new("v-eta-too-early"),
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
                Msg::new("v-eta-lead-time")
                    .num("minutes", lead)
                    .arg("agency", t.regime.agency()),
            );
        }
    }
}
