//! What the trip page shows, made from the stored trip: the manifest in sections (as the driver
//! reads it: unit, crew, trailers, shipments, in the phone's words) and the diff between two
//! versions.

use crossing_text::{tr, Text};
use crossing_trip::Trip;
use serde_json::Value;

/// A titled list of label/value pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Title.
    pub title: String,
    /// (label, value), in order.
    pub fields: Vec<(String, String)>,
}

/// A section; `fields` are (label's message id, value), empty values left out.
fn section(w: &Text, title: impl Into<String>, fields: Vec<(&str, String)>) -> Section {
    Section {
        title: title.into(),
        fields: fields
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(l, v)| (w.t(l), v))
            .collect(),
    }
}

fn plates(p: &[crossing_trip::model::Plate]) -> String {
    p.iter()
        .map(|p| format!("{} ({} {})", p.number, p.jurisdiction, p.country))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The manifest in sections, in `w`'s words (the phone's labels: `section-*`, `label-*`).
pub fn manifest(t: &Trip, w: &Text) -> Vec<Section> {
    let c = &t.conveyance;
    let mut out = vec![
        section(
            w,
            w.t("section-trip"),
            vec![
                (
                    if t.regime == crossing_trip::Regime::Aci {
                        "label-crn"
                    } else {
                        "label-trip-number"
                    },
                    t.trip_number.clone(),
                ),
                ("label-carrier", t.carrier_code.clone()),
                ("label-port", t.port_of_entry.clone()),
                (
                    "label-eta",
                    super::board::eta(&t.eta.local, &t.eta.zone, w).0,
                ),
                (
                    "console-manifest-sub-location",
                    t.sub_location.clone().unwrap_or_default(),
                ),
            ],
        ),
        section(
            w,
            w.t("section-conveyance"),
            vec![
                ("label-unit", c.unit_number.clone()),
                ("label-type", c.type_code.clone()),
                ("label-vin", c.vin.clone().unwrap_or_default()),
                ("label-plates", plates(&c.plates)),
                ("label-seals", c.seals.join(", ")),
            ],
        ),
    ];
    let trailers = t.trailers.len();
    for (i, trailer) in t.trailers.iter().enumerate() {
        out.push(section(
            w,
            tr!(w, "section-trailer", index = i + 1, of = trailers),
            vec![
                ("label-number", trailer.number.clone()),
                ("label-type", trailer.type_code.clone()),
                ("label-plates", plates(&trailer.plates)),
                ("label-seals", trailer.seals.join(", ")),
            ],
        ));
    }
    for p in &t.crew {
        let role = match p.role {
            crossing_trip::model::CrewRole::Driver => "section-driver",
            crossing_trip::model::CrewRole::Passenger => "section-passenger",
        };
        out.push(section(
            w,
            w.t(role),
            vec![
                ("label-name", format!("{} {}", p.first_name, p.last_name)),
                (
                    "label-citizenship",
                    p.citizenship.clone().unwrap_or_default(),
                ),
                (
                    "console-manifest-documents",
                    p.travel_documents
                        .iter()
                        .map(|d| d.type_code.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                (
                    "label-fast",
                    if p.fast_card_number.is_some() {
                        w.t("console-yes")
                    } else {
                        String::new()
                    },
                ),
            ],
        ));
    }
    let n = t.shipments.len();
    for (i, s) in t.shipments.iter().enumerate() {
        out.push(section(
            w,
            tr!(
                w,
                "section-shipment",
                index = i + 1,
                of = n,
                number = s.control_number.as_str()
            ),
            vec![
                ("label-type", s.type_code.clone()),
                ("label-shipper", s.shipper.name.clone()),
                ("label-consignee", s.consignee.name.clone()),
                (
                    "label-goods",
                    s.commodities
                        .iter()
                        .map(|g| {
                            format!(
                                "{} × {} {} ({} {})",
                                g.description,
                                g.quantity,
                                g.packaging_unit,
                                g.weight,
                                g.weight_unit
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ],
        ));
    }
    out
}

fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&p, v, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(&format!("{prefix}[{i}]"), v, out);
            }
        }
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// What changed from one version of a trip to another, field by field: (path, before, after),
/// `-` for a field that was not there. The version itself is left out.
pub fn diff(old: &Trip, new: &Trip) -> Vec<(String, String, String)> {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    flatten(
        "",
        &serde_json::to_value(old).unwrap_or(Value::Null),
        &mut a,
    );
    flatten(
        "",
        &serde_json::to_value(new).unwrap_or(Value::Null),
        &mut b,
    );
    let before: std::collections::BTreeMap<_, _> = a.into_iter().collect();
    let after: std::collections::BTreeMap<_, _> = b.into_iter().collect();
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| k.as_str() != "version")
        .filter_map(|k| {
            let (x, y) = (before.get(k), after.get(k));
            (x != y).then(|| {
                (
                    k.clone(),
                    x.cloned().unwrap_or_else(|| "-".into()),
                    y.cloned().unwrap_or_else(|| "-".into()),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diff_names_each_changed_field() {
        let a: Trip =
            serde_json::from_str(include_str!("../../../examples/aci-trip.json")).unwrap();
        let mut b = a.clone();
        b.version = 2;
        b.eta.local = "2026-11-27T09:00:00".into();
        b.shipments.pop();
        let d = diff(&a, &b);
        assert!(d.contains(&(
            "eta.local".into(),
            "2026-11-26T14:30:00".into(),
            "2026-11-27T09:00:00".into()
        )));
        assert!(d
            .iter()
            .any(|(p, _, after)| p.starts_with("shipments[2]") && after == "-"));
        assert!(!d.iter().any(|(p, ..)| p == "version"));
        let m = manifest(&a, crate::words::text(crossing_text::Lang::En));
        assert_eq!(m[0].title, "Trip");
        assert!(m
            .iter()
            .any(|s| s.title.starts_with("Shipment 1 of 3 · 1234PARS261126001")));
    }
}
