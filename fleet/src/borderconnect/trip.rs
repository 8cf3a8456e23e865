//! `ACE_TRIP` / `ACI_TRIP` (with nested shipments) and standalone `ACE_SHIPMENT` /
//! `ACI_SHIPMENT` as Crossing trips (format 1). The mapping, and where the sources disagree, is
//! in `docs/borderconnect.md`; what the phone does not carry stays in the server's copy.

use chrono::{NaiveDateTime, TimeZone};
use crossing_trip::model::{
    Address, Commodity, Conveyance, CrewRole, Eta, Gender, Hazmat, Party, Person, Plate, Shipment,
    Trailer, TravelDocument, FORMAT_VERSION,
};
use crossing_trip::{Issue, Regime, Trip};

use super::read::{At, Findings, Obj};
use super::zones;

/// Where each part of the Crossing trip came from in the BorderConnect document, so that a
/// validation finding names the field the dispatcher filled in.
#[derive(Debug, Clone, Default)]
pub struct PathMap {
    regime: Option<Regime>,
    /// (Crossing path prefix, BorderConnect path), most specific first when looked up.
    prefixes: Vec<(String, String)>,
    /// Crossing shipment prefixes (`shipments[2]`), for the regime-specific field names.
    shipments: Vec<String>,
}

impl PathMap {
    fn new(regime: Regime) -> Self {
        PathMap {
            regime: Some(regime),
            ..PathMap::default()
        }
    }

    fn add(&mut self, ours: impl Into<String>, theirs: impl Into<String>) {
        self.prefixes.push((ours.into(), theirs.into()));
    }

    /// The map of a standalone shipment's document: only its own shipment has a path.
    pub fn for_shipment(regime: Regime) -> Self {
        PathMap::new(regime)
    }

    /// The shipment at `index` of the trip came from the document at `path`.
    pub fn shipment_at(&mut self, index: usize, path: &str) {
        self.shipment(format!("shipments[{index}]"), path.to_string());
    }

    fn shipment(&mut self, ours: String, theirs: String) {
        self.shipments.push(ours.clone());
        self.add(ours, theirs);
    }

    /// The BorderConnect path of a Crossing path (`crew[1].citizenship` →
    /// `passengers[0].citizenshipCountry`).
    pub fn theirs(&self, path: &str) -> String {
        let at_boundary = |p: &str| {
            path.strip_prefix(p)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        };
        let best = self
            .prefixes
            .iter()
            .filter(|(ours, _)| at_boundary(ours))
            .max_by_key(|(ours, _)| ours.len());
        let Some((ours, theirs)) = best else {
            return path.to_string();
        };
        let rest = &path[ours.len()..];
        let in_shipment = self.shipments.iter().any(|s| s == ours);
        let aci = self.regime == Some(Regime::Aci);
        let mut out = theirs.clone();
        for (i, seg) in rest.split('.').enumerate() {
            if seg.is_empty() {
                continue;
            }
            let (name, index) = seg.find('[').map_or((seg, ""), |i| seg.split_at(i));
            let renamed = match name {
                "unitNumber" => "number",
                "vin" => "vinNumber",
                "plates" => "licensePlates",
                "seals" => "sealNumbers",
                "jurisdiction" => "stateProvince",
                "citizenship" => "citizenshipCountry",
                "controlNumber" if aci => "cargoControlNumber",
                "controlNumber" => "shipmentControlNumber",
                "type" if in_shipment && aci && i == 1 => "shipmentType",
                "cityOfLoading" => "cityOfLoading.cityName",
                "line" => "addressLine",
                "hsCode" => "harmonizedCode",
                "hazmat" => "hazmatDetails",
                "unNumber" => "unCode",
                "emergencyContact" => "emergencyContactName",
                other => other,
            };
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(renamed);
            out.push_str(index);
        }
        out
    }

    /// The finding with its path in BorderConnect's terms.
    pub fn issue(&self, mut issue: Issue) -> Issue {
        issue.path = self.theirs(&issue.path);
        issue
    }
}

