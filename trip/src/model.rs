//! The trip model: one shape for CBSA ACI and CBP ACE highway trips.
//!
//! These types are the wire format (`"format": 1`, documented in `docs/trip-format.md`) and
//! the in-memory model at once. Every struct refuses unknown fields, and every list is bounded
//! while it is parsed (see [`crate::limits`]), so an absurd document is refused early.
//!
//! Dates, times and weights are kept as the strings the fleet sent; [`crate::validate`]
//! checks them and the accessors in this module parse them.

use serde::{Deserialize, Serialize};

use crate::limits::bounded;

/// The only trip document format this version of the core reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Which customs regime the trip is filed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Regime {
    /// CBSA Advance Commercial Information: a trip entering Canada.
    #[serde(rename = "ACI")]
    Aci,
    /// CBP Automated Commercial Environment: a trip entering the United States.
    #[serde(rename = "ACE")]
    Ace,
}

impl Regime {
    /// The wire name, `ACI` or `ACE`.
    pub fn as_str(self) -> &'static str {
        match self {
            Regime::Aci => "ACI",
            Regime::Ace => "ACE",
        }
    }

    /// The customs agency that receives the manifest.
    pub fn agency(self) -> &'static str {
        match self {
            Regime::Aci => "CBSA",
            Regime::Ace => "CBP",
        }
    }
}

/// A highway trip as the fleet pushed it: conveyance, crew, trailers and shipments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Trip {
    /// Document format; must equal [`FORMAT_VERSION`].
    pub format: u32,
    /// The fleet's identifier for the trip, stable across amendments.
    pub id: String,
    /// Amendment counter, starting at 1. A higher version replaces a lower one.
    pub version: u64,
    /// ACI (into Canada) or ACE (into the United States).
    pub regime: Regime,
    /// ACI Conveyance Reference Number (CRN) or ACE trip number.
    pub trip_number: String,
    /// CBSA carrier code (ACI, 4 characters) or SCAC (ACE, 2–4 letters).
    pub carrier_code: String,
    /// ACI only: the authorizing carrier's code when a contracted carrier runs the trip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorizing_carrier_code: Option<String>,
    /// First port of arrival: 4 digits with leading zeros (CBSA office or CBP Schedule D).
    pub port_of_entry: String,
    /// Estimated arrival at the first port, in the port's local time.
    pub eta: Eta,
    /// ACI sub-location (warehouse) code for in-bond moves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_location: Option<String>,
    /// Customs status as reported by the carrier's system. Read-only on the phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customs_status: Option<CustomsStatus>,
    /// The truck (tractor or straight truck).
    pub conveyance: Conveyance,
    /// Trailers pulled by the truck.
    #[serde(
        default,
        deserialize_with = "bounded::<_, _, { crate::limits::MAX_TRAILERS }>"
    )]
    pub trailers: Vec<Trailer>,
    /// Drivers and passengers; only what a driver must show.
    #[serde(
        default,
        deserialize_with = "bounded::<_, _, { crate::limits::MAX_CREW }>"
    )]
    pub crew: Vec<Person>,
    /// Shipments (ACI cargo / ACE shipments) carried on this trip.
    #[serde(
        default,
        deserialize_with = "bounded::<_, _, { crate::limits::MAX_SHIPMENTS }>"
    )]
    pub shipments: Vec<Shipment>,
}

/// Estimated time of arrival: a wall-clock time at the port plus the port's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Eta {
    /// Local date and time at the port, `YYYY-MM-DDTHH:MM:SS` (no offset).
    pub local: String,
    /// IANA time zone of the port, e.g. `America/Toronto`.
    pub zone: String,
}

/// A status the carrier's system received from customs (never set by the driver).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomsStatus {
    /// Where the manifest stands with customs.
    pub code: CustomsStatusCode,
    /// The agency's or provider's wording, if the fleet passed it on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When customs reported it, RFC 3339 with offset.
    pub reported_at: String,
}

/// The customs status ladder shared by ACI and ACE (docs/domain.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CustomsStatusCode {
    /// Not yet sent to customs.
    Draft,
    /// Sent; waiting for customs to accept or reject.
    Transmitted,
    /// Customs returned an error; the carrier must fix and resend.
    Rejected,
    /// Accepted and on file with customs.
    OnFile,
    /// ACI: a PARS/RNS message is linked (match notice).
    Matched,
    /// Broker's entry on file (ACE entry numbers, ACI transaction number): ready for the border.
    EntryOnFile,
    /// The officer reported the truck's arrival.
    ArrivalReported,
    /// Released by customs.
    Released,
    /// Held by customs (exam, document not on file, …).
    Held,
    /// The manifest was cancelled with customs.
    Cancelled,
}

