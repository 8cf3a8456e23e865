#!/usr/bin/env python3
"""Writes fleet/src/borderconnect/zones.rs: the IANA time zone of every port in BorderConnect's
US port list and CA highway port list (as published in the FleetHawks app, 2020, in
../shared/research/borderconnect/code-lists/), for reading an ETA that comes without
`estimatedArrivalTimeZone`.

The lists give a code and a name, never a zone: each zone below is our assignment, made from the
port's province (Canada: the office number's first two digits) or state (US: the two letters
after the last comma of the name), plus the exceptions written here as data, one reason each.
The script stops with an AssertionError if a port matches no rule, if a rule names a port that is
not in the lists (or under another name), or if an exception rule matches nothing, so a new
prefix, state, port or renumbering has to be placed here by hand. Ports that are not places are
left without a zone and reported on stderr.

Usage: python3 fleet/tools/port_zones.py ../shared/research/borderconnect/code-lists > fleet/src/borderconnect/zones.rs
"""
import json
import re
import os
import sys
import textwrap

CA_FILE = "ca-highway-ports.fleethawks-2020.json"
US_FILE = "us-ports.fleethawks-2020.json"

HALIFAX = "America/Halifax"
MONCTON = "America/Moncton"
TORONTO = "America/Toronto"
WINNIPEG = "America/Winnipeg"
REGINA = "America/Regina"
EDMONTON = "America/Edmonton"
VANCOUVER = "America/Vancouver"
CRESTON = "America/Creston"
WHITEHORSE = "America/Whitehorse"
NEW_YORK = "America/New_York"
DETROIT = "America/Detroit"
# Indiana (but its Central-time corner) has kept the same clock as New York since 2006, and
# America/Indiana/Indianapolis is not among the zones compiled into chrono-tz.
INDIANAPOLIS = "America/New_York"
CHICAGO = "America/Chicago"
DENVER = "America/Denver"
PHOENIX = "America/Phoenix"
BOISE = "America/Boise"
LOS_ANGELES = "America/Los_Angeles"
ANCHORAGE = "America/Anchorage"
JUNEAU = "America/Juneau"
SITKA = "America/Sitka"
HONOLULU = "Pacific/Honolulu"
PUERTO_RICO = "America/Puerto_Rico"
ST_THOMAS = "America/St_Thomas"
BERMUDA = "Atlantic/Bermuda"
NASSAU = "America/Nassau"

# ---------------------------------------------------------------------------------------------
# Canada: CBSA office number -> zone.

# The first two digits of the office number; in this list they group the offices by province
# (checked name by name against the 2020 list; 08 also holds Yukon's Beaver Creek).
CA_PREFIXES = [
    # (prefix, province, zone)
    ("00", "Nova Scotia", HALIFAX),  # 0025 Yarmouth
    ("02", "New Brunswick", MONCTON),
    # IANA's America/Montreal is only a link to America/Toronto (tzdb `backward`).
    ("03", "Quebec", TORONTO),
    ("04", "Ontario", TORONTO),
    ("05", "Manitoba", WINNIPEG),
    # All of Saskatchewan's border ports keep CST all year. The south-west ones (Climax, Monchy,
    # Willow Creek, West Poplar River) are America/Swift_Current country, which has had the
    # same offset as Regina since 1972.
    ("06", "Saskatchewan", REGINA),
    ("07", "Alberta", EDMONTON),
    ("08", "British Columbia", VANCOUVER),
]