/// The 4-character prefix of a trip number: the SCAC (ACE) or CBSA carrier code (ACI).
fn carrier_of(trip_number: &str) -> String {
    trip_number
        .chars()
        .take(4)
        .collect::<String>()
        .to_ascii_uppercase()
}

/// The keys of each BorderConnect object that Crossing reads or deliberately leaves on the
/// server (`docs/borderconnect.md` lists which). Anything else is warned about.
const TRIP_KEYS: &[&str] = &[
    "data",
    "sendId",
    "companyKey",
    "operation",
    "autoSend",
    "tripNumber",
    "usPortOfArrival",
    "portOfEntry",
    "subLocation",
    "estimatedArrivalDateTime",
    "estimatedArrivalTimeZone",
    "instrumentsOfInternationalTrafficBond",
    "truck",
    "trailers",
    "drivers",
    "passengers",
    "containers",
    "shipments",
    "history",
];
const TRUCK_KEYS: &[&str] = &[
    "number",
    "type",
    "vinNumber",
    "dotNumber",
    "licensePlate",
    "licensePlates",
    "sealNumbers",
    "insurancePolicy",
    "cargoExemptions",
];
const PLATE_KEYS: &[&str] = &["number", "stateProvince", "country"];
const PERSON_KEYS: &[&str] = &[
    "driverNumber",
    "firstName",
    "lastName",
    "gender",
    "dateOfBirth",
    "citizenshipCountry",
    "fastCardNumber",
    "travelDocuments",
    "primaryEmail",
    "secondaryEmail",
];
const DOCUMENT_KEYS: &[&str] = &["type", "number", "country", "stateProvince"];
const SHIPMENT_KEYS: &[&str] = &[
    "data",
    "sendId",
    "companyKey",
    "operation",
    "autoSend",
    "tripNumber",
    "type",
    "shipmentType",
    "shipmentControlNumber",
    "cargoControlNumber",
    "provinceOfLoading",
    "referenceOnlyShipment",
    "loadedOn",
    "portOfEntry",
    "releaseOffice",
    "subLocation",
    "estimatedArrivalDate",
    "estimatedArrivalTimeZone",
    "cityOfLoading",
    "cityOfAcceptance",
    "consolidatedFreight",
    "importerCsaBusinessNumber",
    "uniqueConsignmentReferenceNumber",
    "specialInstructions",
    "shipper",
    "consignee",
    "deliveryDestinations",
    "notifyParties",
    "thirdParties",
    "broker",
    "inBondDetails",
    "goodsAstrayDateOfExit",
    "commodities",
];
const PARTY_KEYS: &[&str] = &["name", "address", "contactNumber"];
const ADDRESS_KEYS: &[&str] = &[
    "addressLine",
    "city",
    "stateProvince",
    "postalCode",
    "country",
];
const COMMODITY_KEYS: &[&str] = &[
    "loadedOn",
    "description",
    "quantity",
    "packagingUnit",
    "weight",
    "weightUnit",
    "marksAndNumbers",
    "harmonizedCode",
    "value",
    "countryOfOrigin",
    "c4LineReleaseNumber",
    "hazmatDetails",
];
const HAZMAT_KEYS: &[&str] = &[
    "unCode",
    "emergencyContactName",
    "contactPhone",
    "contactEmail",
    "handlingInstructions",
];

/// Canadian provinces and territories (with the older `PQ`, `NF`).
const CA_REGIONS: &[&str] = &[
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT", "PQ", "NF",
];
/// US states, DC and territories.
const US_REGIONS: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY", "PR", "VI", "GU", "AS", "MP",
];
/// Mexican states, ISO 3166-2:MX three-letter codes.
const MX_REGIONS: &[&str] = &[
    "AGU", "BCN", "BCS", "CAM", "CHP", "CHH", "CMX", "COA", "COL", "DIF", "DUR", "GUA", "GRO",
    "HID", "JAL", "MEX", "MIC", "MOR", "NAY", "NLE", "OAX", "PUE", "QUE", "ROO", "SLP", "SIN",
    "SON", "TAB", "TAM", "TLA", "VER", "YUC", "ZAC",
];

