//! What an amendment changed, for the banner the driver sees until they acknowledge the new
//! version: changed fields in words, shipments added and removed, and whether the border codes
//! changed (the printed sheet in the cab is then stale).

use serde::Serialize;

use crate::codes;
use crate::model::{Plate, Trip};
use crate::text::{tr, Text};

/// The difference between the version the driver knows and the current one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Amendment {
    /// The version the driver last acknowledged (or first received).
    pub from_version: u64,
    /// The current version.
    pub to_version: u64,
    /// Changed fields, e.g. `ETA: Thu 26 Nov 14:30 EST → Fri 27 Nov 09:00 EST`.
    pub changes: Vec<String>,
    /// Control numbers of shipments added.
    pub shipments_added: Vec<String>,
    /// Control numbers of shipments removed.
    pub shipments_removed: Vec<String>,
    /// Control numbers of shipments whose details changed.
    pub shipments_changed: Vec<String>,
    /// A border code's content changed: old lead sheets and codes are void.
    pub codes_changed: bool,
    /// The printed sheets the change makes void (what they encode changed: trip number, ETA
    /// date, plates, control numbers), by title.
    pub sheets_void: Vec<String>,
}

fn plates(ps: &[Plate]) -> String {
    ps.iter()
        .map(|p| format!("{} {}-{}", p.number, p.country, p.jurisdiction))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Compares two versions of a trip.
pub fn diff(old: &Trip, new: &Trip, t: &Text) -> Amendment {
    let (old_ids, new_ids) = (shipment_ids(old), shipment_ids(new));
    let shipments_added: Vec<String> = new_ids
        .iter()
        .filter(|s| !old_ids.contains(s))
        .cloned()
        .collect();
    let shipments_removed: Vec<String> = old_ids
        .iter()
        .filter(|s| !new_ids.contains(s))
        .cloned()
        .collect();
    let shipments_changed: Vec<String> = new
        .shipments
        .iter()
        .filter(|s| old.shipment(&s.control_number).is_some_and(|o| o != *s))
        .map(|s| s.control_number.clone())
        .collect();
    let payloads = |t: &Trip| {
        let mut p = vec![t.trip_number.clone()];
        p.extend(codes::ace_qr_payload(t).ok());
        p
    };
    let codes_changed = payloads(old) != payloads(new)
        || !shipments_added.is_empty()
        || !shipments_removed.is_empty();
    Amendment {
        from_version: old.version,
        to_version: new.version,
        changes: header_changes(old, new, t),
        shipments_added,
        shipments_removed,
        shipments_changed,
        codes_changed,
        sheets_void: crate::paper::void_sheets(old, new)
            .into_iter()
            .map(|k| t.get(&format!("sheet-{}", k.as_str()), &[]))
            .collect(),
    }
}

/// One line per changed header field ("ETA: a → b"), in the manifest's order.
fn header_changes(old: &Trip, new: &Trip, t: &Text) -> Vec<String> {
    let mut changes = Vec::new();
    let mut field = |label: &str, a: String, b: String| {
        if a != b {
            changes.push(tr!(
                t,
                "amend-change",
                field = t.get(label, &[]),
                old = a,
                new = b
            ));
        }
    };
    let eta = |trip: &Trip| crate::app::time::eta(t, &trip.eta.local, &trip.eta.zone);
    field(
        "amend-field-trip-number",
        old.trip_number.clone(),
        new.trip_number.clone(),
    );
    field(
        "amend-field-port",
        old.port_of_entry.clone(),
        new.port_of_entry.clone(),
    );
    field("amend-field-eta", eta(old), eta(new));
    field(
        "amend-field-unit",
        old.conveyance.unit_number.clone(),
        new.conveyance.unit_number.clone(),
    );
    field(
        "amend-field-truck-plates",
        plates(&old.conveyance.plates),
        plates(&new.conveyance.plates),
    );
    field(
        "amend-field-vin",
        old.conveyance.vin.clone().unwrap_or_default(),
        new.conveyance.vin.clone().unwrap_or_default(),
    );
    field(
        "amend-field-truck-seals",
        old.conveyance.seals.join(", "),
        new.conveyance.seals.join(", "),
    );
    field("amend-field-trailers", trailers(old), trailers(new));
    field("amend-field-crew", crew(old), crew(new));
    if old.customs_status != new.customs_status {
        changes.push(t.get("amend-customs-updated", &[]));
    }
    changes
}

fn trailers(t: &Trip) -> String {
    t.trailers
        .iter()
        .map(|x| {
            format!(
                "{} [{}] seals {}",
                x.number,
                plates(&x.plates),
                x.seals.join(" ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn crew(t: &Trip) -> String {
    t.crew
        .iter()
        .map(|p| format!("{} {}", p.first_name, p.last_name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn shipment_ids(t: &Trip) -> Vec<String> {
    t.shipments
        .iter()
        .map(|s| s.control_number.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trip() -> Trip {
        serde_json::from_str(include_str!("../../../examples/ace-trip.json")).expect("example")
    }

    #[test]
    fn nothing_changed_is_empty() {
        let a = diff(&trip(), &trip(), &Text::default());
        assert!(a.changes.is_empty() && a.shipments_added.is_empty() && !a.codes_changed);
    }

    #[test]
    fn eta_date_plates_and_shipments_are_reported() {
        let old = trip();
        let mut new = trip();
        new.version = 3;
        new.eta.local = "2026-11-28T09:00:00".into();
        new.conveyance.seals.push("NEWSEAL1".into());
        let removed = new.shipments.remove(1);
        let mut added = old.shipments[0].clone();
        added.control_number = "NRTH884512099".into();
        new.shipments.push(added);
        new.shipments[0].commodities[0].quantity = 1100;
        let a = diff(&old, &new, &Text::default());
        assert_eq!((a.from_version, a.to_version), (2, 3));
        assert_eq!(
            a.changes,
            [
                "ETA: Fri 27 Nov 08:15 EST → Sat 28 Nov 09:00 EST",
                "Truck seals:  → NEWSEAL1"
            ]
        );
        assert_eq!(a.shipments_added, ["NRTH884512099"]);
        assert_eq!(a.shipments_removed, [removed.control_number]);
        assert_eq!(a.shipments_changed, ["NRTH884512093"]);
        assert!(a.codes_changed, "the ACE QR carries the ETA date");
    }

    #[test]
    fn a_seal_change_alone_does_not_void_the_codes() {
        let old = trip();
        let mut new = trip();
        new.conveyance.seals = vec!["S1".into()];
        assert!(!diff(&old, &new, &Text::default()).codes_changed);
    }
}