# Offices whose zone is not their province's, or that were checked because they sit near a
# zone line. (number, name as in the list, zone, why). The name is checked against the list.
CA_EXCEPTIONS = [
    # Rainy River District, Ontario, keeps Central time (IANA's America/Rainy_River is a link
    # to America/Winnipeg).
    ("0478", "FORT FRANCES BRIDGE", WINNIPEG,
     "Rainy River District, Ontario, keeps Central time"),
    ("0488", "RAINY RIVER", WINNIPEG, "Rainy River District, Ontario, keeps Central time"),
    # Checked, same as the rule: Thunder Bay District is Eastern (America/Thunder_Bay is a
    # link to America/Toronto).
    ("0475", "PIGEON RIVER", TORONTO, "Thunder Bay District is Eastern"),
    # Rykerts is in the Creston Valley, which keeps MST all year.
    ("0822", "RYKERTS", CRESTON, "Creston Valley keeps MST all year"),
    # Roosville (Grasmere) is in the East Kootenay, which keeps Mountain time with Alberta.
    # TO BE CONFIRMED: Alberta went to permanent UTC-6 in 2026 (tzdb 2026c) and the Regional
    # District of East Kootenay was still debating whether to follow (tzdb commentary, July
    # 2026); if it does not, tzdb will add a zone for it and this must change.
    ("0824", "ROOSVILLE", EDMONTON,
     "East Kootenay keeps Mountain time with Alberta; to be confirmed since Alberta's 2026 "
     "move to permanent UTC-6"),
    # Checked, same as the rule: Kingsgate is at Yahk, which as far as we know keeps Pacific
    # (British Columbia) time, unlike Creston to the west and Moyie to the east. TO BE
    # CONFIRMED. Since British Columbia's 2026 move to permanent UTC-7 (tzdb 2026b) Pacific
    # and Creston time agree anyway.
    ("0818", "KINGSGATE", VANCOUVER, "at Yahk, on Pacific time; to be confirmed"),
    # Checked, same as the rule: Pleasant Camp is on the Haines Road in British Columbia.
    ("0891", "PLEASANT CAMP", VANCOUVER, "Haines Road, in British Columbia"),
    # Beaver Creek is in Yukon (permanent UTC-7 since 2020).
    ("0892", "BEAVER CREEK", WHITEHORSE, "Yukon"),
    # Fraser is on the South Klondike Highway on the British Columbia side of the Yukon line
    # (CBSA: "Fraser, British Columbia"), reached from Whitehorse. Whitehorse is chosen: it is
    # UTC-7 all year, which British Columbia has also been since 2026. For winter dates before
    # 2026-11 the two differ by an hour and we do not know which clock the port kept.
    ("0893", "FRASER", WHITEHORSE,
     "in British Columbia on the Skagway-Whitehorse road; Yukon time, which BC time equals "
     "since 2026"),
]

# ---------------------------------------------------------------------------------------------
# United States: CBP port code -> zone.

# The two letters after the last comma of `portOfEntry`.
US_STATES = {
    **dict.fromkeys("ME NH VT NY MA CT RI NJ PA DE MD DC VA WV NC SC GA OH KY FL".split(),
                    NEW_YORK),
    "MI": DETROIT,
    "IN": INDIANAPOLIS,
    # Split between Central and Eastern with no majority worth a default: every Tennessee port
    # must be named in US_PLACES.
    "TN": None,
    **dict.fromkeys("AL MS LA AR IL WI MN IA MO KS OK NE SD ND TX".split(), CHICAGO),
    **dict.fromkeys("MT CO NM UT WY".split(), DENVER),
    "AZ": PHOENIX,
    "ID": BOISE,
    **dict.fromkeys("WA OR CA NV".split(), LOS_ANGELES),
    "AK": ANCHORAGE,
    "HI": HONOLULU,
    "PR": PUERTO_RICO,
    "VI": ST_THOMAS,
}