/// The country of a state or province code, if it is a Canadian, US or Mexican one.
pub fn country_of_region(code: &str) -> Option<&'static str> {
    let code = code.trim().to_ascii_uppercase();
    if CA_REGIONS.contains(&code.as_str()) {
        Some("CA")
    } else if US_REGIONS.contains(&code.as_str()) {
        Some("US")
    } else if MX_REGIONS.contains(&code.as_str()) {
        Some("MX")
    } else {
        None
    }
}

/// Reads the ETA: BorderConnect's local `yyyy-mm-dd hh:mm:ss` at the port, in the zone its
/// abbreviation names when it agrees with the port, else in the port's own zone.
pub fn eta(
    f: &mut Findings,
    regime: Regime,
    port: &str,
    (local_path, local): (&str, &str),
    (zone_path, abbreviation): (&str, Option<&str>),
) -> Eta {
    let local_iso = local.trim().replacen(' ', "T", 1);
    let local_iso = if local_iso.len() == 16 {
        format!("{local_iso}:00")
    } else {
        local_iso
    };
    if NaiveDateTime::parse_from_str(&local_iso, crossing_trip::model::ETA_FORMAT).is_err() {
        f.error(
            local_path,
            Some(local),
            "must be a local date and time yyyy-mm-dd hh:mm:ss",
        );
    }
    let port_zone = match regime {
        Regime::Aci => zones::ca_port_zone(port),
        Regime::Ace => zones::us_port_zone(port),
    };
    let zone = match (
        abbreviation.map(str::trim).filter(|a| !a.is_empty()),
        port_zone,
    ) {
        (None, Some(z)) => z,
        (None, None) => {
            f.error(
                zone_path,
                None,
                format!(
                    "is needed: port {port} is not in the port list, so its time zone is unknown"
                ),
            );
            ""
        }
        (Some(abbr), port_zone) => {
            let abbr = abbr.to_ascii_uppercase();
            match (region_zone(regime, &abbr), port_zone) {
                (Some(_), Some(z)) if standard_abbreviation(z).as_deref() == Some(&abbr) => z,
                (Some(named), Some(z)) => {
                    f.warn(
                        zone_path,
                        Some(&abbr),
                        format!(
                            "is not the time of port {port} ({z}); the ETA was read as {named} time, as sent"
                        ),
                    );
                    named
                }
                (Some(named), None) => named,
                (None, Some(z)) => {
                    f.warn(
                        zone_path,
                        Some(&abbr),
                        format!(
                            "is not in BorderConnect's time-zone list (PST, MST, CST, EST, AST); the ETA was read in the port's zone {z}"
                        ),
                    );
                    z
                }
                (None, None) => {
                    f.error(
                        zone_path,
                        Some(&abbr),
                        "must be one of PST, MST, CST, EST, AST (BorderConnect's time-zone list)",
                    );
                    ""
                }
            }
        }
    };
    Eta {
        local: local_iso,
        zone: zone.to_string(),
    }
}

/// The wall clock a BorderConnect abbreviation names, in the country the trip enters
/// (`EST` is Eastern time, daylight saving included: the list has no daylight names).
fn region_zone(regime: Regime, abbreviation: &str) -> Option<&'static str> {
    let (ca, us) = match abbreviation {
        "AST" => ("America/Halifax", "America/Halifax"),
        "EST" => ("America/Toronto", "America/New_York"),
        "CST" => ("America/Winnipeg", "America/Chicago"),
        "MST" => ("America/Edmonton", "America/Denver"),
        "PST" => ("America/Vancouver", "America/Los_Angeles"),
        _ => return None,
    };
    Some(match regime {
        Regime::Aci => ca,
        Regime::Ace => us,
    })
}

