//! The truck and its trailers: unit numbers, type codes, plates and seals.

use super::*;

impl Validator {
    pub(super) fn type_code(&mut self, path: &str, code: &str) {
        if !(len(code) == 2 && all(code, upper_alnum)) {
            self.err(path, code, Show::Value, Msg::new("v-type-code"));
        }
    }

    pub(super) fn plates(&mut self, owner: &str, plates: &[Plate]) {
        for (i, p) in plates.iter().enumerate() {
            let path = format!("{owner}.plates[{i}]");
            if self.text(&format!("{path}.number"), &p.number, 1, 10, Show::Hidden)
                && !all(&p.number, |c| upper_alnum(c) || c == ' ' || c == '-')
            {
                self.err(
                    &format!("{path}.number"),
                    &p.number,
                    Show::Hidden,
                    Msg::new("v-plate-characters"),
                );
            }
            if !jurisdiction(&p.jurisdiction) {
                self.err(
                    &format!("{path}.jurisdiction"),
                    &p.jurisdiction,
                    Show::Value,
                    Msg::new("v-jurisdiction"),
                );
            }
            self.country(&format!("{path}.country"), &p.country, Show::Value);
        }
    }

    pub(super) fn seals(&mut self, owner: &str, seals: &[String]) {
        for (i, s) in seals.iter().enumerate() {
            self.text(&format!("{owner}.seals[{i}]"), s, 1, 15, Show::Value);
        }
    }

    pub(super) fn conveyance(&mut self, t: &Trip) {
        let c = &t.conveyance;
        self.text("conveyance.unitNumber", &c.unit_number, 1, 17, Show::Value);
        self.type_code("conveyance.type", &c.type_code);
        match (&c.vin, t.regime) {
            (None, Regime::Ace) => self.err_missing("conveyance.vin", Msg::new("v-vin-required")),
            (None, Regime::Aci) => {}
            (Some(vin), _) => {
                if len(vin) != 17 || !all(vin, upper_alnum) {
                    self.err("conveyance.vin", vin, Show::Value, Msg::new("v-vin-shape"));
                } else if vin.contains(['I', 'O', 'Q']) {
                    self.warn("conveyance.vin", vin, Show::Value, Msg::new("v-vin-ioq"));
                }
            }
        }
        if let Some(dot) = &c.dot_number {
            if dot.is_empty() || len(dot) > 8 || !all(dot, |c| c.is_ascii_digit()) {
                self.err(
                    "conveyance.dotNumber",
                    dot,
                    Show::Value,
                    Msg::new("v-dot-number"),
                );
            }
        }
        match t.regime {
            Regime::Aci if c.plates.len() > 1 => self.err_missing(
                "conveyance.plates",
                Msg::new("v-aci-truck-plates").num("found", num(c.plates.len())),
            ),
            Regime::Ace if c.plates.is_empty() || c.plates.len() > 2 => self.err_missing(
                "conveyance.plates",
                Msg::new("v-ace-truck-plates").num("found", num(c.plates.len())),
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
                        Msg::new("v-plate-ace-qr"),
                    );
                }
            }
        }
        self.seals("conveyance", &c.seals);
    }
}
