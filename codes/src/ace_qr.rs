//! CBP's ACE manifest QR: the payload's field layout, with what is not confirmed about it
//! ([`super::ACE_QR_CAVEAT`]).

use super::*;

/// The ACE QR layout version field. UNCONFIRMED: the real version string is in CBP's PDF.
pub const ACE_QR_VERSION: &str = "001";
/// Width of the ACE QR trip-id field (confirmed: 25).
pub const ACE_QR_TRIP_WIDTH: usize = 25;
/// Plate characters per plate (confirmed: 7).
pub const ACE_QR_PLATE_CHARS: usize = 7;

/// Builds the CBP ACE QR payload: version (3) + trip id (25) + ETA `yyyymmdd` (8) +
/// two tractor plates (12 each: ISO country 2 + state/province 3 + plate 7), 60 characters.
///
/// Confirmed (CBP 2020 spec as summarised; CSMS #64710039): the fields, their widths and order,
/// alphanumeric content, no `+` sign. NOT confirmed: the version string ([`ACE_QR_VERSION`]),
/// fixed-width space padding with no delimiter, and removing spaces and dashes from plates.
/// Plates with more than 7 characters are refused rather than cut.
pub fn ace_qr_payload(trip: &Trip) -> Result<String> {
    let fail = |reason: String| Error::Barcode {
        kind: CodeKind::AceQr.as_str(),
        reason,
    };
    if trip.regime != Regime::Ace {
        return Err(fail("applies to ACE trips only".into()));
    }
    let tn = &trip.trip_number;
    if tn.chars().count() > ACE_QR_TRIP_WIDTH {
        return Err(fail(format!(
            "trip number longer than {ACE_QR_TRIP_WIDTH} characters"
        )));
    }
    let eta = trip
        .eta_local()
        .ok_or_else(|| fail("the trip has no valid ETA".into()))?;
    let plates = trip.tractor_plates();
    if plates.is_empty() || plates.len() > 2 {
        return Err(fail(format!(
            "needs 1 or 2 tractor plates (found {})",
            plates.len()
        )));
    }
    let mut out = String::with_capacity(60);
    out.push_str(ACE_QR_VERSION);
    out.push_str(&format!("{tn:<ACE_QR_TRIP_WIDTH$}"));
    out.push_str(&eta.format("%Y%m%d").to_string());
    for i in 0..2 {
        match plates.get(i) {
            Some(p) => {
                let number: String = p
                    .number
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .collect();
                if number.len() > ACE_QR_PLATE_CHARS {
                    return Err(fail(format!(
                        "conveyance.plates[{i}].number: longer than {ACE_QR_PLATE_CHARS} characters; the ACE QR has room for {ACE_QR_PLATE_CHARS}"
                    )));
                }
                out.push_str(&format!(
                    "{:<2}{:<3}{:<width$}",
                    p.country,
                    p.jurisdiction,
                    number,
                    width = ACE_QR_PLATE_CHARS
                ));
            }
            None => out.push_str(&" ".repeat(12)),
        }
    }
    if let Some(bad) = out
        .chars()
        .find(|c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || *c == ' '))
    {
        return Err(fail(format!(
            "would contain {bad:?}; only A-Z, 0-9 and space are allowed"
        )));
    }
    Ok(out)
}