# Ports whose zone is not their state's, or that were checked because they sit near a zone
# line. (state, place as written in the name, zone, why). The place is matched, ignoring case,
# in the name before its state; every rule must match at least one port.
US_PLACES = [
    # Florida west of the Apalachicola River is Central. (1818 Panama City has no state in the
    # list; it is in US_CODES.)
    ("FL", "Pensacola", CHICAGO, "Escambia County, western panhandle: Central"),
    # Checked, same as the rule: the ports on the Eastern side of the panhandle line.
    ("FL", "Carrabelle", NEW_YORK, "Franklin County: Eastern"),
    ("FL", "Apalachicola", NEW_YORK, "Franklin County: Eastern"),
    ("FL", "Port St. Joe", NEW_YORK, "southern Gulf County: Eastern"),
    # South-western Indiana around Evansville is Central.
    ("IN", "Evansville", CHICAGO, "Vanderburgh County: Central"),
    # Tennessee: West and Middle Tennessee Central, East Tennessee Eastern.
    ("TN", "Memphis", CHICAGO, "West Tennessee: Central"),
    ("TN", "Nashville", CHICAGO, "Middle Tennessee: Central"),
    ("TN", "Chattanooga", NEW_YORK, "East Tennessee: Eastern"),
    ("TN", "Knoxville", NEW_YORK, "East Tennessee: Eastern"),
    ("TN", "Tri-City", NEW_YORK, "Tri-Cities airport, Blountville, East Tennessee: Eastern"),
    # Far-west Texas (El Paso and Hudspeth counties) is Mountain.
    ("TX", "El Paso", DENVER, "El Paso County: Mountain"),
    ("TX", "Ysleta", DENVER, "El Paso County: Mountain"),
    ("TX", "Fabens", DENVER, "El Paso County: Mountain"),
    # Checked, same as the rule: Presidio County is Central.
    ("TX", "Presidio", CHICAGO, "Presidio County: Central"),
    # Idaho's panhandle is Pacific.
    ("ID", "Eastport", LOS_ANGELES, "Boundary County, Idaho panhandle: Pacific"),
    ("ID", "Porthill", LOS_ANGELES, "Boundary County, Idaho panhandle: Pacific"),
    # South-east Alaska. IANA has no Ketchikan or Wrangell zone; their clocks since 1983 are
    # Juneau's (tzdb notes they, like Sitka, stayed on Pacific time during Juneau's 1980
    # switch, so America/Sitka would fit that one year better: no matter for ETAs).
    ("AK", "Juneau", JUNEAU, "south-east Alaska"),
    ("AK", "Skagway", JUNEAU, "south-east Alaska"),
    ("AK", "Dalton Cache", JUNEAU, "south-east Alaska (Haines Highway)"),
    ("AK", "Wrangell", JUNEAU, "south-east Alaska"),
    ("AK", "Ketchikan", JUNEAU, "south-east Alaska"),
    ("AK", "Sitka", SITKA, "Sitka has its own IANA zone"),
]

# Ports placed by code: names without a usable state, and names whose state is wrong or is not
# where the port is. (code, name as in the list, zone, why). The name is checked against the
# list.
US_CODES = [
    ("0207", "Burlington International Airport", NEW_YORK, "Burlington, VT"),
    ("0417", "Logan Airport", NEW_YORK, "Boston, MA"),
    ("1108", "Philadelphia International Airport", NEW_YORK, "Philadelphia, PA"),
    # 1412 is the same airport, listed with its state.
    ("1481", "New River Valley Airport", NEW_YORK, "Dublin, VA"),
    ("1818", "Panama City", CHICAGO, "Panama City, FL (Bay County): Central"),
    ("2921", "Natrona County Airport", DENVER, "Casper, WY"),
    ("3204", "Nawiliwili-Port Allen", HONOLULU, "Kauai, HI"),
    # A CBP preclearance in Canada: the ETA is a Winnipeg wall-clock time.
    ("3428", "Winnipeg International Airport", WINNIPEG, "CBP preclearance in Winnipeg, MB"),
    ("3807", "Detroit Metro Airport", DETROIT, "Romulus, MI"),
    # 39xx is the Chicago area (3901 Chicago, 3981 Waukegan): Wheeling, IL, not Wheeling, WV.
    ("3983", "Wheeling Airport", CHICAGO, "Chicago Executive Airport, Wheeling, IL"),
    ("3984", "West Chicago Airport", CHICAGO, "DuPage Airport, West Chicago, IL"),
    # Decatur, IL by the district (39xx); Decatur, AL would be Central as well.
    ("3985", "Decatur Airport", CHICAGO, "Decatur, IL"),
    ("4501", "Kansas City", CHICAGO, "Kansas City, MO/KS: both Central"),
    ("4506", "Spirit of St.Louis Aiport", CHICAGO, "Chesterfield, MO"),
    ("4581", "Mascoutah Airport", CHICAGO, "MidAmerica St. Louis Airport, Mascoutah, IL"),
    ("4913", "Luis Munoz Marin International Airport", PUERTO_RICO, "San Juan, PR"),
    ("5204", "West Palm Beach", NEW_YORK, "West Palm Beach, FL"),
    ("7404", "CBP St. Croix Preclearance, St. Croix, Virgin Islands", ST_THOMAS,
     "St. Croix, VI (state spelled out)"),
    # Wrong state in the list: 54xx is the Washington, DC area (5401 Sterling, VA) and
    # Alexandria is in Virginia; "VI" would give Virgin Islands time, an hour off in winter.
    ("5402", "Alexandria, VI", NEW_YORK, "Alexandria, VA (the list says VI)"),
    # CBP preclearances abroad, listed under their Washington, DC office: the ETA is a
    # wall-clock time where the officers are.
    ("7421", "CBP Bermuda Preclearance, Washington, DC", BERMUDA,
     "preclearance at Bermuda's airport (the list says Washington, DC)"),
    ("7422", "CBP Freeport Preclearance, Washington, DC", NASSAU,
     "preclearance at Freeport, Grand Bahama (the list says Washington, DC)"),
    # Not overridden, noted: 2910 "Portland International Airport, Portland, WA" is in Oregon,
    # same zone; 5101 "Port Charlotte, VI" is presumably Charlotte Amalie, St. Thomas.
]

