//! # crossing-paper
//!
//! The border paperwork as PDF, made from the trip alone (no network): the CBSA ACI lead sheet,
//! the CBP ACE cover sheet and the ACE QR windshield placard (docs/paperwork.md). Shared by the
//! phone core and the fleet server, so a driver at a truck stop and a dispatcher print the same
//! sheet.
//!
//! - [`pdf`]: a small writer (standard Helvetica faces with WinAnsi, vector rectangles); ADR 0030
//!   says why not a crate.
//! - [`render`] lays out one sheet; [`fingerprint`] and [`void_sheets`] tell a printed sheet from
//!   a stale one.

pub mod pdf;

mod layout;
mod metrics;

use std::fmt;
use std::str::FromStr;

use crossing_trip::model::{Regime, Trip};

pub use layout::SheetOptions;

/// Which paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SheetKind {
    /// CBSA ACI lead sheet (the officer stamps it).
    AciLead,
    /// CBP ACE cover sheet.
    AceCover,
    /// ACE QR windshield placard (Laredo field office).
    AcePlacard,
}

impl SheetKind {
    /// Every kind.
    pub const ALL: [SheetKind; 3] = [
        SheetKind::AciLead,
        SheetKind::AceCover,
        SheetKind::AcePlacard,
    ];

    /// Command-line and URL name (`aci-lead`).
    pub fn as_str(self) -> &'static str {
        match self {
            SheetKind::AciLead => "aci-lead",
            SheetKind::AceCover => "ace-cover",
            SheetKind::AcePlacard => "ace-placard",
        }
    }

    /// What the sheet is called, for a button or a file name.
    pub fn title(self) -> &'static str {
        match self {
            SheetKind::AciLead => "ACI lead sheet",
            SheetKind::AceCover => "ACE cover sheet",
            SheetKind::AcePlacard => "ACE QR windshield placard",
        }
    }

    /// The regime it is for.
    pub fn regime(self) -> Regime {
        match self {
            SheetKind::AciLead => Regime::Aci,
            SheetKind::AceCover | SheetKind::AcePlacard => Regime::Ace,
        }
    }

    /// The kinds that apply to a trip.
    pub fn for_trip(trip: &Trip) -> Vec<SheetKind> {
        Self::ALL
            .into_iter()
            .filter(|k| k.regime() == trip.regime)
            .collect()
    }
}

impl fmt::Display for SheetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SheetKind {
    type Err = crossing_codes::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                crossing_codes::Error::input(
                    "kind",
                    format!("{s:?} must be one of aci-lead, ace-cover, ace-placard"),
                )
            })
    }
}

/// A rendered sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// Which sheet.
    pub kind: SheetKind,
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// Pages (a detailed lead sheet of a long trip runs over several).
    pub pages: usize,
    /// The trip version printed.
    pub trip_version: u64,
    /// The short fingerprint printed on it ([`fingerprint`]).
    pub fingerprint: String,
    /// Characters that have no WinAnsi code, printed as `?` (never dropped silently).
    pub replaced: Vec<char>,
}

/// Renders one sheet of a trip. `made_at` is the "made" time as it should be printed.
pub fn render(
    trip: &Trip,
    kind: SheetKind,
    options: &SheetOptions,
    made_at: &str,
) -> crossing_codes::Result<Sheet> {
    if kind.regime() != trip.regime {
        return Err(crossing_codes::Error::input(
            "kind",
            format!(
                "{} is for {} trips; this trip is {}",
                kind.title(),
                kind.regime().as_str(),
                trip.regime.as_str()
            ),
        ));
    }
    let fingerprint = fingerprint(trip, kind);
    let footer = format!(
        "Trip version {} · fingerprint {fingerprint} · made {made_at} · reprint if the trip changes",
        trip.version
    );
    let pages = match kind {
        SheetKind::AciLead => layout::aci_lead(trip, options, &footer)?,
        SheetKind::AceCover => layout::ace_cover(trip, options, &footer)?,
        SheetKind::AcePlacard => layout::ace_placard(trip, &footer, &fingerprint)?,
    };
    let mut replaced: Vec<char> = Vec::new();
    for c in pages.iter().flat_map(|p| p.missing.iter()) {
        if !replaced.contains(c) {
            replaced.push(*c);
        }
    }
    Ok(Sheet {
        kind,
        pdf: pdf::finish(&pages, &format!("{} {}", kind.title(), trip.trip_number)),
        pages: pages.len(),
        trip_version: trip.version,
        fingerprint,
        replaced,
    })
}

/// What a sheet encodes, in a line each: the trip number, the ETA date, the plates, the control
/// numbers. Two trips with the same lines print the same sheet's codes and key facts.
fn printed_facts(trip: &Trip, kind: SheetKind) -> String {
    let plates = std::iter::once(&trip.conveyance.plates)
        .chain(trip.trailers.iter().map(|t| &t.plates))
        .flatten()
        .map(|p| format!("{} {} {}", p.number, p.jurisdiction, p.country))
        .collect::<Vec<_>>()
        .join(",");
    let controls = match kind {
        // The placard carries no control number.
        SheetKind::AcePlacard => String::new(),
        _ => trip
            .shipments
            .iter()
            .map(|s| s.control_number.as_str())
            .collect::<Vec<_>>()
            .join(","),
    };
    let date = trip.eta.local.get(..10).unwrap_or(&trip.eta.local);
    format!(
        "{}\n{}\n{date}\n{plates}\n{controls}",
        kind.as_str(),
        trip.trip_number
    )
}

/// A short fingerprint (8 hex digits, FNV-1a) of what a sheet encodes: printed on it, and
/// compared to tell a stale printed sheet after an amendment.
pub fn fingerprint(trip: &Trip, kind: SheetKind) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in printed_facts(trip, kind).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:08X}", h >> 32)
}

/// The sheets printed from `old` that `new` makes void: what they encode changed (trip number,
/// ETA date, plates, control numbers).
pub fn void_sheets(old: &Trip, new: &Trip) -> Vec<SheetKind> {
    SheetKind::for_trip(old)
        .into_iter()
        .filter(|&k| new.regime != old.regime || fingerprint(old, k) != fingerprint(new, k))
        .collect()
}
