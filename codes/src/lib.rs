//! # crossing-codes
//!
//! Border codes: what the officer scans, as module matrices the shells draw crisply and the
//! paperwork prints as vector rectangles. Shared by the phone core (which adds PNG, SVG and
//! terminal writers), the paperwork and the fleet server; no I/O.
//!
//! Which code where (ADR 0020, docs/domain.md §1.6, §3.3, §3.7):
//! - QR of the conveyance reference (the trip number), error correction M, 4-module quiet zone;
//! - ACI: Code 128 of the CRN (CBSA lead sheet) and of each CCN (PARS label);
//! - ACE: Code 39 of the trip number (cover sheet) and of each SCN (PAPS label), and CBP's
//!   optional ACE QR layout.
//!
//! Crates: `qrcode` for QR (the project's requested stack); `barcoders` for Code 128 and
//! Code 39 because it is maintained, has no dependencies with `std` only, returns modules
//! directly and covers both symbologies (docs/dependencies.md). Every code is decoded back in
//! the integration tests by independent decoders (`rqrr`, `rxing`).
//!
//! Codes are computed from the stored trip each time they are asked for, and carry the trip
//! version they were made from, so an amended trip can never show a stale code.

mod ace_qr;
mod encode;
mod error;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crossing_trip::model::{Regime, Trip};
pub use error::{Error, Result};

pub use ace_qr::{ace_qr_payload, ACE_QR_PLATE_CHARS, ACE_QR_TRIP_WIDTH, ACE_QR_VERSION};
#[cfg(test)]
use encode::code128_sets;
use encode::{code128, code39, qr, qr_q};

/// Which border code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CodeKind {
    /// QR code of the trip number (conveyance reference).
    Qr,
    /// ACI: Code 128 of the CRN, for the CBSA lead sheet.
    Crn128,
    /// ACI: Code 128 of a CCN, as on its PARS label.
    Ccn128,
    /// ACE: Code 39 of the trip number (cover sheet), or of an SCN/PAPS with a shipment.
    Ace39,
    /// ACE: CBP's optional truck-manifest QR layout.
    AceQr,
}

impl CodeKind {
    /// Every kind.
    pub const ALL: [CodeKind; 5] = [
        CodeKind::Qr,
        CodeKind::Crn128,
        CodeKind::Ccn128,
        CodeKind::Ace39,
        CodeKind::AceQr,
    ];

    /// Command-line name (`crn128`).
    pub fn as_str(self) -> &'static str {
        match self {
            CodeKind::Qr => "qr",
            CodeKind::Crn128 => "crn128",
            CodeKind::Ccn128 => "ccn128",
            CodeKind::Ace39 => "ace39",
            CodeKind::AceQr => "ace-qr",
        }
    }

    /// Whether the kind applies to a regime.
    pub fn applies_to(self, regime: Regime) -> bool {
        match self {
            CodeKind::Qr => true,
            CodeKind::Crn128 | CodeKind::Ccn128 => regime == Regime::Aci,
            CodeKind::Ace39 | CodeKind::AceQr => regime == Regime::Ace,
        }
    }
}

impl fmt::Display for CodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CodeKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let wanted = s.trim().to_ascii_lowercase().replace('_', "-");
        CodeKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                Error::input(
                    "kind",
                    format!("{s:?} must be one of qr, crn128, ccn128, ace39, ace-qr"),
                )
            })
    }
}

/// The barcode symbology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Symbology {
    /// QR code (ISO/IEC 18004), 2D.
    Qr,
    /// Code 128, 1D.
    Code128,
    /// Code 39 (3 of 9), 1D.
    Code39,
}

impl Symbology {
    /// The symbology's name for the shells' drawing code: `qr`, `code128` or `code39`.
    #[inline]
    pub fn as_str(self) -> &'static str {
        match self {
            Symbology::Qr => "qr",
            Symbology::Code128 => "code128",
            Symbology::Code39 => "code39",
        }
    }
}

/// A code as modules: row-major, `1` = dark, the quiet zone included.
/// A 1D code has `height == 1`: draw each module as a full-height bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleMatrix {
    /// Modules per row, quiet zone included.
    pub width: u32,
    /// Rows (1 for linear codes).
    pub height: u32,
    /// Light modules on each side that belong to the code (4 for QR, 10 for 1D).
    pub quiet_zone: u32,
    /// `width * height` bytes, `1` dark, `0` light.
    pub modules: Vec<u8>,
}

