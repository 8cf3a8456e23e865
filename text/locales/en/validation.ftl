# Crossing — the trip rules' words (trip/src/validate), English, the source language.
# (Translations of this file: native-speaker review pending.)
# Shown by the phone (warnings on a received trip) and by the fleet server (refusals, in the
# manager's language). Field paths and values stay as the fleet wrote them.
# Each message is the second half of "<path> "<value>": <rule>", and its English must read
# exactly as the rule always did (tests compare it byte for byte). Values quoted with "…" are
# identifiers and codes from the trip, shown as written.

## Every text field (trip/src/validate/mod.rs)

# $found is the value's length; shown without grouping, as it always was.
v-length-exact = must be exactly { $length } characters (found { NUMBER($found, minimumIntegerDigits: 1) })
v-length-empty = must not be empty (1–{ $max } characters)
v-length-range = must be { $min }–{ $max } characters (found { NUMBER($found, minimumIntegerDigits: 1) })
v-edge-space = must not start or end with a space
v-port-digits = must be 4 digits with leading zeros (e.g. 0453)
v-country-code = must be an ISO 3166-1 alpha-2 country code (2 letters)
# $regime is ACI or ACE.
v-not-used-on = is not used on { $regime } trips
v-id-characters = may hold only letters, digits and . _ : -
v-version-min = must be 1 or more
v-date-time-offset = must be an RFC 3339 date-time with offset
# The fleet server's code-list check; $list names the list in English ("BorderConnect's
# trailer-type list (2026)").
v-code-not-listed = is not in { $list }; the list is dated, so check the code

## The trip header (header.rs)

v-aci-crn-shape = an ACI CRN is the 4-character carrier code followed by 4–21 letters or digits (8–25 characters)
v-carrier-prefix-or-authorizing = must start with the trip's carrier code "{ $carrier }" or the authorizing carrier's "{ $authorizing }"
v-carrier-prefix = must start with the trip's carrier code "{ $carrier }"
v-crn-looks-like-pars = looks like a PARS number; a CRN must not be a PARS or cargo control number
v-letters-digits = may hold only letters and digits
v-carrier-code = a CBSA carrier code is exactly 4 letters, digits or dashes
v-scac-shape = a SCAC is 2–4 letters
v-scac-four-letters = highway carriers are assigned 4-letter SCACs
v-scac-equipment = SCACs ending in U, X or Z are equipment codes, not carriers
v-ace-trip-number-shape = an ACE trip number is the SCAC followed by 4–21 letters or digits (at most 25 characters)
v-ace-trip-number-prefix = must start with the trip's SCAC "{ $scac }" followed by 4–21 letters or digits
v-eta-local = must be a local date-time YYYY-MM-DDTHH:MM:SS
v-eta-zone = must be the IANA zone of a land port of entry, such as America/Toronto (docs/trip-format.md lists them)
v-eta-gap = does not exist in that time zone (daylight-saving gap)
v-eta-past = is in the past
v-eta-too-early = ACI cargo data may be sent at most 90 days before arrival
# $minutes is 30 or 60; $agency is CBSA or CBP.
v-eta-lead-time = is less than { $minutes } minutes away; { $agency } must have the manifest on file { $minutes } minutes before arrival

## The truck and its trailers (conveyance.rs)

v-type-code = must be a 2-character type code (e.g. TR, TL)
v-plate-characters = may hold only letters, digits, spaces and dashes
v-jurisdiction = must be a 2–3 character state or province code
v-vin-required = is required for ACE (17 characters)
v-vin-shape = must be 17 letters or digits
v-vin-ioq = VINs do not normally contain I, O or Q (ISO 3779)
v-dot-number = must be 1–8 digits
# $found is how many plates the truck has.
v-aci-truck-plates = ACI takes one truck plate (found { $found })
v-ace-truck-plates = ACE needs 1 or 2 truck plates (found { $found })
v-plate-ace-qr = longer than the 7 plate characters of the ACE QR layout; the ACE QR cannot be drawn

## The crew (crew.rs)

v-ace-driver-needed = ACE needs at least one driver
v-fast-card-shape = a FAST card number is 14 digits
v-fast-card-prefix = FAST card numbers usually start with 4270
v-ace-id = an ACE ID is 7 digits
v-date = must be a date YYYY-MM-DD
v-birth-in-past = must be in the past
v-birth-plausible = is not a plausible date of birth
v-document-type = is not a travel document type code (5K, 5J, 6W, ACW, AEF, AEW, ALV, …)
v-licence-issuer = a driver's licence needs its issuing state or province
v-document-country = this document type normally names its issuing country
# On a person's gender, date of birth or citizenship.
v-required-ace-passenger = is required for an ACE passenger
v-required-ace-driver = is required for an ACE driver without FAST card or ACE ID
v-documents-ace-passenger = an ACE passenger needs travel documents
v-documents-ace-driver = an ACE driver without FAST card or ACE ID needs travel documents
v-ace-driver-cdl = an ACE driver without FAST card or ACE ID needs a commercial driver's licence (5K)
v-ace-driver-whti = an ACE driver without FAST card or ACE ID needs a WHTI document (passport, passport card, NEXUS, SENTRI, EDL, PR card, …) besides the CDL

## Shipments (shipments.rs)

v-control-number-twice = appears twice on the trip; control numbers are unique
v-control-number-is-trip-number = equals the trip number; trip and shipment control numbers must differ
v-commodity-needed = a shipment needs at least one commodity
# $regime is ACI or ACE; $types the regime's shipment type codes, comma-separated.
v-shipment-type = is not an { $regime } shipment type ({ $types })
v-first-port = must equal the trip's first port of arrival "{ $port }"
v-bond-sub-location = an in-bond (BOND) shipment needs a sub-location
v-province-of-loading = must be 2–5 letters or digits
v-ccn-shape = a CCN is 5–25 letters, digits or dashes (carrier code + unique reference)
v-ccn-short = shorter than 8 characters (carrier code + 4–21); check it against the PARS label
v-scn-shape = an SCN is the 4-letter SCAC followed by 4–12 letters or digits (at most 16 characters)
v-scn-prefix = must start with the SCAC responsible for the shipment "{ $scac }"
v-quantity = must be a whole number above 0
v-packaging-unit = must be a 3-letter packaging unit code (PLT, SKD, BOX, …)
# $units are the regime's weight unit codes, comma-separated.
v-weight-unit = must be one of { $units } for { $regime }
v-hs-code = must be 6–10 digits
# $character is one of ' : + ! (an apostrophe comes as \').
v-description-character = must not contain '{ $character }' (customs refuse ' : + !)
v-description-aci-portals = longer than 300 characters; some ACI portals accept only 300
v-description-vague = too vague for customs; describe the goods plainly (e.g. "steel bolts")
v-un-number = must be UN followed by 4 digits from 0004 up, e.g. "UN1203"
v-emergency-contact = ACE hazardous goods need an emergency contact
v-weight-shape = must be a decimal number with at most 4 decimals, e.g. "1250.5"
v-weight-above-zero = must be above 0
