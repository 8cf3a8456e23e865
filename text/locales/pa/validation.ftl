# Crossing — the trip rules' words (trip/src/validate), pa.
# Machine-made translation (written by an AI assistant): native-speaker review pending.

## ਹਰ ਟੈਕਸਟ ਖ਼ਾਨਾ (trip/src/validate/mod.rs)

v-length-exact = ਪੂਰੇ { $length } ਅੱਖਰਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ (ਹੁਣ: { $found })
v-length-empty = ਖ਼ਾਲੀ ਨਹੀਂ ਹੋਣਾ ਚਾਹੀਦਾ (1–{ $max } ਅੱਖਰ)
v-length-range = { $min }–{ $max } ਅੱਖਰਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ (ਹੁਣ: { $found })
v-edge-space = ਸ਼ੁਰੂ ਜਾਂ ਅੰਤ ਵਿੱਚ ਖ਼ਾਲੀ ਥਾਂ (ਸਪੇਸ) ਨਹੀਂ ਹੋਣੀ ਚਾਹੀਦੀ
v-port-digits = ਅੱਗੇ ਜ਼ੀਰੋ ਸਮੇਤ 4 ਅੰਕਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ (ਜਿਵੇਂ 0453)
v-country-code = ISO 3166-1 alpha-2 ਦੇਸ਼ ਕੋਡ (2 ਅੱਖਰ) ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-not-used-on = { $regime } ਟ੍ਰਿਪਾਂ ਵਿੱਚ ਨਹੀਂ ਵਰਤਿਆ ਜਾਂਦਾ
v-id-characters = ਇਸ ਵਿੱਚ ਸਿਰਫ਼ ਅੱਖਰ, ਅੰਕ ਅਤੇ . _ : - ਹੋ ਸਕਦੇ ਹਨ
v-version-min = 1 ਜਾਂ ਵੱਧ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-date-time-offset = ਆਫ਼ਸੈੱਟ ਸਮੇਤ RFC 3339 ਮਿਤੀ-ਸਮਾਂ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
# $list ਸੂਚੀ ਦਾ ਅੰਗਰੇਜ਼ੀ ਨਾਮ ਹੈ।
v-code-not-listed = { $list } ਵਿੱਚ ਨਹੀਂ ਹੈ; ਸੂਚੀ ਪੁਰਾਣੀ ਹੋ ਸਕਦੀ ਹੈ, ਇਸ ਲਈ ਕੋਡ ਦੀ ਜਾਂਚ ਕਰੋ

## ਟ੍ਰਿਪ ਦਾ ਹੈਡਰ (header.rs)