/// A zone's standard-time abbreviation (its January one), e.g. `EST` for America/Toronto.
fn standard_abbreviation(zone: &str) -> Option<String> {
    let tz: chrono_tz::Tz = zone.parse().ok()?;
    let january = chrono::NaiveDate::from_ymd_opt(2026, 1, 15)?.and_hms_opt(12, 0, 0)?;
    let offset = tz.offset_from_utc_datetime(&january);
    chrono_tz::OffsetName::abbreviation(&offset).map(str::to_string)
}

/// Reads a trip document into a Crossing trip (version 0: the store numbers it).
pub fn read_trip(f: &mut Findings, doc: Obj<'_>, regime: Regime) -> (Trip, PathMap) {
    let mut map = PathMap::new(regime);
    let trip_number = doc.required(f, "tripNumber").trim().to_ascii_uppercase();
    let port_key = match regime {
        Regime::Aci => "portOfEntry",
        Regime::Ace => "usPortOfArrival",
    };
    let port = doc.required(f, port_key);
    map.add("portOfEntry", doc.at(port_key));
    map.add("tripNumber", doc.at("tripNumber"));
    map.add("carrierCode", doc.at("tripNumber"));
    map.add("subLocation", doc.at("subLocation"));
    map.add("eta.local", doc.at("estimatedArrivalDateTime"));
    map.add("eta.zone", doc.at("estimatedArrivalTimeZone"));
    let local = doc.required(f, "estimatedArrivalDateTime");
    let abbreviation = doc.text(f, "estimatedArrivalTimeZone");
    if regime == Regime::Ace && abbreviation.is_some() {
        f.warn(
            &doc.at("estimatedArrivalTimeZone"),
            abbreviation.as_deref(),
            "no ACE source has this field; it was read anyway",
        );
    }
    let eta = eta(
        f,
        regime,
        &port,
        (&doc.at("estimatedArrivalDateTime"), &local),
        (&doc.at("estimatedArrivalTimeZone"), abbreviation.as_deref()),
    );
    if let Some(bond) = doc.child(f, "instrumentsOfInternationalTrafficBond") {
        let kind = bond.obj().text(f, "type");
        f.warn(
            bond.obj().path(),
            kind.as_deref(),
            "IIT bond noted; format 1 has no place for it, so the phone does not show it",
        );
    }
    let containers = doc.list(f, "containers");
    if !containers.is_empty() {
        f.warn(
            &doc.at("containers"),
            None,
            format!(
                "{} container(s) noted; format 1 has no place for them, so the phone does not show them",
                containers.len()
            ),
        );
    }
    doc.unknown_keys(f, TRIP_KEYS);
    let conveyance = match doc.child(f, "truck") {
        Some(t) => conveyance(f, t.obj(), &mut map),
        None => {
            f.error(&doc.at("truck"), None, "is required");
            Conveyance {
                unit_number: String::new(),
                type_code: String::new(),
                vin: None,
                dot_number: None,
                plates: vec![],
                seals: vec![],
            }
        }
    };
    let trailers = doc
        .list(f, "trailers")
        .iter()
        .enumerate()
        .map(|(i, t)| trailer(f, t.obj(), i, &mut map))
        .collect();
    let mut crew = Vec::new();
    for (role, key) in [
        (CrewRole::Driver, "drivers"),
        (CrewRole::Passenger, "passengers"),
    ] {
        for p in doc.list(f, key) {
            map.add(format!("crew[{}]", crew.len()), p.obj().path().to_string());
            crew.push(person(f, p.obj(), role));
        }
    }
    let mut shipments = Vec::new();
    for s in doc.list(f, "shipments") {
        let s = s.obj();
        map.shipment(
            format!("shipments[{}]", shipments.len()),
            s.path().to_string(),
        );
        // Nested shipments repeat the envelope (sendId, companyKey, operation): ignored (C3).
        shipments.push(shipment(f, s, regime));
    }
    let trip = Trip {
        format: FORMAT_VERSION,
        id: trip_id(regime, &trip_number),
        version: 0,
        regime,
        carrier_code: carrier_of(&trip_number),
        trip_number,
        authorizing_carrier_code: None,
        port_of_entry: port,
        eta,
        sub_location: doc.text(f, "subLocation").filter(|_| regime == Regime::Aci),
        customs_status: None,
        conveyance,
        trailers,
        crew,
        shipments,
    };
    (trip, map)
}