# Entries that are not places: no zone; the importer must get the zone some other way.
US_NO_ZONE = [
    ("9900", "Customs HQ"),
    ("9997", "Unknown Port Location"),
    ("9999", "ZZZZZZZZZZZ"),
]

# Spot checks written into the Rust tests (and checked here first).
CA_CHECKS = [
    ("0453", TORONTO), ("0478", WINNIPEG), ("0475", TORONTO), ("0817", VANCOUVER),
    ("0822", CRESTON), ("0824", EDMONTON), ("0705", EDMONTON), ("0602", REGINA),
    ("0502", WINNIPEG), ("0892", WHITEHORSE), ("0214", MONCTON), ("0025", HALIFAX),
]
US_CHECKS = [
    ("3801", DETROIT), ("2402", DENVER), ("2304", CHICAGO), ("0901", NEW_YORK),
    ("3004", LOS_ANGELES), ("2604", PHOENIX), ("3308", LOS_ANGELES), ("2907", BOISE),
    ("1818", CHICAGO), ("5402", NEW_YORK), ("3428", WINNIPEG), ("3102", JUNEAU),
]
NONE_CHECKS = [("us", "9998"), ("us", "9900"), ("us", "9999"), ("ca", "9998")]


def load(d, name):
    with open(os.path.join(d, name)) as f:
        return json.load(f)


def ca_zones(entries):
    ports = {e["number"]: e["name"] for e in entries}
    assert len(ports) == len(entries), "duplicate CA office numbers"
    assert all(len(n) == 4 and n.isdigit() for n in ports)
    prefixes = {p: z for p, _, z in CA_PREFIXES}
    zones = {}
    for n in ports:
        assert n[:2] in prefixes, f"CA office {n} {ports[n]}: no province for prefix {n[:2]}"
        zones[n] = prefixes[n[:2]]
    for n, name, zone, _ in CA_EXCEPTIONS:
        assert ports.get(n) == name, f"CA exception {n} {name}: the list has {ports.get(n)!r}"
        zones[n] = zone
    assert set(zones) == set(ports), "a CA office without a zone"
    return ports, zones


def us_state(name):
    """The two-letter state after the last comma, or None if there is none."""
    if "," not in name:
        return None
    tail = name.rsplit(",", 1)[1].strip()
    if len(tail) == 2 and tail.isalpha() and tail.isupper():
        assert tail in US_STATES, f"unknown US state {tail!r} in {name!r}"
        return tail
    return None


def us_zones(entries):
    ports = {e["code"]: e["portOfEntry"] for e in entries}
    assert len(ports) == len(entries), "duplicate US port codes"
    assert all(len(c) == 4 and c.isdigit() for c in ports)
    by_code = {c: (name, zone) for c, name, zone, _ in US_CODES}
    no_zone = dict(US_NO_ZONE)
    for c, name in list(by_code.items()) + [(c, (n, None)) for c, n in no_zone.items()]:
        assert ports.get(c) == name[0], f"US rule {c} {name[0]}: the list has {ports.get(c)!r}"
    assert not set(by_code) & set(no_zone)
    used = set()
    zones = {}
    for c, name in ports.items():
        if c in no_zone:
            continue
        if c in by_code:
            zones[c] = by_code[c][1]
            continue
        state = us_state(name)
        assert state, f"US port {c} {name!r}: no state; place it in US_CODES or US_NO_ZONE"
        place = name.rsplit(",", 1)[0].lower()
        hits = [r for r in US_PLACES if r[0] == state and r[1].lower() in place]
        assert len(hits) <= 1, f"US port {c} {name!r} matches several place rules: {hits}"
        if hits:
            used.add(hits[0][:2])
            zones[c] = hits[0][2]
        else:
            assert US_STATES[state], f"US port {c} {name!r}: {state} needs a place rule"
            zones[c] = US_STATES[state]
    unused = [r[:2] for r in US_PLACES if r[:2] not in used]
    assert not unused, f"place rules that match no port: {unused}"
    assert set(zones) | set(no_zone) == set(ports), "a US port without a zone"
    return ports, zones