v-aci-crn-shape = ACI CRN 4-ਅੱਖਰਾਂ ਵਾਲਾ ਕੈਰੀਅਰ ਕੋਡ ਅਤੇ ਉਸ ਤੋਂ ਬਾਅਦ 4–21 ਅੱਖਰ ਜਾਂ ਅੰਕ ਹੁੰਦਾ ਹੈ (8–25 ਅੱਖਰ)
v-carrier-prefix-or-authorizing = ਟ੍ਰਿਪ ਦੇ ਕੈਰੀਅਰ ਕੋਡ "{ $carrier }" ਜਾਂ ਅਧਿਕਾਰ ਦੇਣ ਵਾਲੇ ਕੈਰੀਅਰ ਦੇ ਕੋਡ "{ $authorizing }" ਨਾਲ ਸ਼ੁਰੂ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-carrier-prefix = ਟ੍ਰਿਪ ਦੇ ਕੈਰੀਅਰ ਕੋਡ "{ $carrier }" ਨਾਲ ਸ਼ੁਰੂ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-crn-looks-like-pars = PARS ਨੰਬਰ ਵਰਗਾ ਲੱਗਦਾ ਹੈ; CRN ਕੋਈ PARS ਜਾਂ ਕਾਰਗੋ ਕੰਟਰੋਲ ਨੰਬਰ ਨਹੀਂ ਹੋਣਾ ਚਾਹੀਦਾ
v-letters-digits = ਇਸ ਵਿੱਚ ਸਿਰਫ਼ ਅੱਖਰ ਅਤੇ ਅੰਕ ਹੋ ਸਕਦੇ ਹਨ
v-carrier-code = CBSA ਕੈਰੀਅਰ ਕੋਡ ਪੂਰੇ 4 ਅੱਖਰਾਂ, ਅੰਕਾਂ ਜਾਂ ਡੈਸ਼ਾਂ ਦਾ ਹੁੰਦਾ ਹੈ
v-scac-shape = SCAC 2–4 ਅੱਖਰਾਂ ਦਾ ਹੁੰਦਾ ਹੈ
v-scac-four-letters = ਹਾਈਵੇ ਕੈਰੀਅਰਾਂ ਨੂੰ 4 ਅੱਖਰਾਂ ਵਾਲੇ SCAC ਦਿੱਤੇ ਜਾਂਦੇ ਹਨ
v-scac-equipment = U, X ਜਾਂ Z ਨਾਲ ਖ਼ਤਮ ਹੋਣ ਵਾਲੇ SCAC ਉਪਕਰਨਾਂ ਦੇ ਕੋਡ ਹਨ, ਕੈਰੀਅਰਾਂ ਦੇ ਨਹੀਂ
v-ace-trip-number-shape = ACE ਟ੍ਰਿਪ ਨੰਬਰ SCAC ਅਤੇ ਉਸ ਤੋਂ ਬਾਅਦ 4–21 ਅੱਖਰ ਜਾਂ ਅੰਕ ਹੁੰਦਾ ਹੈ (ਵੱਧ ਤੋਂ ਵੱਧ 25 ਅੱਖਰ)
v-ace-trip-number-prefix = ਟ੍ਰਿਪ ਦੇ SCAC "{ $scac }" ਨਾਲ ਸ਼ੁਰੂ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ, ਅਤੇ ਉਸ ਤੋਂ ਬਾਅਦ 4–21 ਅੱਖਰ ਜਾਂ ਅੰਕ
v-eta-local = ਸਥਾਨਕ ਮਿਤੀ-ਸਮਾਂ YYYY-MM-DDTHH:MM:SS ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-eta-zone = ਕਿਸੇ ਜ਼ਮੀਨੀ ਦਾਖ਼ਲਾ ਪੋਰਟ ਦਾ IANA ਟਾਈਮ ਜ਼ੋਨ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ, ਜਿਵੇਂ America/Toronto (docs/trip-format.md ਵਿੱਚ ਇਨ੍ਹਾਂ ਦੀ ਸੂਚੀ ਹੈ)
v-eta-gap = ਉਸ ਟਾਈਮ ਜ਼ੋਨ ਵਿੱਚ ਇਹ ਸਮਾਂ ਹੁੰਦਾ ਹੀ ਨਹੀਂ (ਡੇਲਾਈਟ ਸੇਵਿੰਗ ਵੇਲੇ ਛੱਡਿਆ ਗਿਆ ਘੰਟਾ)
v-eta-past = ਬੀਤੇ ਸਮੇਂ ਦਾ ਹੈ
v-eta-too-early = ACI ਕਾਰਗੋ ਡਾਟਾ ਪਹੁੰਚਣ ਤੋਂ ਵੱਧ ਤੋਂ ਵੱਧ 90 ਦਿਨ ਪਹਿਲਾਂ ਭੇਜਿਆ ਜਾ ਸਕਦਾ ਹੈ
v-eta-lead-time = { $minutes } ਮਿੰਟ ਤੋਂ ਵੀ ਘੱਟ ਦੂਰ ਹੈ; { $agency } ਕੋਲ ਪਹੁੰਚਣ ਤੋਂ { $minutes } ਮਿੰਟ ਪਹਿਲਾਂ ਮੈਨੀਫੈਸਟ ਦਰਜ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ

## ਟਰੱਕ ਅਤੇ ਉਸ ਦੇ ਟ੍ਰੇਲਰ (conveyance.rs)