impl CustomsStatusCode {
    /// The id of its words in the catalogues.
    pub fn text_id(self) -> &'static str {
        match self {
            Self::Draft => "customs-status-draft",
            Self::Transmitted => "customs-status-transmitted",
            Self::Rejected => "customs-status-rejected",
            Self::OnFile => "customs-status-on-file",
            Self::Matched => "customs-status-matched",
            Self::EntryOnFile => "customs-status-entry-on-file",
            Self::ArrivalReported => "customs-status-arrival-reported",
            Self::Released => "customs-status-released",
            Self::Held => "customs-status-held",
            Self::Cancelled => "customs-status-cancelled",
        }
    }

    /// A short label a driver understands, in English.
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft (not sent to customs)",
            Self::Transmitted => "Sent to customs, awaiting answer",
            Self::Rejected => "Rejected by customs: carrier must correct",
            Self::OnFile => "On file with customs",
            Self::Matched => "On file, cargo matched",
            Self::EntryOnFile => "Entry on file: ready for the border",
            Self::ArrivalReported => "Arrival reported by customs",
            Self::Released => "Released by customs",
            Self::Held => "Held by customs",
            Self::Cancelled => "Cancelled with customs",
        }
    }
}

/// A licence plate and the jurisdiction that issued it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Plate {
    /// Plate number, 1–10 of `A-Z 0-9 space -`.
    pub number: String,
    /// State or province code, 2–3 characters (e.g. `ON`, `MI`).
    pub jurisdiction: String,
    /// ISO 3166-1 alpha-2 country of the jurisdiction (e.g. `CA`, `US`, `MX`).
    pub country: String,
}

/// The truck that carries the trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Conveyance {
    /// Fleet unit number, 1–17 characters.
    pub unit_number: String,
    /// Conveyance type code, 2 characters (`TR` truck/tractor, …).
    #[serde(rename = "type")]
    pub type_code: String,
    /// Vehicle identification number: 17 characters, required for ACE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vin: Option<String>,
    /// US DOT number, when the fleet sends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dot_number: Option<String>,
    /// Licence plates (ACI: one; ACE: one or two).
    #[serde(
        default,
        deserialize_with = "bounded::<_, _, { crate::limits::MAX_PLATES }>"
    )]
    pub plates: Vec<Plate>,
    /// Seal numbers applied to the truck.
    #[serde(
        default,
        deserialize_with = "bounded::<_, _, { crate::limits::MAX_SEALS }>"
    )]
    pub seals: Vec<String>,
}

/// A trailer pulled on this trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Trailer {
    /// Trailer number, 1–17 characters.
    pub number: String,
    /// Trailer type code, 2 characters (`TL`, `RT`, `FT`, …).
    #[serde(rename = "type")]
    pub type_code: String,
    /// Licence plates of the trailer.
    #[serde(
        default,
        deserialize_with = "bounded::<_, _, { crate::limits::MAX_PLATES }>"
    )]
    pub plates: Vec<Plate>,
    /// Seal numbers applied to the trailer.
    #[serde(
        default,
        deserialize_with = "bounded::<_, _, { crate::limits::MAX_SEALS }>"
    )]
    pub seals: Vec<String>,
}

/// Whether a crew member drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CrewRole {
    /// Drives the truck; ACE requires at least one.
    Driver,
    /// Rides along.
    Passenger,
}

/// Sex as customs records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gender {
    /// Male.
    M,
    /// Female.
    F,
}

/// A driver or passenger: only what the driver may be asked to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    /// Driver or passenger.
    pub role: CrewRole,
    /// Given name, 1–30 characters.
    pub first_name: String,
    /// Family name, 1–30 characters.
    pub last_name: String,
    /// `M` or `F`; required for ACE passengers and for ACE drivers without FAST/ACE ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Date of birth, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// Citizenship, ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citizenship: Option<String>,
    /// FAST card number, 14 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fast_card_number: Option<String>,
    /// CBP ACE ID, 7 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ace_id: Option<String>,
    /// Travel documents (CDL, passport, …).
    #[serde(
        default,
        deserialize_with = "bounded::<_, _, { crate::limits::MAX_TRAVEL_DOCUMENTS }>"
    )]
    pub travel_documents: Vec<TravelDocument>,
}

