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
use crate::text::{tr, Text};

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

/// A field labelled by message `label` (the caller's catalogue).
fn f(t: &Text, label: &str, value: impl Into<String>) -> Field {
    Field {
        id: String::new(),
        label: t.get(label, &[]),
        value: value.into(),
    }
}

/// A section titled by `title`, already worded.
fn section(title: String, fields: Vec<Field>) -> Section {
    Section {
        id: String::new(),
        title,
        fields,
    }
}

fn plates(t: &Text, ps: &[Plate]) -> String {
    if ps.is_empty() {
        return t.get("value-none", &[]);
    }
    ps.iter()
        .map(|p| format!("{} ({}-{})", p.number, p.country, p.jurisdiction))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list_or_none(t: &Text, items: &[String]) -> String {
    if items.is_empty() {
        t.get("value-none", &[])
    } else {
        items.join(", ")
    }
}

/// Builds the view of a stored trip.
pub fn manifest_view(stored: &StoredTrip, status: DisplayStatus, t: &Text) -> ManifestView {
    let s = &stored.summary;
    let mut sections = vec![section(
        t.get("section-trip", &[]),
        vec![
            f(
                t,
                match s.regime {
                    Regime::Aci => "label-crn",
                    Regime::Ace => "label-trip-number",
                },
                s.trip_number.clone(),
            ),
            f(
                t,
                "label-regime",
                format!("{} ({})", s.regime.as_str(), s.regime.agency()),
            ),
            f(t, "label-port", s.port_of_entry.clone()),
            f(
                t,
                "label-eta",
                crate::app::time::eta(t, &s.eta_local, &s.eta_zone),
            ),
            f(t, "label-version", s.version.to_string()),
        ],
    )];
    if let Some(c) = stored.customs.as_ref().filter(|c| !c.is_empty()) {
        sections.push(customs_section(t, c, s.regime, &s.port_of_entry));
    }
    if let Some(trip) = &stored.manifest {
        trip_sections(t, trip, &mut sections);
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
        title: tr!(
            t,
            "trip-title",
            regime = s.regime.as_str(),
            number = s.trip_number.as_str(),
            port = s.port_of_entry.as_str()
        ),
        state: s.state,
        status,
        sections,
        warnings: stored.warnings.iter().map(|w| warning(t, w)).collect(),
        codes,
        amendment: None,
    }
}

/// Where customs stands, trip and shipments, with what to do first: the provider's answers as
/// the fleet relayed them (`crossing_trip::customs`), never a trip amendment.
fn customs_section(t: &Text, c: &CustomsState, regime: Regime, port: &str) -> Section {
    let when = |s: &crate::customs::Standing| match s.customs_time.as_deref() {
        Some(time) if time.len() >= 16 => format!(
            " · {}",
            tr!(
                t,
                "value-customs-time",
                agency = regime.agency(),
                time = &time[..16]
            )
        ),
        _ => String::new(),
    };
    let mut fields: Vec<Field> = c
        .advice_in(regime, port, t)
        .into_iter()
        .map(|a| f(t, "label-what-to-do", a))
        .collect();
    if let Some(s) = &c.trip {
        fields.push(f(
            t,
            "label-trip",
            format!("{}{}", s.display_in(regime, t), when(s)),
        ));
    }
    for sh in &c.shipments {
        fields.push(Field {
            id: String::new(),
            label: sh.control_number.clone().unwrap_or_else(|| "?".into()),
            value: format!("{}{}", sh.display_in(regime, t), when(sh)),
        });
    }
    section(t.get("section-customs", &[]), fields)
}

/// A validation warning as a sentence: the path as the fleet wrote it, the rule in the
/// driver's language ([`Issue::worded`]; a warning stored before rules had messages reads as
/// it was written).
fn warning(t: &Text, w: &Issue) -> String {
    w.worded(t)
}

fn trip_sections(t: &Text, trip: &Trip, sections: &mut Vec<Section>) {
    if let Some(first) = sections.first_mut() {
        first
            .fields
            .insert(1, f(t, "label-carrier", trip.carrier_code.clone()));
        if let Some(c) = &trip.customs_status {
            first.fields.push(f(
                t,
                "label-customs-reported",
                format!("{} · {}", crate::status::customs_words(t, c), c.reported_at),
            ));
        }
    }
    let c = &trip.conveyance;
    let mut conv = vec![
        f(t, "label-unit", c.unit_number.clone()),
        f(t, "label-type", c.type_code.clone()),
        f(t, "label-plates", plates(t, &c.plates)),
    ];
    if let Some(v) = &c.vin {
        conv.push(f(t, "label-vin", v.clone()));
    }
    conv.push(f(t, "label-seals", list_or_none(t, &c.seals)));
    sections.push(section(t.get("section-conveyance", &[]), conv));
    for (i, tl) in trip.trailers.iter().enumerate() {
        sections.push(section(
            tr!(
                t,
                "section-trailer",
                index = i + 1,
                of = trip.trailers.len()
            ),
            vec![
                f(t, "label-number", tl.number.clone()),
                f(t, "label-type", tl.type_code.clone()),
                f(t, "label-plates", plates(t, &tl.plates)),
                f(t, "label-seals", list_or_none(t, &tl.seals)),
            ],
        ));
    }
    for p in &trip.crew {
        sections.push(person_section(t, p));
    }
    let n = trip.shipments.len();
    for (i, s) in trip.shipments.iter().enumerate() {
        let mut fields = vec![
            f(
                t,
                match trip.regime {
                    Regime::Aci => "label-ccn",
                    Regime::Ace => "label-scn",
                },
                s.control_number.clone(),
            ),
            f(t, "label-type", s.type_code.clone()),
            f(
                t,
                "label-shipper",
                format!("{}, {}", s.shipper.name, s.shipper.address.city),
            ),
            f(
                t,
                "label-consignee",
                format!("{}, {}", s.consignee.name, s.consignee.address.city),
            ),
        ];
        if let Some(r) = &s.release_office {
            fields.push(f(t, "label-release-office", r.clone()));
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
                v.push_str(&format!(
                    ", {}",
                    tr!(t, "value-hazmat", un = h.un_number.as_str())
                ));
            }
            fields.push(f(t, "label-goods", v));
        }
        sections.push(section(
            tr!(
                t,
                "section-shipment",
                index = i + 1,
                of = n,
                number = s.control_number.as_str()
            ),
            fields,
        ));
    }
}

