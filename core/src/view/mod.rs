//! The manifest as screens show it: titled sections of labelled rows, ready to render.
//! Built here once so the CLI, Android and iOS show the same thing in the same order.

pub mod amend;

use serde::Serialize;

use crate::codes::{self, CodeKind};
use crate::customs::CustomsState;
use crate::error::Issue;
use crate::model::{CrewRole, Person, Plate, Regime, Trip};
use crate::status::DisplayStatus;
use crate::store::trips::{StoredTrip, TripState};

/// A label and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// Stable within the screen (`s3.f2`): list identity for SwiftUI/Compose, since labels
    /// repeat ("Goods" per commodity, "Document" per travel document).
    pub id: String,
    /// What it is ("VIN").
    pub label: String,
    /// The value, formatted.
    pub value: String,
}

/// A titled group of fields ("Conveyance", "Shipment 2 of 5 · 1234…").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Stable within the screen (`s3`): titles repeat ("Driver" for each driver of a team).
    pub id: String,
    /// Section title.
    pub title: String,
    /// Fields in display order.
    pub fields: Vec<Field>,
}

/// Everything the manifest screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ManifestView {
    /// Fleet trip id.
    pub trip_id: String,
    /// Trip version shown.
    pub version: i64,
    /// ACI or ACE.
    pub regime: Regime,
    /// Screen title, e.g. "ACI trip 1234TRIP0001 → 0453".
    pub title: String,
    /// Active, cancelled, …
    pub state: TripState,
    /// Derived status.
    pub status: DisplayStatus,
    /// Sections, in order: trip, conveyance, trailers, crew, shipments.
    pub sections: Vec<Section>,
    /// Validation warnings, as sentences.
    pub warnings: Vec<String>,
    /// Border codes available, with the shipment they are for.
    pub codes: Vec<CodeChoice>,
    /// What changed since the version the driver acknowledged; shown until they acknowledge.
    pub amendment: Option<crate::amend::Amendment>,
}

/// A border code the driver can open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeChoice {
    /// Which code.
    pub kind: CodeKind,
    /// For per-shipment codes, the control number.
    pub shipment: Option<String>,
}

fn f(label: &str, value: impl Into<String>) -> Field {
    Field {
        id: String::new(),
        label: label.to_string(),
        value: value.into(),
    }
}