/// The fleet's id of an imported trip: the regime and the trip number (`aci-1234ABC…`), so
/// that importing the same trip again amends it.
pub fn trip_id(regime: Regime, trip_number: &str) -> String {
    format!("{}-{trip_number}", regime.as_str().to_ascii_lowercase())
}

fn plates(f: &mut Findings, o: Obj<'_>, ours: &str, map: &mut PathMap) -> Vec<Plate> {
    let mut list: Vec<At<'_>> = o.list(f, "licensePlates");
    list.extend(o.list(f, "licensePlate"));
    list.iter()
        .enumerate()
        .map(|(i, p)| {
            let p = p.obj();
            map.add(format!("{ours}.plates[{i}]"), p.path().to_string());
            p.unknown_keys(f, PLATE_KEYS);
            let jurisdiction = p.required(f, "stateProvince").to_ascii_uppercase();
            let country = p.text(f, "country").or_else(|| {
                let c = country_of_region(&jurisdiction).map(str::to_string);
                if c.is_none() {
                    f.error(
                        &p.at("stateProvince"),
                        Some(&jurisdiction),
                        "must be a Canadian province, US state or Mexican state code (or the plate must name its country)",
                    );
                }
                c
            });
            Plate {
                number: p.required(f, "number"),
                jurisdiction,
                country: country.unwrap_or_default(),
            }
        })
        .collect()
}

fn conveyance(f: &mut Findings, t: Obj<'_>, map: &mut PathMap) -> Conveyance {
    map.add("conveyance", t.path().to_string());
    t.unknown_keys(f, TRUCK_KEYS);
    Conveyance {
        unit_number: t.required(f, "number"),
        type_code: t.required(f, "type"),
        vin: t.text(f, "vinNumber"),
        dot_number: t.text(f, "dotNumber"),
        plates: plates(f, t, "conveyance", map),
        seals: t.strings(f, "sealNumbers"),
    }
}

fn trailer(f: &mut Findings, t: Obj<'_>, i: usize, map: &mut PathMap) -> Trailer {
    let ours = format!("trailers[{i}]");
    map.add(ours.clone(), t.path().to_string());
    t.unknown_keys(f, TRUCK_KEYS);
    Trailer {
        number: t.required(f, "number"),
        type_code: t.required(f, "type"),
        plates: plates(f, t, &ours, map),
        seals: t.strings(f, "sealNumbers"),
    }
}

fn person(f: &mut Findings, p: Obj<'_>, role: CrewRole) -> Person {
    p.unknown_keys(f, PERSON_KEYS);
    let gender = match p.text(f, "gender").as_deref().map(str::trim) {
        None => None,
        Some("M" | "m") => Some(Gender::M),
        Some("F" | "f") => Some(Gender::F),
        Some(_) => {
            f.error(&p.at("gender"), None, "must be M or F");
            None
        }
    };
    Person {
        role,
        first_name: p.required(f, "firstName"),
        last_name: p.required(f, "lastName"),
        gender,
        date_of_birth: p.text(f, "dateOfBirth"),
        citizenship: p.text(f, "citizenshipCountry"),
        fast_card_number: p.text(f, "fastCardNumber"),
        ace_id: None,
        travel_documents: p
            .list(f, "travelDocuments")
            .iter()
            .map(|d| {
                let d = d.obj();
                d.unknown_keys(f, DOCUMENT_KEYS);
                TravelDocument {
                    type_code: d.required(f, "type"),
                    number: d.required(f, "number"),
                    jurisdiction: d.text(f, "stateProvince"),
                    country: d.text(f, "country"),
                }
            })
            .collect(),
    }
}

/// The address of a party whose address is missing (the document is refused for it).
fn no_address() -> Address {
    Address {
        line: String::new(),
        city: String::new(),
        state_province: None,
        postal_code: None,
        country: String::new(),
    }
}