impl ModuleMatrix {
    /// Whether the module at (x, y) is dark.
    pub fn dark(&self, x: u32, y: u32) -> bool {
        x < self.width && y < self.height && self.modules[(y * self.width + x) as usize] == 1
    }

    /// Whether this is a 2D code.
    pub fn is_2d(&self) -> bool {
        self.height > 1
    }
}

/// A border code ready to show: matrix, payload, the text to print under it, and caveats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BorderCode {
    /// Which code.
    pub kind: CodeKind,
    /// Its symbology.
    pub symbology: Symbology,
    /// What the code encodes, byte for byte.
    pub payload: String,
    /// Text to print under the code (large, for manual entry).
    pub human_readable: String,
    /// What the code is, for the screen title.
    pub title: String,
    /// The modules.
    pub matrix: ModuleMatrix,
    /// The trip it was drawn from.
    pub trip_id: String,
    /// The trip version it was drawn from (show it; a newer version redraws the code).
    pub trip_version: u64,
    /// What is not confirmed about this code, said plainly.
    pub caveats: Vec<String>,
}

/// Phone-screen acceptance is undocumented (docs/domain.md §7 item 4).
pub const SCREEN_CAVEAT: &str =
    "Officers scanning a phone screen is not confirmed by CBSA or CBP: carry the printed sheet too";
/// The CRN symbology is industry practice (docs/domain.md §7 item 3).
pub const CRN_CAVEAT: &str =
    "CBSA has not published the lead-sheet symbology; Code 128 is industry practice";
/// The ACE QR layout is only partly confirmed (docs/domain.md §3.7, §7 item 2).
pub const ACE_QR_CAVEAT: &str = "ACE QR field layout follows CBP's 2020 specification as summarised; the delimiter, padding and version string are not confirmed against the CBP document";

/// Draws one border code for a trip. `shipment` selects the CCN (ccn128) or SCN (ace39).
pub fn border_code(trip: &Trip, kind: CodeKind, shipment: Option<&str>) -> Result<BorderCode> {
    if !kind.applies_to(trip.regime) {
        return Err(Error::Barcode {
            kind: kind.as_str(),
            reason: format!("does not apply to {} trips", trip.regime.as_str()),
        });
    }
    if shipment.is_some() && !matches!(kind, CodeKind::Ccn128 | CodeKind::Ace39) {
        return Err(Error::input(
            "shipment",
            format!("is not used with {kind} codes"),
        ));
    }
    if is_trip_number_code(kind, shipment) {
        return trip_number_code(
            &TripRef {
                id: &trip.id,
                version: trip.version,
                regime: trip.regime,
                trip_number: &trip.trip_number,
            },
            kind,
        );
    }
    let mut caveats = vec![SCREEN_CAVEAT.to_string()];
    let (symbology, payload, human, title, matrix) = match kind {
        CodeKind::Qr | CodeKind::Crn128 => unreachable_kind(kind)?,
        CodeKind::Ccn128 => {
            let s = pick_shipment(trip, kind, shipment)?;
            let m = code128(kind, &s)?;
            (
                Symbology::Code128,
                s.clone(),
                s,
                "PARS / cargo control number".to_string(),
                m,
            )
        }
        CodeKind::Ace39 => match shipment {
            None => unreachable_kind(kind)?,
            Some(_) => {
                let s = pick_shipment(trip, kind, shipment)?;
                let m = code39(kind, &s)?;
                (
                    Symbology::Code39,
                    s.clone(),
                    s,
                    "PAPS / shipment control number".to_string(),
                    m,
                )
            }
        },
        CodeKind::AceQr => {
            caveats.push(ACE_QR_CAVEAT.to_string());
            let p = ace_qr_payload(trip)?;
            let m = qr(kind, &p)?;
            (
                Symbology::Qr,
                p,
                trip.trip_number.clone(),
                "CBP ACE manifest QR".to_string(),
                m,
            )
        }
    };
    Ok(BorderCode {
        kind,
        symbology,
        payload,
        human_readable: human,
        title,
        matrix,
        trip_id: trip.id.clone(),
        trip_version: trip.version,
        caveats,
    })
}

/// CBP's ACE QR for the windshield placard: the same payload as [`CodeKind::AceQr`], at error
/// correction Q.
pub fn ace_qr_placard(trip: &Trip) -> Result<BorderCode> {
    let mut code = border_code(trip, CodeKind::AceQr, None)?;
    code.matrix = qr_q(CodeKind::AceQr, &code.payload)?;
    Ok(code)
}