v-type-code = 2 ਅੱਖਰਾਂ ਵਾਲਾ ਟਾਈਪ ਕੋਡ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ (ਜਿਵੇਂ TR, TL)
v-plate-characters = ਇਸ ਵਿੱਚ ਸਿਰਫ਼ ਅੱਖਰ, ਅੰਕ, ਸਪੇਸ ਅਤੇ ਡੈਸ਼ ਹੋ ਸਕਦੇ ਹਨ
v-jurisdiction = 2–3 ਅੱਖਰਾਂ ਵਾਲਾ ਸਟੇਟ ਜਾਂ ਪ੍ਰੋਵਿੰਸ ਕੋਡ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-vin-required = ACE ਲਈ ਜ਼ਰੂਰੀ ਹੈ (17 ਅੱਖਰ)
v-vin-shape = 17 ਅੱਖਰਾਂ ਜਾਂ ਅੰਕਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-vin-ioq = VIN ਵਿੱਚ ਆਮ ਤੌਰ 'ਤੇ I, O ਜਾਂ Q ਨਹੀਂ ਹੁੰਦੇ (ISO 3779)
v-dot-number = 1–8 ਅੰਕਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-aci-truck-plates = ACI ਵਿੱਚ ਟਰੱਕ ਦੀ ਸਿਰਫ਼ ਇੱਕ ਪਲੇਟ ਦਿੱਤੀ ਜਾਂਦੀ ਹੈ (ਹੁਣ: { $found })
v-ace-truck-plates = ACE ਲਈ ਟਰੱਕ ਦੀਆਂ 1 ਜਾਂ 2 ਪਲੇਟਾਂ ਚਾਹੀਦੀਆਂ ਹਨ (ਹੁਣ: { $found })
v-plate-ace-qr = ACE QR ਲੇਆਊਟ ਦੇ 7 ਪਲੇਟ ਅੱਖਰਾਂ ਤੋਂ ਲੰਮਾ ਹੈ; ACE QR ਨਹੀਂ ਬਣਾਇਆ ਜਾ ਸਕਦਾ

## ਕਰੂ (crew.rs)