fn party(f: &mut Findings, s: Obj<'_>, key: &str) -> Party {
    let Some(p) = s.child(f, key) else {
        f.error(&s.at(key), None, "is required");
        return Party {
            name: String::new(),
            address: no_address(),
        };
    };
    let p = p.obj();
    p.unknown_keys(f, PARTY_KEYS);
    let name = p.required(f, "name");
    let address = match p.child(f, "address") {
        Some(a) => {
            let a = a.obj();
            a.unknown_keys(f, ADDRESS_KEYS);
            let state = a.text(f, "stateProvince");
            let country = a.text(f, "country").or_else(|| {
                let c = state.as_deref().and_then(country_of_region).map(str::to_string);
                if c.is_none() {
                    f.error(
                        &a.at("country"),
                        None,
                        "is needed when stateProvince does not name a Canadian, US or Mexican region",
                    );
                }
                c
            });
            Address {
                line: a.required(f, "addressLine"),
                city: a.required(f, "city"),
                state_province: state,
                postal_code: a.text(f, "postalCode"),
                country: country.unwrap_or_default(),
            }
        }
        None => {
            f.error(&p.at("address"), None, "is required");
            no_address()
        }
    };
    Party { name, address }
}

/// Reads one shipment (nested or standalone) of a trip of `regime`.
pub fn shipment(f: &mut Findings, s: Obj<'_>, regime: Regime) -> Shipment {
    s.unknown_keys(f, SHIPMENT_KEYS);
    let (number_key, type_key) = match regime {
        Regime::Aci => ("cargoControlNumber", "shipmentType"),
        Regime::Ace => ("shipmentControlNumber", "type"),
    };
    let control_number = s.required(f, number_key).trim().to_ascii_uppercase();
    let type_code = s.required(f, type_key);
    let city_of_loading = s
        .child(f, "cityOfLoading")
        .and_then(|c| c.obj().text(f, "cityName"));
    let commodities = s
        .list(f, "commodities")
        .iter()
        .map(|c| commodity(f, c.obj(), regime))
        .collect();
    Shipment {
        control_number,
        type_code,
        scac: None,
        port_of_entry: s.text(f, "portOfEntry").filter(|_| regime == Regime::Aci),
        release_office: s.text(f, "releaseOffice").filter(|_| regime == Regime::Aci),
        sub_location: s.text(f, "subLocation").filter(|_| regime == Regime::Aci),
        city_of_loading: city_of_loading.filter(|_| regime == Regime::Aci),
        province_of_loading: s
            .text(f, "provinceOfLoading")
            .filter(|_| regime == Regime::Ace),
        shipper: party(f, s, "shipper"),
        consignee: party(f, s, "consignee"),
        commodities,
    }
}