/// A travel document of a crew member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TravelDocument {
    /// Document type code (`5K` CDL, `ACW` passport, `AEW` NEXUS, …).
    #[serde(rename = "type")]
    pub type_code: String,
    /// Document number, 1–30 characters.
    pub number: String,
    /// Issuing state or province (required for licences).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// Issuing country, ISO 3166-1 alpha-2 (required for passports and cards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// A shipment: an ACI cargo (CCN) or an ACE shipment (SCN/PAPS).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Shipment {
    /// ACI Cargo Control Number or ACE Shipment Control Number, exactly as on the label.
    pub control_number: String,
    /// Shipment type (ACI `PARS`, `CSA`, `BOND`, …; ACE `PAPS`, `IN_BOND`, …).
    #[serde(rename = "type")]
    pub type_code: String,
    /// ACE: the SCAC responsible for the shipment, when not the trip's carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scac: Option<String>,
    /// ACI: first port of arrival of the cargo; must equal the trip's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_of_entry: Option<String>,
    /// ACI: release office (4 digits), the office the broker used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_office: Option<String>,
    /// ACI: sub-location for in-bond cargo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_location: Option<String>,
    /// ACI: city of loading (≤ 25 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_of_loading: Option<String>,
    /// ACE: province or state of loading (2–5 alphanumerics).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province_of_loading: Option<String>,
    /// Who ships the goods.
    pub shipper: Party,
    /// Who receives the goods.
    pub consignee: Party,
    /// The goods.
    #[serde(deserialize_with = "bounded::<_, _, { crate::limits::MAX_COMMODITIES }>")]
    pub commodities: Vec<Commodity>,
}

/// A shipper or consignee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Party {
    /// Name, 1–60 characters.
    pub name: String,
    /// Postal address.
    pub address: Address,
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Address {
    /// Street line, 1–110 characters.
    pub line: String,
    /// City, 1–30 characters (ACE: at least 2).
    pub city: String,
    /// State or province code, 2–3 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_province: Option<String>,
    /// Postal or ZIP code, 1–10 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
}

/// A line of goods in a shipment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Commodity {
    /// Plain-language description (ACI ≤ 450, ACE ≤ 512 characters).
    pub description: String,
    /// Number of packages, a whole number above zero.
    pub quantity: u32,
    /// Packaging unit, 3 letters (`PLT`, `SKD`, `BOX`, …).
    pub packaging_unit: String,
    /// Gross weight as a decimal string with at most 4 decimals (kept exact, never a float).
    pub weight: String,
    /// Weight unit: ACI `KGM`/`LBR`, ACE `K`/`L`.
    pub weight_unit: String,
    /// Harmonized System code, 6–10 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hs_code: Option<String>,
    /// Country of origin, ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_origin: Option<String>,
    /// Marks and numbers on the packages.
    #[serde(
        default,
        deserialize_with = "bounded::<_, _, { crate::limits::MAX_MARKS }>"
    )]
    pub marks_and_numbers: Vec<String>,
    /// Dangerous goods data, when the goods are hazardous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hazmat: Option<Hazmat>,
}

/// Dangerous-goods data of a commodity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Hazmat {
    /// UN number, `UN` + 4 digits.
    pub un_number: String,
    /// 24-hour emergency contact (required for ACE).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency_contact: Option<String>,
}

impl Trip {
    /// The shipment with this control number, if it is on the trip.
    pub fn shipment(&self, control_number: &str) -> Option<&Shipment> {
        self.shipments
            .iter()
            .find(|s| s.control_number == control_number)
    }

    /// The plates of the tractor, in document order.
    pub fn tractor_plates(&self) -> &[Plate] {
        &self.conveyance.plates
    }

    /// The first driver on the crew list, if any.
    pub fn first_driver(&self) -> Option<&Person> {
        self.crew.iter().find(|p| p.role == CrewRole::Driver)
    }

    /// Parsed ETA (local wall-clock time), if it is well formed.
    pub fn eta_local(&self) -> Option<chrono::NaiveDateTime> {
        chrono::NaiveDateTime::parse_from_str(&self.eta.local, ETA_FORMAT).ok()
    }
}

/// The layout of [`Eta::local`].
pub const ETA_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";