v-ace-driver-needed = ACE ਲਈ ਘੱਟੋ-ਘੱਟ ਇੱਕ ਡਰਾਈਵਰ ਚਾਹੀਦਾ ਹੈ
v-fast-card-shape = FAST ਕਾਰਡ ਨੰਬਰ 14 ਅੰਕਾਂ ਦਾ ਹੁੰਦਾ ਹੈ
v-fast-card-prefix = FAST ਕਾਰਡ ਨੰਬਰ ਆਮ ਤੌਰ 'ਤੇ 4270 ਨਾਲ ਸ਼ੁਰੂ ਹੁੰਦੇ ਹਨ
v-ace-id = ACE ID 7 ਅੰਕਾਂ ਦੀ ਹੁੰਦੀ ਹੈ
v-date = YYYY-MM-DD ਮਿਤੀ ਹੋਣੀ ਚਾਹੀਦੀ ਹੈ
v-birth-in-past = ਬੀਤੇ ਸਮੇਂ ਦੀ ਹੋਣੀ ਚਾਹੀਦੀ ਹੈ
v-birth-plausible = ਮੰਨਣਯੋਗ ਜਨਮ ਮਿਤੀ ਨਹੀਂ ਹੈ
v-document-type = ਯਾਤਰਾ ਦਸਤਾਵੇਜ਼ ਦਾ ਟਾਈਪ ਕੋਡ ਨਹੀਂ ਹੈ (5K, 5J, 6W, ACW, AEF, AEW, ALV, …)
v-licence-issuer = ਡਰਾਈਵਿੰਗ ਲਾਇਸੈਂਸ ਨਾਲ ਉਸ ਨੂੰ ਜਾਰੀ ਕਰਨ ਵਾਲੀ ਸਟੇਟ ਜਾਂ ਪ੍ਰੋਵਿੰਸ ਦੱਸਣੀ ਜ਼ਰੂਰੀ ਹੈ
v-document-country = ਇਸ ਕਿਸਮ ਦੇ ਦਸਤਾਵੇਜ਼ ਨਾਲ ਆਮ ਤੌਰ 'ਤੇ ਉਸ ਨੂੰ ਜਾਰੀ ਕਰਨ ਵਾਲਾ ਦੇਸ਼ ਦੱਸਿਆ ਜਾਂਦਾ ਹੈ
v-required-ace-passenger = ACE ਸਵਾਰੀ ਲਈ ਜ਼ਰੂਰੀ ਹੈ
v-required-ace-driver = FAST ਕਾਰਡ ਜਾਂ ACE ID ਤੋਂ ਬਿਨਾਂ ACE ਡਰਾਈਵਰ ਲਈ ਜ਼ਰੂਰੀ ਹੈ
v-documents-ace-passenger = ACE ਸਵਾਰੀ ਕੋਲ ਯਾਤਰਾ ਦਸਤਾਵੇਜ਼ ਹੋਣੇ ਚਾਹੀਦੇ ਹਨ
v-documents-ace-driver = FAST ਕਾਰਡ ਜਾਂ ACE ID ਤੋਂ ਬਿਨਾਂ ACE ਡਰਾਈਵਰ ਕੋਲ ਯਾਤਰਾ ਦਸਤਾਵੇਜ਼ ਹੋਣੇ ਚਾਹੀਦੇ ਹਨ
v-ace-driver-cdl = FAST ਕਾਰਡ ਜਾਂ ACE ID ਤੋਂ ਬਿਨਾਂ ACE ਡਰਾਈਵਰ ਕੋਲ ਕਮਰਸ਼ੀਅਲ ਡਰਾਈਵਿੰਗ ਲਾਇਸੈਂਸ (5K) ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-ace-driver-whti = FAST ਕਾਰਡ ਜਾਂ ACE ID ਤੋਂ ਬਿਨਾਂ ACE ਡਰਾਈਵਰ ਕੋਲ CDL ਤੋਂ ਇਲਾਵਾ ਇੱਕ WHTI ਦਸਤਾਵੇਜ਼ (ਪਾਸਪੋਰਟ, ਪਾਸਪੋਰਟ ਕਾਰਡ, NEXUS, SENTRI, EDL, PR ਕਾਰਡ, …) ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ

## ਸ਼ਿਪਮੈਂਟਾਂ (shipments.rs)