fn commodity(f: &mut Findings, c: Obj<'_>, regime: Regime) -> Commodity {
    c.unknown_keys(f, COMMODITY_KEYS);
    let unit = c.required(f, "weightUnit").trim().to_ascii_uppercase();
    // BorderConnect spells units L, LB, LBS, LBR / K, KG, KGS, KGM; the phone's format uses one
    // spelling per regime.
    let weight_unit = match (unit.chars().next(), regime) {
        (Some('L'), Regime::Ace) => "L".to_string(),
        (Some('K'), Regime::Ace) => "K".to_string(),
        (Some('L'), Regime::Aci) => "LBR".to_string(),
        (Some('K'), Regime::Aci) => "KGM".to_string(),
        _ => unit,
    };
    let hazmat = c.child(f, "hazmatDetails").map(|h| {
        let h = h.obj();
        h.unknown_keys(f, HAZMAT_KEYS);
        let code = h.required(f, "unCode").trim().to_ascii_uppercase();
        let un_number = if code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) {
            format!("UN{code}")
        } else {
            code
        };
        let contact = [h.text(f, "emergencyContactName"), h.text(f, "contactPhone")]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Hazmat {
            un_number,
            emergency_contact: (!contact.is_empty()).then_some(contact),
        }
    });
    Commodity {
        description: c.required(f, "description"),
        quantity: c.count(f, "quantity").unwrap_or(0),
        packaging_unit: c.required(f, "packagingUnit"),
        weight: c.required(f, "weight").trim().to_string(),
        weight_unit,
        hs_code: c.text(f, "harmonizedCode"),
        country_of_origin: c.text(f, "countryOfOrigin"),
        marks_and_numbers: c.strings(f, "marksAndNumbers"),
        hazmat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_abbreviations_follow_the_port_when_they_agree() {
        let mut f = Findings::default();
        let e = eta(
            &mut f,
            Regime::Aci,
            "0427",
            ("estimatedArrivalDateTime", "2026-12-02 12:30:00"),
            ("estimatedArrivalTimeZone", Some("EST")),
        );
        assert_eq!(e.local, "2026-12-02T12:30:00");
        assert_eq!(e.zone, "America/Toronto");
        assert!(f.errors.is_empty() && f.warnings.is_empty());
        // Fort Frances keeps Central time: EST there is read as sent, with a warning.
        let e = eta(
            &mut f,
            Regime::Aci,
            "0478",
            ("estimatedArrivalDateTime", "2026-12-02 12:30:00"),
            ("estimatedArrivalTimeZone", Some("EST")),
        );
        assert_eq!(e.zone, "America/Toronto");
        assert_eq!(f.warnings.len(), 1, "{:?}", f.warnings);
        assert!(f.warnings[0].rule.contains("America/Winnipeg"));
    }

    #[test]
    fn without_an_abbreviation_the_eta_is_read_in_the_ports_zone() {
        let mut f = Findings::default();
        let e = eta(
            &mut f,
            Regime::Ace,
            "2402",
            ("estimatedArrivalDateTime", "2026-12-02 08:00"),
            ("estimatedArrivalTimeZone", None),
        );
        assert_eq!(
            (e.local.as_str(), e.zone.as_str()),
            ("2026-12-02T08:00:00", "America/Denver")
        );
        let e = eta(
            &mut f,
            Regime::Ace,
            "9997",
            ("[0].estimatedArrivalDateTime", "2026-12-02 08:00:00"),
            ("[0].estimatedArrivalTimeZone", None),
        );
        assert_eq!(e.zone, "");
        assert_eq!(f.errors[0].path, "[0].estimatedArrivalTimeZone");
        assert!(f.errors[0]
            .rule
            .contains("port 9997 is not in the port list"));
    }

    #[test]
    fn paths_are_translated_to_borderconnect_names() {
        let mut m = PathMap::new(Regime::Aci);
        m.add("crew[1]", "passengers[0]");
        m.add("conveyance", "truck");
        m.add("conveyance.plates[0]", "truck.licensePlate");
        m.shipment("shipments[1]".into(), "[2].shipments[1]".into());
        assert_eq!(
            m.theirs("crew[1].citizenship"),
            "passengers[0].citizenshipCountry"
        );
        assert_eq!(
            m.theirs("conveyance.plates[0].number"),
            "truck.licensePlate.number"
        );
        assert_eq!(m.theirs("conveyance.vin"), "truck.vinNumber");
        assert_eq!(
            m.theirs("shipments[1].controlNumber"),
            "[2].shipments[1].cargoControlNumber"
        );
        assert_eq!(
            m.theirs("shipments[1].type"),
            "[2].shipments[1].shipmentType"
        );
        assert_eq!(
            m.theirs("shipments[1].commodities[0].hazmat.unNumber"),
            "[2].shipments[1].commodities[0].hazmatDetails.unCode"
        );
        assert_eq!(m.theirs("shipments[10].type"), "shipments[10].type");
    }

    #[test]
    fn plate_and_address_countries_come_from_the_region() {
        assert_eq!(country_of_region("on"), Some("CA"));
        assert_eq!(country_of_region("MI"), Some("US"));
        assert_eq!(country_of_region("NLE"), Some("MX"));
        assert_eq!(country_of_region("XX"), None);
    }
}
