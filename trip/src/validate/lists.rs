//! The code lists the rules check against (shipment types, travel documents, WHTI documents,
//! descriptions customs call too vague).

/// ACI shipment types (BorderConnect `ca/aci/shipment-types.json`).
pub const ACI_SHIPMENT_TYPES: &[&str] = &[
    "PARS",
    "CSA",
    "BOND",
    "E29B",
    "ATA",
    "OIC",
    "PG",
    "A49",
    "PAPER_RMD",
    "PAPER_B3",
    "ASTRAY",
    "MILITARY",
    "VI",
    "MP",
    "ALR",
];
/// ACE shipment types (BorderConnect `us/ace/shipment-types.json`).
pub const ACE_SHIPMENT_TYPES: &[&str] = &[
    "PAPS",
    "IN_BOND",
    "QP_IN_BOND",
    "GOODS_ASTRAY",
    "INTANGIBLES",
    "ATTACHED_CF7523",
    "ATTACHED_CF3311",
    "ATTACHED_CF3299",
    "CARNET",
];
/// Travel document type codes (BorderConnect `travel-document-types.json`).
pub const TRAVEL_DOCUMENT_TYPES: &[&str] = &[
    "5K", "5J", "6W", "ACW", "AEF", "AEW", "ALV", "BCP", "AGS", "ACU", "AGR", "ALR", "REP", "RTP",
    "30", "AGT", "BCN", "CON", "CDN", "AAG", "ALX", "ALY", "OTD", "HD",
];
/// Licence-type documents, issued by a state or province.
pub(super) const LICENCE_TYPES: &[&str] = &["5K", "5J", "6W"];
/// Documents that satisfy WHTI next to a CDL (passport, passport card, trusted-traveller
/// cards, enhanced licence, PR and alien-registration cards, BCC, mariner and military IDs).
pub(super) const WHTI_TYPES: &[&str] = &[
    "ACW", "AEF", "AEW", "ALV", "6W", "AGS", "ACU", "AGR", "ALR", "BCP", "ALX", "AAG",
];
/// Descriptions CBP lists as unacceptable on their own.
pub(super) const VAGUE_DESCRIPTIONS: &[&str] = &[
    "PARTS",
    "EQUIPMENT",
    "CHEMICALS",
    "GENERAL MERCHANDISE",
    "CONSOLIDATED",
    "FOODSTUFFS",
    "FAK",
    "FREIGHT ALL KINDS",
    "STC",
    "SAID TO CONTAIN",
    "MISC",
    "MISCELLANEOUS",
    "GOODS",
];