v-control-number-twice = ਟ੍ਰਿਪ ਵਿੱਚ ਦੋ ਵਾਰ ਆਉਂਦਾ ਹੈ; ਹਰ ਕੰਟਰੋਲ ਨੰਬਰ ਵੱਖਰਾ ਹੁੰਦਾ ਹੈ
v-control-number-is-trip-number = ਟ੍ਰਿਪ ਨੰਬਰ ਦੇ ਬਰਾਬਰ ਹੈ; ਟ੍ਰਿਪ ਅਤੇ ਸ਼ਿਪਮੈਂਟ ਦੇ ਕੰਟਰੋਲ ਨੰਬਰ ਵੱਖਰੇ ਹੋਣੇ ਚਾਹੀਦੇ ਹਨ
v-commodity-needed = ਸ਼ਿਪਮੈਂਟ ਵਿੱਚ ਘੱਟੋ-ਘੱਟ ਇੱਕ ਮਾਲ (ਕਮੋਡਿਟੀ) ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-shipment-type = { $regime } ਸ਼ਿਪਮੈਂਟ ਟਾਈਪ ਨਹੀਂ ਹੈ ({ $types })
v-first-port = ਟ੍ਰਿਪ ਦੇ ਪਹੁੰਚ ਦੇ ਪਹਿਲੇ ਪੋਰਟ "{ $port }" ਦੇ ਬਰਾਬਰ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-bond-sub-location = ਇਨ-ਬਾਂਡ (BOND) ਸ਼ਿਪਮੈਂਟ ਲਈ ਸਬ-ਲੋਕੇਸ਼ਨ ਚਾਹੀਦੀ ਹੈ
v-province-of-loading = 2–5 ਅੱਖਰਾਂ ਜਾਂ ਅੰਕਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-ccn-shape = CCN 5–25 ਅੱਖਰਾਂ, ਅੰਕਾਂ ਜਾਂ ਡੈਸ਼ਾਂ ਦਾ ਹੁੰਦਾ ਹੈ (ਕੈਰੀਅਰ ਕੋਡ + ਵਿਲੱਖਣ ਹਵਾਲਾ)
v-ccn-short = 8 ਅੱਖਰਾਂ ਤੋਂ ਛੋਟਾ ਹੈ (ਕੈਰੀਅਰ ਕੋਡ + 4–21); ਇਸ ਨੂੰ PARS ਲੇਬਲ ਨਾਲ ਮਿਲਾ ਕੇ ਜਾਂਚੋ
v-scn-shape = SCN 4 ਅੱਖਰਾਂ ਵਾਲਾ SCAC ਅਤੇ ਉਸ ਤੋਂ ਬਾਅਦ 4–12 ਅੱਖਰ ਜਾਂ ਅੰਕ ਹੁੰਦਾ ਹੈ (ਵੱਧ ਤੋਂ ਵੱਧ 16 ਅੱਖਰ)
v-scn-prefix = ਸ਼ਿਪਮੈਂਟ ਲਈ ਜ਼ਿੰਮੇਵਾਰ SCAC "{ $scac }" ਨਾਲ ਸ਼ੁਰੂ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-quantity = 0 ਤੋਂ ਵੱਧ ਪੂਰੀ ਸੰਖਿਆ ਹੋਣੀ ਚਾਹੀਦੀ ਹੈ
v-packaging-unit = 3 ਅੱਖਰਾਂ ਵਾਲਾ ਪੈਕਿੰਗ ਯੂਨਿਟ ਕੋਡ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ (PLT, SKD, BOX, …)
v-weight-unit = { $regime } ਲਈ { $units } ਵਿੱਚੋਂ ਇੱਕ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-hs-code = 6–10 ਅੰਕਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
v-description-character = ਇਸ ਵਿੱਚ '{ $character }' ਨਹੀਂ ਹੋਣਾ ਚਾਹੀਦਾ (ਕਸਟਮ ' : + ! ਨਹੀਂ ਮੰਨਦਾ)
v-description-aci-portals = 300 ਅੱਖਰਾਂ ਤੋਂ ਲੰਮਾ ਹੈ; ਕੁਝ ACI ਪੋਰਟਲ ਸਿਰਫ਼ 300 ਅੱਖਰ ਲੈਂਦੇ ਹਨ
v-description-vague = ਕਸਟਮ ਲਈ ਬਹੁਤ ਅਸਪਸ਼ਟ ਹੈ; ਮਾਲ ਨੂੰ ਸਾਫ਼-ਸਾਫ਼ ਦੱਸੋ (ਜਿਵੇਂ "steel bolts", ਸਟੀਲ ਦੇ ਬੋਲਟ)
v-un-number = UN ਅਤੇ ਉਸ ਤੋਂ ਬਾਅਦ 4 ਅੰਕ ਹੋਣੇ ਚਾਹੀਦੇ ਹਨ, 0004 ਜਾਂ ਉਸ ਤੋਂ ਵੱਧ, ਜਿਵੇਂ "UN1203"
v-emergency-contact = ACE ਵਿੱਚ ਖ਼ਤਰਨਾਕ ਮਾਲ ਲਈ ਐਮਰਜੈਂਸੀ ਸੰਪਰਕ ਚਾਹੀਦਾ ਹੈ
v-weight-shape = ਵੱਧ ਤੋਂ ਵੱਧ 4 ਦਸ਼ਮਲਵ ਅੰਕਾਂ ਵਾਲੀ ਸੰਖਿਆ ਹੋਣੀ ਚਾਹੀਦੀ ਹੈ, ਜਿਵੇਂ "1250.5"
v-weight-above-zero = 0 ਤੋਂ ਵੱਧ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
