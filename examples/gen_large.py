#!/usr/bin/env python3
"""Writes aci-trip-500.json: an ACI trip with 500 shipments (deterministic, for tests and
benchmarks). Run from the repository root: python3 examples/gen_large.py"""
import json, pathlib, random

rng = random.Random(20261126)
base = json.loads(pathlib.Path("examples/aci-trip.json").read_text())
cities = [("Detroit", "MI", "48209"), ("Toledo", "OH", "43605"), ("Buffalo", "NY", "14203"),
          ("Cleveland", "OH", "44114"), ("Chicago", "IL", "60638"), ("Erie", "PA", "16501")]
goods = [("Automotive disc brake assemblies", "PLT", "870830"), ("Steel bolts and nuts", "BOX", "731815"),
         ("Corrugated cardboard cartons", "SKD", "481910"), ("Frozen french fries", "CTN", "200410"),
         ("Laminated windshield glass", "SKD", "700711"), ("Plastic injection moulds", "PCE", "848071")]
trip = dict(base)
trip["id"] = "T-2026-11-0500"
trip["tripNumber"] = "1234TR261126500"
shipments = []
for i in range(500):
    city, state, postal = cities[rng.randrange(len(cities))]
    desc, unit, hs = goods[rng.randrange(len(goods))]
    shipments.append({
        "controlNumber": f"1234PARS26{i + 1:07d}",
        "type": "PARS",
        "portOfEntry": "0453",
        "releaseOffice": "0453",
        "cityOfLoading": city,
        "shipper": {"name": f"Shipper {i + 1:03d} Manufacturing Inc",
                    "address": {"line": f"{100 + i} Industrial Dr", "city": city, "stateProvince": state,
                                "postalCode": postal, "country": "US"}},
        "consignee": {"name": f"Consignee {i + 1:03d} Distribution Ltd",
                      "address": {"line": f"{200 + i} Commerce Rd", "city": "Mississauga", "stateProvince": "ON",
                                  "postalCode": "L5T 2H7", "country": "CA"}},
        "commodities": [{"description": desc, "quantity": rng.randint(1, 40), "packagingUnit": unit,
                         "weight": f"{rng.randint(50, 9000)}.{rng.randint(0, 9)}", "weightUnit": "LBR",
                         "hsCode": hs, "countryOfOrigin": "US"}],
    })
trip["shipments"] = shipments
pathlib.Path("examples/aci-trip-500.json").write_text(json.dumps(trip, indent=1) + "\n")