/// What a code of the trip number needs: no manifest parse.
#[derive(Debug, Clone, Copy)]
pub struct TripRef<'a> {
    /// Fleet trip id.
    pub id: &'a str,
    /// Trip version the code is drawn from.
    pub version: u64,
    /// ACI or ACE.
    pub regime: Regime,
    /// CRN or ACE trip number.
    pub trip_number: &'a str,
}

/// Whether `kind` (without a shipment) is drawn from the trip number alone.
pub fn is_trip_number_code(kind: CodeKind, shipment: Option<&str>) -> bool {
    shipment.is_none() && matches!(kind, CodeKind::Qr | CodeKind::Crn128 | CodeKind::Ace39)
}

/// The trip-number codes (QR of the reference, CBSA CRN Code 128, ACE trip Code 39), drawn from
/// the stored summary so the border screen does not parse the manifest a second time.
pub fn trip_number_code(trip: &TripRef<'_>, kind: CodeKind) -> Result<BorderCode> {
    if !kind.applies_to(trip.regime) {
        return Err(Error::Barcode {
            kind: kind.as_str(),
            reason: format!("does not apply to {} trips", trip.regime.as_str()),
        });
    }
    let mut caveats = vec![SCREEN_CAVEAT.to_string()];
    let p = trip.trip_number.to_string();
    let (symbology, title, matrix) = match kind {
        CodeKind::Qr => (Symbology::Qr, "Trip number (QR)", qr(kind, &p)?),
        CodeKind::Crn128 => {
            caveats.push(CRN_CAVEAT.to_string());
            (
                Symbology::Code128,
                "CBSA lead sheet: CRN",
                code128(kind, &p)?,
            )
        }
        CodeKind::Ace39 => (
            Symbology::Code39,
            "ACE cover sheet: trip number",
            code39(kind, &p)?,
        ),
        CodeKind::Ccn128 | CodeKind::AceQr => return unreachable_kind(kind),
    };
    Ok(BorderCode {
        kind,
        symbology,
        payload: p.clone(),
        human_readable: p,
        title: title.to_string(),
        matrix,
        trip_id: trip.id.to_string(),
        trip_version: trip.version,
        caveats,
    })
}

fn unreachable_kind<T>(kind: CodeKind) -> Result<T> {
    Err(Error::Barcode {
        kind: kind.as_str(),
        reason: "is not drawn from the trip number alone".into(),
    })
}

/// The codes that apply to a trip: kind and shipment (for per-shipment codes).
pub fn available(trip: &Trip) -> Vec<(CodeKind, Option<String>)> {
    let mut out = vec![(CodeKind::Qr, None)];
    match trip.regime {
        Regime::Aci => {
            out.push((CodeKind::Crn128, None));
            out.extend(
                trip.shipments
                    .iter()
                    .map(|s| (CodeKind::Ccn128, Some(s.control_number.clone()))),
            );
        }
        Regime::Ace => {
            out.push((CodeKind::Ace39, None));
            if ace_qr_payload(trip).is_ok() {
                out.push((CodeKind::AceQr, None));
            }
            out.extend(
                trip.shipments
                    .iter()
                    .map(|s| (CodeKind::Ace39, Some(s.control_number.clone()))),
            );
        }
    }
    out
}

fn pick_shipment(trip: &Trip, kind: CodeKind, shipment: Option<&str>) -> Result<String> {
    match shipment {
        Some(s) => {
            let s = s.trim().to_ascii_uppercase();
            trip.shipment(&s)
                .map(|x| x.control_number.clone())
                .ok_or_else(|| {
                    Error::input("shipment", format!("{s:?} is not on trip {:?}", trip.id))
                })
        }
        None => match trip.shipments.as_slice() {
            [only] => Ok(only.control_number.clone()),
            [] => Err(Error::Barcode {
                kind: kind.as_str(),
                reason: "the trip has no shipments".into(),
            }),
            _ => Err(Error::input(
                "shipment",
                format!(
                    "is required for {kind}: the trip has {} shipments",
                    trip.shipments.len()
                ),
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code128_sets_switch_to_c_for_long_digit_runs_only() {
        assert_eq!(
            code128_sets("1234ABCD20261125001"),
            "Ć1234ƁABCD2Ć0261125001"
        );
        assert_eq!(code128_sets("ABC12DEF"), "ƁABC12DEF");
        assert_eq!(code128_sets("12345"), "Ɓ1Ć2345");
        assert_eq!(code128_sets("1234PARS56789"), "Ć1234ƁPARS5Ć6789");
        assert_eq!(code128_sets("8080-00001"), "Ć8080Ɓ-0Ć0001");
    }
}