fn person_section(t: &Text, p: &Person) -> Section {
    let mut fields = vec![f(
        t,
        "label-name",
        format!("{} {}", p.first_name, p.last_name),
    )];
    if let Some(c) = &p.citizenship {
        fields.push(f(t, "label-citizenship", c.clone()));
    }
    if let Some(d) = &p.date_of_birth {
        fields.push(f(t, "label-date-of-birth", d.clone()));
    }
    if let Some(fast) = &p.fast_card_number {
        fields.push(f(t, "label-fast", fast.clone()));
    }
    for d in &p.travel_documents {
        let issuer = d
            .jurisdiction
            .as_deref()
            .or(d.country.as_deref())
            .unwrap_or("");
        fields.push(f(
            t,
            "label-document",
            format!("{} {} {}", d.type_code, d.number, issuer)
                .trim()
                .to_string(),
        ));
    }
    section(
        t.get(
            match p.role {
                CrewRole::Driver => "section-driver",
                CrewRole::Passenger => "section-passenger",
            },
            &[],
        ),
        fields,
    )
}

/// Plain-text rendering of a view (the CLI's `trip show`), in `t`'s language.
pub fn to_text(v: &ManifestView, t: &Text) -> String {
    let mut out = format!(
        "{}\n{}\n",
        v.title,
        tr!(t, "cli-status", status = v.status.headline.as_str())
    );
    if let Some(a) = &v.amendment {
        out.push_str(&tr!(
            t,
            "cli-amended",
            from = a.from_version,
            to = a.to_version
        ));
        out.push('\n');
        for c in &a.changes {
            out.push_str(&format!("  {}\n", tr!(t, "cli-changed", change = c)));
        }
        let lists = [
            ("cli-shipment-added", &a.shipments_added),
            ("cli-shipment-removed", &a.shipments_removed),
            ("cli-shipment-changed", &a.shipments_changed),
        ];
        for (id, list) in lists {
            for s in list {
                out.push_str(&format!("  {}\n", tr!(t, id, number = s)));
            }
        }
        if a.codes_changed {
            out.push_str(&format!("  {}\n", t.get("cli-codes-changed", &[])));
        }
    } else if v.status.needs_acknowledgement {
        out.push_str(&t.get("cli-acknowledge", &[]));
        out.push('\n');
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
        out.push_str(&format!("\n{}\n", t.get("cli-warnings", &[])));
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