fn plates(ps: &[Plate]) -> String {
    if ps.is_empty() {
        return "none".into();
    }
    ps.iter()
        .map(|p| format!("{} ({}-{})", p.number, p.country, p.jurisdiction))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

/// Builds the view of a stored trip.
pub fn manifest_view(stored: &StoredTrip, status: DisplayStatus) -> ManifestView {
    let s = &stored.summary;
    let mut sections = vec![Section {
        id: String::new(),
        title: "Trip".into(),
        fields: vec![
            f(
                match s.regime {
                    Regime::Aci => "CRN",
                    Regime::Ace => "Trip number",
                },
                s.trip_number.clone(),
            ),
            f(
                "Regime",
                format!("{} ({})", s.regime.as_str(), s.regime.agency()),
            ),
            f("First port of arrival", s.port_of_entry.clone()),
            f("ETA", crate::app::time::eta(&s.eta_local, &s.eta_zone)),
            f("Version", s.version.to_string()),
        ],
    }];
    if let Some(c) = stored.customs.as_ref().filter(|c| !c.is_empty()) {
        sections.push(customs_section(c, s.regime, &s.port_of_entry));
    }
    if let Some(trip) = &stored.manifest {
        trip_sections(trip, &mut sections);
    }
    for (i, section) in sections.iter_mut().enumerate() {
        section.id = format!("s{i}");
        for (j, field) in section.fields.iter_mut().enumerate() {
            field.id = format!("s{i}.f{j}");
        }
    }
    let codes = stored
        .manifest
        .as_ref()
        .map(|t| {
            codes::available(t)
                .into_iter()
                .map(|(kind, shipment)| CodeChoice { kind, shipment })
                .collect()
        })
        .unwrap_or_default();
    ManifestView {
        trip_id: s.id.clone(),
        version: s.version,
        regime: s.regime,
        title: format!(
            "{} trip {} → {}",
            s.regime.as_str(),
            s.trip_number,
            s.port_of_entry
        ),
        state: s.state,
        status,
        sections,
        warnings: stored.warnings.iter().map(Issue::to_string).collect(),
        codes,
        amendment: None,
    }
}

/// Where customs stands, trip and shipments, with what to do first: the provider's answers as
/// the fleet relayed them (`crossing_trip::customs`), never a trip amendment.
fn customs_section(c: &CustomsState, regime: Regime, port: &str) -> Section {
    let when = |s: &crate::customs::Standing| match s.customs_time.as_deref() {
        Some(t) if t.len() >= 16 => format!(" · {} {}", regime.agency(), &t[..16]),
        _ => String::new(),
    };
    let mut fields: Vec<Field> = c
        .advice(regime, port)
        .into_iter()
        .map(|a| f("What to do", a))
        .collect();
    if let Some(t) = &c.trip {
        fields.push(f("Trip", format!("{}{}", t.display(regime), when(t))));
    }
    for sh in &c.shipments {
        fields.push(f(
            sh.control_number.as_deref().unwrap_or("?"),
            format!("{}{}", sh.display(regime), when(sh)),
        ));
    }
    Section {
        id: String::new(),
        title: "Customs".into(),
        fields,
    }
}

fn trip_sections(t: &Trip, sections: &mut Vec<Section>) {
    if let Some(first) = sections.first_mut() {
        first.fields.insert(1, f("Carrier", t.carrier_code.clone()));
        if let Some(c) = &t.customs_status {
            first.fields.push(f(
                "Customs (reported)",
                format!(
                    "{} · {}",
                    c.description.as_deref().unwrap_or(c.code.label()),
                    c.reported_at
                ),
            ));
        }
    }
    let c = &t.conveyance;
    let mut conv = vec![
        f("Unit", c.unit_number.clone()),
        f("Type", c.type_code.clone()),
        f("Plates", plates(&c.plates)),
    ];
    if let Some(v) = &c.vin {
        conv.push(f("VIN", v.clone()));
    }
    conv.push(f("Seals", list_or_none(&c.seals)));
    sections.push(Section {
        id: String::new(),
        title: "Conveyance".into(),
        fields: conv,
    });
    for (i, tr) in t.trailers.iter().enumerate() {
        sections.push(Section {
            id: String::new(),
            title: format!("Trailer {} of {}", i + 1, t.trailers.len()),
            fields: vec![
                f("Number", tr.number.clone()),
                f("Type", tr.type_code.clone()),
                f("Plates", plates(&tr.plates)),
                f("Seals", list_or_none(&tr.seals)),
            ],
        });
    }
    for p in &t.crew {
        sections.push(person_section(p));
    }
    let n = t.shipments.len();
    for (i, s) in t.shipments.iter().enumerate() {
        let mut fields = vec![
            f(
                match t.regime {
                    Regime::Aci => "CCN",
                    Regime::Ace => "SCN",
                },
                s.control_number.clone(),
            ),
            f("Type", s.type_code.clone()),
            f(
                "Shipper",
                format!("{}, {}", s.shipper.name, s.shipper.address.city),
            ),
            f(
                "Consignee",
                format!("{}, {}", s.consignee.name, s.consignee.address.city),
            ),
        ];
        if let Some(r) = &s.release_office {
            fields.push(f("Release office", r.clone()));
        }
        for m in &s.commodities {
            let mut v = format!(
                "{} × {} {}, {} {}",
                m.quantity, m.packaging_unit, m.description, m.weight, m.weight_unit
            );
            if let Some(hs) = &m.hs_code {
                v.push_str(&format!(", HS {hs}"));
            }
            if let Some(h) = &m.hazmat {
                v.push_str(&format!(", hazmat {}", h.un_number));
            }
            fields.push(f("Goods", v));
        }
        sections.push(Section {
            id: String::new(),
            title: format!("Shipment {} of {n} · {}", i + 1, s.control_number),
            fields,
        });
    }
}

fn person_section(p: &Person) -> Section {
    let mut fields = vec![f("Name", format!("{} {}", p.first_name, p.last_name))];
    if let Some(c) = &p.citizenship {
        fields.push(f("Citizenship", c.clone()));
    }
    if let Some(d) = &p.date_of_birth {
        fields.push(f("Date of birth", d.clone()));
    }
    if let Some(fast) = &p.fast_card_number {
        fields.push(f("FAST card", fast.clone()));
    }
    for d in &p.travel_documents {
        let issuer = d
            .jurisdiction
            .as_deref()
            .or(d.country.as_deref())
            .unwrap_or("");
        fields.push(f(
            "Document",
            format!("{} {} {}", d.type_code, d.number, issuer)
                .trim()
                .to_string(),
        ));
    }
    Section {
        id: String::new(),
        title: match p.role {
            CrewRole::Driver => "Driver".into(),
            CrewRole::Passenger => "Passenger".into(),
        },
        fields,
    }
}

/// Plain-text rendering of a view (the CLI's `trip show`).
pub fn to_text(v: &ManifestView) -> String {
    let mut out = format!("{}\nStatus: {}\n", v.title, v.status.headline);
    if let Some(a) = &v.amendment {
        out.push_str(&format!(
            "Manifest amended (v{} → v{}): acknowledge to clear\n",
            a.from_version, a.to_version
        ));
        for c in &a.changes {
            out.push_str(&format!("  changed: {c}\n"));
        }
        for s in &a.shipments_added {
            out.push_str(&format!("  shipment added: {s}\n"));
        }
        for s in &a.shipments_removed {
            out.push_str(&format!("  shipment removed: {s}\n"));
        }
        for s in &a.shipments_changed {
            out.push_str(&format!("  shipment changed: {s}\n"));
        }
        if a.codes_changed {
            out.push_str("  border codes changed: old printed sheets are void\n");
        }
    } else if v.status.needs_acknowledgement {
        out.push_str("Action: acknowledge this manifest version\n");
    }
    for s in &v.sections {
        out.push_str(&format!("\n{}\n", s.title));
        let width = s
            .fields
            .iter()
            .map(|f| f.label.chars().count())
            .max()
            .unwrap_or(0);
        for fl in &s.fields {
            out.push_str(&format!("  {:<width$}  {}\n", fl.label, fl.value));
        }
    }
    if !v.warnings.is_empty() {
        out.push_str("\nWarnings\n");
        for w in &v.warnings {
            out.push_str(&format!("  ! {w}\n"));
        }
    }
    out
}

/// An ETA's local date-time as the driver reads it: `2026-11-26 14:30:00` (the document's
/// `T` becomes a space). One form for the manifest, the amendment banner, the CLI and the shells.
#[inline]
pub fn eta_text(local: &str) -> String {
    local.replace('T', " ")
}