def wrap(text, first="//! ", rest=None):
    return textwrap.fill(text, width=100, initial_indent=first,
                         subsequent_indent=first if rest is None else rest,
                         break_long_words=False, break_on_hyphens=False)


def bullet(text, depth=0):
    pad = "  " * depth
    return wrap(text, f"//! {pad}- ", f"//! {pad}  ")


def by_zone(pairs):
    """[(label, zone)] -> [(zone, [labels])], zones in order of first appearance."""
    out = {}
    for label, zone in pairs:
        out.setdefault(zone, []).append(label)
    return list(out.items())


def table(name, what, zones):
    rows = "\n".join(f'    ("{c}", "{z}"),' for c, z in sorted(zones.items()))
    return (f"/// ({what}, IANA zone), sorted by {what.split()[-1]}.\n"
            f"const {name}: [(&str, &str); {len(zones)}] = [\n{rows}\n];")


def assert_line(call, expected):
    args = f"{call}, {expected}"
    if len(args) <= 60 and len(args) + 19 <= 100:
        return f"        assert_eq!({args});"
    return f"        assert_eq!(\n            {call},\n            {expected}\n        );"


def main():
    d = sys.argv[1]
    ca_entries, us_entries = load(d, CA_FILE), load(d, US_FILE)
    ca_ports, ca = ca_zones(ca_entries)
    us_ports, us = us_zones(us_entries)
    for code, zone in CA_CHECKS:
        assert ca.get(code) == zone, (code, ca.get(code), zone)
    for code, zone in US_CHECKS:
        assert us.get(code) == zone, (code, us.get(code), zone)
    for country, code in NONE_CHECKS:
        assert code not in (us if country == "us" else ca), (country, code)

    # Only the zones compiled into chrono-tz (CHRONO_TZ_TIMEZONE_FILTER, .cargo/config.toml)
    # can be used: ports in other zones (Hawaii, Puerto Rico, the Virgin Islands, preclearance
    # abroad) are not land ports and are left without one.
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    config = open(os.path.join(root, ".cargo", "config.toml")).read()
    compiled = re.search(r'CHRONO_TZ_TIMEZONE_FILTER = "([^"]+)"', config).group(1)
    outside = sorted((c, z) for c, z in us.items() if not re.fullmatch(compiled, z))
    for c, _ in outside:
        del us[c]
    assert all(re.fullmatch(compiled, z) for z in ca.values()), "a CA zone outside the filter"
    for c, z in outside:
        US_NO_ZONE.append((c, f"{us_ports[c]} ({z}, not compiled in)"))
    no_zone = ", ".join(f"{c} {n}" for c, n in US_NO_ZONE)
    print(f"port_zones: {len(ca)} of {len(ca_ports)} CA offices and {len(us)} of "
          f"{len(us_ports)} US ports have a zone; left without one: {no_zone}", file=sys.stderr)

    doc = []
    doc.append(wrap(
        "Port of entry → IANA time zone, for the BorderConnect importer: an ETA in a BorderConnect "
        "document is a wall-clock time at the port, and when the document carries no "
        "`estimatedArrivalTimeZone` the port's zone is what turns it into an instant."))
    doc.append("//!")
    doc.append(wrap(
        "Generated by `fleet/tools/port_zones.py` (do not edit by hand) from BorderConnect's "
        f"`us-ports` ({len(us_ports)} entries, {len(us)} with a zone) and `ca-highway-ports` "
        f"({len(ca_ports)} offices, all with a zone) code lists as published in the FleetHawks "
        "app (2020; `../shared/research/borderconnect/code-lists/`, trust medium-high: a copy "
        "of the provider's lists of that time, not a CBP or CBSA publication)."))
    doc.append("//!")
    doc.append(wrap(
        "The lists give a code and a name, never a zone. The zone of each port is our "
        "assignment, a design choice derived from the port's province or state and the "
        "exceptions below, not a statement of any source:"))
    doc.append("//!")
    doc.append(bullet(
        "Canada, by the CBSA office number's first two digits, which in this list group the "
        "offices by province: "
        + "; ".join(f"{p}xx {prov} → {z}" for p, prov, z in CA_PREFIXES) + ". Exceptions:"))
    doc.extend(bullet(f"{n} {name} → {z}: {why}.", 1)
               for n, name, z, why in CA_EXCEPTIONS
               if z != dict((p, zz) for p, _, zz in CA_PREFIXES)[n[:2]])
    doc.append(bullet("Checked and left on the rule:", 1))
    doc.extend(bullet(f"{n} {name} → {z}: {why}.", 2)
               for n, name, z, why in CA_EXCEPTIONS
               if z == dict((p, zz) for p, _, zz in CA_PREFIXES)[n[:2]])
    states = [(s, z) for s, z in US_STATES.items() if z]
    doc.append(bullet(
        "United States, by the two-letter state after the last comma of `portOfEntry`: "
        + "; ".join(f"{' '.join(ss)} → {z}" for z, ss in by_zone(states))
        + "; TN by city only. Exceptions by place:"))
    doc.extend(bullet(f"{s} {place} → {z}: {why}.", 1)
               for s, place, z, why in US_PLACES if z != US_STATES[s])
    doc.append(bullet("Checked and left on the rule:", 1))
    doc.extend(bullet(f"{s} {place} → {z}: {why}.", 2)
               for s, place, z, why in US_PLACES if z == US_STATES[s])
    doc.append(bullet("By code (the name has no usable state, or a wrong one):", 1))
    doc.extend(bullet(f"{c} \"{name}\" → {z}: {why}.", 2) for c, name, z, why in sorted(US_CODES))
    doc.append("//!")
    doc.append(wrap(
        f"Left without a zone ({len(US_NO_ZONE)} US entries: not places, or not land ports in a zone compiled into chrono-tz): {no_zone}. "
        "`us_port_zone` gives `None` for them as for an unlisted code."))
    doc.append("//!")
    doc.append(wrap(
        "A zone name says which clock a port keeps; the UTC offset on a date comes from the tz "
        "database compiled into chrono-tz (its version is pinned in Cargo.toml), not from this "
        "table."))

    print("\n".join(doc))
    print()
    print(table("US_PORT_ZONES", "CBP port code", us))
    print()
    print(table("CA_PORT_ZONES", "CBSA office number", ca))
    print('''
/// The IANA time zone we assign to a US port of entry, by its four-digit CBP port code; `None`
/// for a code not in the list and for the entries that are not places (9900, 9997, 9999).
pub fn us_port_zone(code: &str) -> Option<&'static str> {
    US_PORT_ZONES
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .map(|i| US_PORT_ZONES[i].1)
}

/// The IANA time zone we assign to a CBSA highway port of entry, by its four-digit office
/// number; `None` for a number not in the list.
pub fn ca_port_zone(code: &str) -> Option<&'static str> {
    CA_PORT_ZONES
        .binary_search_by(|(n, _)| (*n).cmp(code))
        .ok()
        .map(|i| CA_PORT_ZONES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;
''')
    print("    #[test]\n    fn canadian_offices_get_their_province_or_exception_zone() {")
    for code, zone in CA_CHECKS:
        print(assert_line(f'ca_port_zone("{code}")', f'Some("{zone}")'))
    print("    }\n")
    print("    #[test]\n    fn us_ports_get_their_state_or_exception_zone() {")
    for code, zone in US_CHECKS:
        print(assert_line(f'us_port_zone("{code}")', f'Some("{zone}")'))
    print("    }\n")
    print("    #[test]\n    fn unknown_codes_and_non_places_have_no_zone() {")
    for country, code in NONE_CHECKS:
        print(assert_line(f'{country}_port_zone("{code}")', "None"))
    print("    }\n")
    print("    #[test]\n    fn tables_are_sorted_for_binary_search() {")
    print("        assert!(US_PORT_ZONES.windows(2).all(|w| w[0].0 < w[1].0));")
    print("        assert!(CA_PORT_ZONES.windows(2).all(|w| w[0].0 < w[1].0));")
    print("    }")
    print("}")


main()
