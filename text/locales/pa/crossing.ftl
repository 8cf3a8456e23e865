# Crossing — ਪੰਜਾਬੀ (ਗੁਰਮੁਖੀ), pa. Translated from text/locales/en/crossing.ftl.
# Machine-made translation (written by an AI assistant): native-speaker review pending. Nobody has reviewed it yet.
# Same ids and the same arguments as English (text/src/tests.rs). Words chosen: docs/glossary/pa.md.
# Never translated: CRN, CCN, PARS, PAPS, SCN, SCAC, VIN, FAST, HS, UN numbers, port codes, trip
# numbers, control numbers, ETA, ACI, ACE, CBSA, CBP, QR, Code 128, Code 39, the name Crossing.
# Messages whose id starts with "event-" or "customs-signal-"/"customs-status-" (and
# customs-released-by, customs-held-by, customs-rejected-by) keep the exact English term in front:
# "Released by customs · ਕਸਟਮ ਨੇ ਰਿਲੀਜ਼ ਕੀਤਾ".
# Sentences end with the Gurmukhi danda (।) where English has a full stop; Latin digits only.
# Plurals: CLDR puts 0 and 1 in [one] for Punjabi.

## Numbers of things

count-events = { $count ->
    [one] { $count } ਇਵੈਂਟ
   *[other] { $count } ਇਵੈਂਟ
}
count-trips = { $count ->
    [one] { $count } ਟ੍ਰਿਪ
   *[other] { $count } ਟ੍ਰਿਪ
}
count-events-recovered = { $count ->
    [one] { $count } ਇਵੈਂਟ ਬਚਾ ਲਿਆ ਗਿਆ
   *[other] { $count } ਇਵੈਂਟ ਬਚਾ ਲਏ ਗਏ
}

## Times and dates (patterns owned by the translator; ADR 0033)

time-clock = { NUMBER($hour, minimumIntegerDigits: 2) }:{ NUMBER($minute, minimumIntegerDigits: 2) }
# $weekday and $month are the short names below; $day the day of the month (CLDR pa: EEE, d MMM).
time-day = { $weekday }, { $day } { $month } { $time }
time-zoned = { $time } { $zone }
time-just-now = ਹੁਣੇ ਹੀ
time-minutes-ago = { $minutes } ਮਿੰਟ ਪਹਿਲਾਂ
time-hours-ago = { $hours } ਘੰਟੇ ਪਹਿਲਾਂ
# CLDR pa abbreviated weekday and month names (format context).
weekday-short = { $day ->
    [1] ਸੋਮ
    [2] ਮੰਗਲ
    [3] ਬੁੱਧ
    [4] ਵੀਰ
    [5] ਸ਼ੁੱਕਰ
    [6] ਸ਼ਨਿੱਚਰ
   *[7] ਐਤ
}
month-short = { $month ->
    [1] ਜਨ
    [2] ਫ਼ਰ
    [3] ਮਾਰਚ
    [4] ਅਪ੍ਰੈ
    [5] ਮਈ
    [6] ਜੂਨ
    [7] ਜੁਲਾ
    [8] ਅਗ
    [9] ਸਤੰ
    [10] ਅਕਤੂ
    [11] ਨਵੰ
   *[12] ਦਸੰ
}
# A time that could not be read, shown as written with its zone.
time-unreadable = { $time } ({ $zone })

## Sync badge and sync outcomes

sync-off = ਸਿੰਕ ਬੰਦ ਹੈ
sync-not-yet = ਹਾਲੇ ਸਿੰਕ ਨਹੀਂ ਹੋਇਆ
sync-up-to-date = ਸਭ ਅੱਪਡੇਟ ਹੈ
sync-syncing = ਸਿੰਕ ਹੋ ਰਿਹਾ ਹੈ…
sync-offline-retrying = ਆਫ਼ਲਾਈਨ · { $time } 'ਤੇ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼
sync-paused-retrying = ਸਿੰਕ ਰੁਕਿਆ · { $time } 'ਤੇ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼
sync-sign-in-again = ਦੁਬਾਰਾ ਸਾਈਨ ਇਨ ਕਰੋ
sync-update-app = ਐਪ ਅੱਪਡੇਟ ਕਰੋ
sync-last = ਆਖ਼ਰੀ ਸਿੰਕ { $ago }
sync-none-yet = ਹਾਲੇ ਕੋਈ ਸਿੰਕ ਨਹੀਂ
sync-waiting = { $count ->
    [one] { $count } ਇਵੈਂਟ ਭੇਜਣਾ ਬਾਕੀ
   *[other] { $count } ਇਵੈਂਟ ਭੇਜਣੇ ਬਾਕੀ
}
sync-refused = { $count ->
    [one] { $count } ਇਵੈਂਟ ਫਲੀਟ ਸਰਵਰ ਨੇ ਮੋੜ ਦਿੱਤਾ
   *[other] { $count } ਇਵੈਂਟ ਫਲੀਟ ਸਰਵਰ ਨੇ ਮੋੜ ਦਿੱਤੇ
}
sync-outcome-off = ਸਿੰਕ ਬੰਦ ਹੈ: ਕੋਈ ਫਲੀਟ ਸਰਵਰ ਸੈੱਟ ਨਹੀਂ ਹੈ
sync-outcome-done = ਸਿੰਕ ਹੋ ਗਿਆ: { $sent } ਭੇਜੇ, { $updated } ਅੱਪਡੇਟ, { $removed } ਹਟਾਏ
sync-outcome-offline = ਕਨੈਕਸ਼ਨ ਨਹੀਂ: ਤੁਹਾਡੇ ਇਵੈਂਟ ਸੇਵ ਹਨ ਅਤੇ ਭੇਜੇ ਜਾਣਗੇ
sync-outcome-server = ਫਲੀਟ ਸਰਵਰ ਠੀਕ ਜਵਾਬ ਨਹੀਂ ਦੇ ਰਿਹਾ: ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਹੋਵੇਗੀ
sync-outcome-sign-in = ਦੁਬਾਰਾ ਸਾਈਨ ਇਨ ਕਰੋ: ਤੁਹਾਡੇ ਇਵੈਂਟ ਸੰਭਾਲੇ ਹੋਏ ਹਨ
sync-outcome-update = ਐਪ ਅੱਪਡੇਟ ਕਰੋ: ਤੁਹਾਡੇ ਇਵੈਂਟ ਸੰਭਾਲੇ ਹੋਏ ਹਨ
sync-outcome-storage = ਇਸ ਫ਼ੋਨ ਦੀ ਸਟੋਰੇਜ ਫੇਲ੍ਹ ਹੋ ਗਈ: ਸਿੰਕ ਰੁਕ ਗਿਆ
sync-outcome-local = ਇਸ ਫ਼ੋਨ 'ਤੇ ਸਿੰਕ ਫੇਲ੍ਹ ਹੋਇਆ: ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਹੋਵੇਗੀ

## Start and sign-in

start-sign-in-title = ਸਾਈਨ ਇਨ
start-sign-in-message = ਆਪਣੇ ਫਲੀਟ ਵੱਲੋਂ ਦਿੱਤਾ ਡਰਾਈਵਰ ਟੋਕਨ ਭਰੋ। ਇਹ ਇਸ ਫ਼ੋਨ ਦੀ ਸੁਰੱਖਿਅਤ ਸਟੋਰੇਜ ਵਿੱਚ ਰੱਖਿਆ ਜਾਂਦਾ ਹੈ।
start-first-sync-title = ਤੁਹਾਡੇ ਟ੍ਰਿਪ ਲਿਆ ਰਹੇ ਹਾਂ
start-first-sync-message = ਪਹਿਲੇ ਸਿੰਕ ਤੋਂ ਬਾਅਦ ਤੁਹਾਡੇ ਟ੍ਰਿਪ ਇੱਥੇ ਦਿਸਣਗੇ। ਤੁਸੀਂ ਇਵੈਂਟ ਆਫ਼ਲਾਈਨ ਵੀ ਦਰਜ ਕਰ ਸਕਦੇ ਹੋ।
start-ready-title = ਟ੍ਰਿਪ
start-token-label = ਡਰਾਈਵਰ ਟੋਕਨ
start-token-hint = ਤੁਹਾਡੇ ਫਲੀਟ ਮੈਨੇਜਰ ਤੋਂ
start-sign-in-button = ਸਾਈਨ ਇਨ ਕਰੋ
token-empty = ਆਪਣੇ ਫਲੀਟ ਵੱਲੋਂ ਦਿੱਤਾ ਟੋਕਨ ਭਰੋ
token-too-long = ਡਰਾਈਵਰ ਟੋਕਨ ਲਈ ਇਹ ਬਹੁਤ ਲੰਬਾ ਹੈ: ਦੇਖੋ ਕੀ ਪੇਸਟ ਕੀਤਾ ਗਿਆ
token-bad-characters = ਡਰਾਈਵਰ ਟੋਕਨ ਵਿੱਚ ਖਾਲੀ ਥਾਂ ਜਾਂ ਖ਼ਾਸ ਚਿੰਨ੍ਹ ਨਹੀਂ ਹੁੰਦੇ: ਦੇਖੋ ਕੀ ਪੇਸਟ ਕੀਤਾ ਗਿਆ

## Recovery and start-up notices

recovery-title = ਤੁਹਾਡਾ ਡਾਟਾ ਠੀਕ ਕੀਤਾ ਗਿਆ
recovery-ok = ਠੀਕ ਹੈ
recovery-cache-rebuilt = ਟ੍ਰਿਪਾਂ ਦੀ ਸੂਚੀ ਖ਼ਰਾਬ ਸੀ ਅਤੇ ਸਾਫ਼ ਕਰ ਦਿੱਤੀ ਗਈ। ਅਗਲੇ ਸਿੰਕ ਨਾਲ ਤੁਹਾਡੇ ਟ੍ਰਿਪ ਵਾਪਸ ਆ ਜਾਣਗੇ।
recovery-outbox-salvaged = ਤੁਹਾਡੇ ਦਰਜ ਕੀਤੇ ਇਵੈਂਟਾਂ ਦਾ ਰਿਕਾਰਡ ਖ਼ਰਾਬ ਹੋ ਗਿਆ ਸੀ। { $count ->
    [one] { $count } ਇਵੈਂਟ ਬਚਾ ਲਿਆ ਗਿਆ ਹੈ ਅਤੇ ਭੇਜਿਆ ਜਾਵੇਗਾ।
   *[other] { $count } ਇਵੈਂਟ ਬਚਾ ਲਏ ਗਏ ਹਨ ਅਤੇ ਭੇਜੇ ਜਾਣਗੇ।
}
recovery-outbox-unreadable = { $count ->
    [one] { $count } ਇਵੈਂਟ ਪੜ੍ਹਿਆ ਨਹੀਂ ਜਾ ਸਕਿਆ।
   *[other] { $count } ਇਵੈਂਟ ਪੜ੍ਹੇ ਨਹੀਂ ਜਾ ਸਕੇ।
} ਤੁਸੀਂ ਹਾਲ ਹੀ ਵਿੱਚ ਜੋ ਦਰਜ ਕੀਤਾ, ਉਹ ਆਪਣੇ ਫਲੀਟ ਨੂੰ ਦੱਸੋ।
recovery-outbox-empty = ਇਵੈਂਟਾਂ ਦਾ ਰਿਕਾਰਡ ਖਾਲੀ ਮਿਲਿਆ: ਪਹਿਲਾਂ ਦਰਜ ਕੀਤੇ ਇਵੈਂਟ ਸ਼ਾਇਦ ਗੁੰਮ ਹੋ ਗਏ ਹਨ। ਆਪਣੇ ਫਲੀਟ ਨੂੰ ਦੱਸੋ।
startup-too-new-title = ਐਪ ਅੱਪਡੇਟ ਕਰੋ
startup-too-new-1 = ਤੁਹਾਡਾ ਡਾਟਾ Crossing ਦੇ ਨਵੇਂ ਵਰਜਨ ਨੇ ਸੇਵ ਕੀਤਾ ਸੀ। ਇਸ ਨੂੰ ਖੋਲ੍ਹਣ ਲਈ ਸਭ ਤੋਂ ਨਵਾਂ ਵਰਜਨ ਇੰਸਟਾਲ ਕਰੋ।
startup-too-new-2 = ਕੁਝ ਵੀ ਬਦਲਿਆ ਜਾਂ ਮਿਟਾਇਆ ਨਹੀਂ ਗਿਆ।
startup-storage-title = Crossing ਆਪਣਾ ਡਾਟਾ ਨਹੀਂ ਖੋਲ੍ਹ ਸਕਦੀ
startup-storage-1 = ਫ਼ੋਨ ਦੀ ਸਟੋਰੇਜ ਪੜ੍ਹੀ ਜਾਂ ਲਿਖੀ ਨਹੀਂ ਜਾ ਸਕੀ। ਕੁਝ ਥਾਂ ਖਾਲੀ ਕਰੋ, ਫਿਰ Crossing ਦੁਬਾਰਾ ਖੋਲ੍ਹੋ।
startup-storage-2 = ਕੁਝ ਵੀ ਮਿਟਾਇਆ ਨਹੀਂ ਗਿਆ।
startup-other-title = Crossing ਸ਼ੁਰੂ ਨਹੀਂ ਹੋ ਸਕਦੀ
startup-other-1 = ਇਸ ਇੰਸਟਾਲ ਵਿੱਚ ਕੁਝ ਗੜਬੜ ਹੈ। Crossing ਦੁਬਾਰਾ ਖੋਲ੍ਹੋ; ਜੇ ਇਹ ਇਵੇਂ ਹੀ ਰਹੇ, ਤਾਂ ਆਪਣੇ ਫਲੀਟ ਨੂੰ ਦੱਸੋ।

## Trip list

trips-title = ਟ੍ਰਿਪ
trips-empty = ਇਸ ਫ਼ੋਨ 'ਤੇ ਹਾਲੇ ਕੋਈ ਟ੍ਰਿਪ ਨਹੀਂ। ਤੁਹਾਡੇ ਫਲੀਟ ਵੱਲੋਂ ਦਿੱਤੇ ਟ੍ਰਿਪ ਸਿੰਕ ਤੋਂ ਬਾਅਦ ਦਿਸਣਗੇ।
# $regime is ACI or ACE; $number the trip number.
trip-row-title = { $regime } { $number }
trip-row-detail = { $port } ਵੱਲ · ETA { $eta }

## Trip screen

trip-title = { $regime } ਟ੍ਰਿਪ { $number } → { $port }
trip-eta = ETA { $eta }
trip-correct-event = ਇਵੈਂਟ ਠੀਕ ਕਰੋ
trip-print = { $sheet } ਪ੍ਰਿੰਟ ਕਰੋ
event-state-pending = Not yet sent · ਹਾਲੇ ਨਹੀਂ ਭੇਜਿਆ
event-state-sent = Sent · ਭੇਜਿਆ ਗਿਆ
event-state-refused = Refused by the fleet server · ਫਲੀਟ ਸਰਵਰ ਨੇ ਮੋੜ ਦਿੱਤਾ
notice-cancelled = ਤੁਹਾਡੇ ਫਲੀਟ ਨੇ ਇਹ ਟ੍ਰਿਪ ਰੱਦ ਕਰ ਦਿੱਤਾ। ਇਸ ਦਾ ਮੈਨੀਫੈਸਟ ਅਤੇ ਕੋਡ ਇਸ ਫ਼ੋਨ ਤੋਂ ਹਟਾ ਦਿੱਤੇ ਗਏ: ਬਾਰਡਰ 'ਤੇ ਇਹ ਨਾ ਦਿਖਾਓ।
notice-unassigned = ਇਹ ਟ੍ਰਿਪ ਹੁਣ ਤੁਹਾਨੂੰ ਦਿੱਤਾ ਹੋਇਆ ਨਹੀਂ ਹੈ। ਇਸ ਦਾ ਮੈਨੀਫੈਸਟ ਅਤੇ ਕੋਡ ਇਸ ਫ਼ੋਨ ਤੋਂ ਹਟਾ ਦਿੱਤੇ ਗਏ।
notice-finished = ਇਹ ਟ੍ਰਿਪ ਪੂਰਾ ਹੋ ਗਿਆ; ਇਸ ਦਾ ਨਿੱਜੀ ਡਾਟਾ ਇਸ ਫ਼ੋਨ ਤੋਂ ਹਟਾ ਦਿੱਤਾ ਗਿਆ।
notice-code-gone = ਉਹ ਕੋਡ ਇਸ ਟ੍ਰਿਪ ਵਿੱਚ ਨਹੀਂ ਹੈ (ਫਲੀਟ ਨੇ ਇਸ ਨੂੰ ਬਦਲ ਦਿੱਤਾ)। ਕੋਈ ਹੋਰ ਚੁਣੋ।
notice-code-cannot-draw = ਇਹ ਕੋਡ ਬਣਾਇਆ ਨਹੀਂ ਜਾ ਸਕਦਾ: { $reason }
notice-no-code = ਇਸ ਟ੍ਰਿਪ ਦੀ ਹਾਲਤ: { $state }; ਦਿਖਾਉਣ ਲਈ ਕੋਈ ਕੋਡ ਨਹੀਂ
paper-unprintable = ਕੁਝ ਅੱਖਰ ਆਮ ਫੌਂਟਾਂ ਵਿੱਚ ਪ੍ਰਿੰਟ ਨਹੀਂ ਹੋ ਸਕਦੇ ਅਤੇ "?" ਵਾਂਗ ਦਿਸਦੇ ਹਨ: { $chars }
# A sheet's file name and print title; $sheet is the sheet's name below.
paper-file-name = { $sheet } { $number } v{ $version }
paper-title = { $sheet } { $number }

## Sheets (their names on buttons; the sheets themselves are printed in the officer's language)

sheet-aci-lead = ACI ਲੀਡ ਸ਼ੀਟ
sheet-ace-cover = ACE ਕਵਰ ਸ਼ੀਟ
sheet-ace-placard = ACE QR ਵਿੰਡਸ਼ੀਲਡ ਪਲੇਕਾਰਡ

## Border codes

code-trip-qr = ਟ੍ਰਿਪ ਨੰਬਰ (QR)
code-crn-128 = CRN (Code 128)
code-pars = PARS { $number }
code-paps = PAPS { $number }
code-trip-39 = ਟ੍ਰਿਪ ਨੰਬਰ (Code 39)
code-ace-qr = ACE QR
code-ccn-128 = CCN (Code 128)
code-title-trip-qr = ਟ੍ਰਿਪ ਨੰਬਰ (QR)
code-title-crn = CBSA ਲੀਡ ਸ਼ੀਟ: CRN
code-title-ace-39 = ACE ਕਵਰ ਸ਼ੀਟ: ਟ੍ਰਿਪ ਨੰਬਰ
code-title-pars = PARS / CCN (cargo control number)
code-title-paps = PAPS / SCN (shipment control number)
code-title-ace-qr = CBP ACE ਮੈਨੀਫੈਸਟ QR
code-caveat-screen = CBSA ਜਾਂ CBP ਨੇ ਪੱਕਾ ਨਹੀਂ ਕੀਤਾ ਕਿ ਅਫ਼ਸਰ ਫ਼ੋਨ ਦੀ ਸਕਰੀਨ ਤੋਂ ਸਕੈਨ ਕਰਨਗੇ: ਪ੍ਰਿੰਟ ਕੀਤੀ ਸ਼ੀਟ ਵੀ ਨਾਲ ਰੱਖੋ
code-caveat-crn = CBSA ਨੇ ਲੀਡ ਸ਼ੀਟ ਦੇ ਬਾਰਕੋਡ ਦੀ ਕਿਸਮ ਨਹੀਂ ਦੱਸੀ; Code 128 ਇੰਡਸਟਰੀ ਦਾ ਆਮ ਤਰੀਕਾ ਹੈ
code-caveat-ace-qr = ACE QR ਦੇ ਖ਼ਾਨਿਆਂ ਦੀ ਤਰਤੀਬ CBP ਦੀ 2020 ਦੀ ਸਪੈਸੀਫਿਕੇਸ਼ਨ ਦੇ ਸਾਰ ਮੁਤਾਬਕ ਹੈ; ਵੱਖ ਕਰਨ ਵਾਲਾ ਚਿੰਨ੍ਹ, ਪੈਡਿੰਗ ਅਤੇ ਵਰਜਨ CBP ਦੇ ਦਸਤਾਵੇਜ਼ ਨਾਲ ਮਿਲਾ ਕੇ ਪੱਕੇ ਨਹੀਂ ਕੀਤੇ ਗਏ

## Amendment banner

banner-title = ਤੁਹਾਡੇ ਫਲੀਟ ਨੇ ਇਹ ਟ੍ਰਿਪ ਬਦਲਿਆ (ਵਰਜਨ { $from } → { $to })
banner-shipment-added = ਸ਼ਿਪਮੈਂਟ ਜੋੜੀ ਗਈ: { $number }
banner-shipment-removed = ਸ਼ਿਪਮੈਂਟ ਹਟਾਈ ਗਈ: { $number }
banner-shipment-changed = ਸ਼ਿਪਮੈਂਟ ਬਦਲੀ ਗਈ: { $number }
banner-sheets-void = ਪਹਿਲਾਂ ਪ੍ਰਿੰਟ ਕੀਤੀਆਂ ਇਹ ਸ਼ੀਟਾਂ ਹੁਣ ਵੈਧ ਨਹੀਂ: { $sheets }। ਇਨ੍ਹਾਂ ਨੂੰ ਦੁਬਾਰਾ ਪ੍ਰਿੰਟ ਕਰੋ।
banner-codes-changed = ਇੱਕ ਬਾਰਡਰ ਕੋਡ ਬਦਲ ਗਿਆ: ਇਸ ਟ੍ਰਿਪ ਲਈ ਪ੍ਰਿੰਟ ਕੀਤੇ ਕਾਗਜ਼ ਹੁਣ ਵੈਧ ਨਹੀਂ; ਇਨ੍ਹਾਂ ਨੂੰ ਦੁਬਾਰਾ ਪ੍ਰਿੰਟ ਕਰੋ।
banner-acknowledge = ਤਬਦੀਲੀਆਂ ਦੀ ਪੁਸ਼ਟੀ ਕਰੋ
# One changed field: $field is one of the amend-field-* labels.
amend-change = { $field }: { $old } → { $new }
amend-field-trip-number = ਟ੍ਰਿਪ ਨੰਬਰ
amend-field-port = ਪਹੁੰਚ ਦਾ ਪਹਿਲਾ ਪੋਰਟ
amend-field-eta = ETA
amend-field-unit = ਯੂਨਿਟ
amend-field-truck-plates = ਟਰੱਕ ਪਲੇਟਾਂ
amend-field-vin = VIN
amend-field-truck-seals = ਟਰੱਕ ਸੀਲਾਂ
amend-field-trailers = ਟ੍ਰੇਲਰ
amend-field-crew = ਕਰੂ
amend-customs-updated = ਕਸਟਮ ਸਥਿਤੀ ਅੱਪਡੇਟ ਹੋਈ

## Status headline

status-cancelled = ਫਲੀਟ ਨੇ ਟ੍ਰਿਪ ਰੱਦ ਕੀਤਾ
status-unassigned = ਟ੍ਰਿਪ ਹੁਣ ਤੁਹਾਨੂੰ ਦਿੱਤਾ ਹੋਇਆ ਨਹੀਂ
status-finished = ਟ੍ਰਿਪ ਪੂਰਾ ਹੋਇਆ
status-assigned = ਟ੍ਰਿਪ ਮਿਲਿਆ: ਮੈਨੀਫੈਸਟ ਦੀ ਪੁਸ਼ਟੀ ਕਰੋ
status-acknowledged = ਮੈਨੀਫੈਸਟ ਦੀ ਪੁਸ਼ਟੀ ਹੋ ਗਈ
status-departed = ਸ਼ੁਰੂਆਤੀ ਥਾਂ ਤੋਂ ਰਵਾਨਾ
status-at-border-port = ਬਾਰਡਰ 'ਤੇ ({ $port })
status-at-border = ਬਾਰਡਰ 'ਤੇ
status-secondary = ਸੈਕੰਡਰੀ ਜਾਂਚ ਵਿੱਚ
status-primary = ਪ੍ਰਾਇਮਰੀ ਜਾਂਚ ਵਿੱਚ
status-crossed = ਬਾਰਡਰ ਪਾਰ (ਡਰਾਈਵਰ ਦੀ ਰਿਪੋਰਟ)
status-delivering = ਡਿਲੀਵਰੀ ਜਾਰੀ: { $total ->
    [one] { $total } ਸ਼ਿਪਮੈਂਟ
   *[other] { $total } ਸ਼ਿਪਮੈਂਟਾਂ
} ਵਿੱਚੋਂ { $delivered } ਡਿਲੀਵਰ
status-at-consignee = ਕੰਸਾਈਨੀ ਕੋਲ
status-delivered = ਸਾਰੀਆਂ ਸ਼ਿਪਮੈਂਟਾਂ ਡਿਲੀਵਰ ਹੋ ਗਈਆਂ
# Joins the parts of a headline.
status-joined = { $first } · { $second }
status-not-yet-sent = ਹਾਲੇ ਨਹੀਂ ਭੇਜਿਆ
status-release-not-confirmed = ਕਸਟਮ ਰਿਲੀਜ਼ ਹਾਲੇ ਪੱਕੀ ਨਹੀਂ
# Customs' word: the English term in front.
customs-released-by = Released by customs · ਕਸਟਮ ਨੇ ਰਿਲੀਜ਼ ਕੀਤਾ
customs-held-by = Held by customs · ਕਸਟਮ ਨੇ ਰੋਕਿਆ
customs-rejected-by = Rejected by customs · ਕਸਟਮ ਨੇ ਨਾਮਨਜ਼ੂਰ ਕੀਤਾ
customs-marked = { $status } (ਕਸਟਮ)

## Status actions (border actions: the English term in front)

event-trip-acknowledged = Manifest acknowledged · ਮੈਨੀਫੈਸਟ ਦੀ ਪੁਸ਼ਟੀ ਕੀਤੀ
event-departed-origin = Departed origin · ਸ਼ੁਰੂਆਤੀ ਥਾਂ ਤੋਂ ਰਵਾਨਾ
event-arrived-at-border = Arrived at border · ਬਾਰਡਰ 'ਤੇ ਪਹੁੰਚੇ
event-in-inspection = In inspection · ਜਾਂਚ ਵਿੱਚ
event-released = Released (driver) · ਰਿਲੀਜ਼ (ਡਰਾਈਵਰ)
event-arrived-at-consignee = Arrived at consignee · ਕੰਸਾਈਨੀ ਕੋਲ ਪਹੁੰਚੇ
event-delivered = Delivered · ਡਿਲੀਵਰ ਕੀਤਾ
event-exception = Exception · ਸਮੱਸਿਆ
event-correction = Correction · ਸੋਧ

## Forms

form-record = ਦਰਜ ਕਰੋ: { $action }
form-saved = { $action }: ਸੇਵ ਹੋ ਗਿਆ · ਫ਼ੋਨ ਆਨਲਾਈਨ ਹੋਣ 'ਤੇ ਭੇਜਿਆ ਜਾਵੇਗਾ
form-trip-gone = ਇਹ ਟ੍ਰਿਪ ਹੁਣ ਇਸ ਫ਼ੋਨ 'ਤੇ ਨਹੀਂ ਹੈ
form-note = ਨੋਟ
form-note-optional = ਨੋਟ (ਜੇ ਚਾਹੋ)
form-port = ਪੋਰਟ
form-port-of-entry = { $port } · ਇਸ ਟ੍ਰਿਪ ਦਾ ਦਾਖ਼ਲਾ ਪੋਰਟ
form-port-other = ਹੋਰ ਪੋਰਟ: 4 ਅੰਕ, ਜਿਵੇਂ 0453
form-note-hint-fleet = ਜੋ ਕੁਝ ਤੁਹਾਡੇ ਫਲੀਟ ਨੂੰ ਪਤਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
form-inspection = ਜਾਂਚ
form-inspection-primary = ਪ੍ਰਾਇਮਰੀ (ਬੂਥ 'ਤੇ)
form-inspection-secondary = ਸੈਕੰਡਰੀ (ਜਾਂਚ ਲਈ ਭੇਜਿਆ)
# The inspection level in the event history ("In inspection · ਜਾਂਚ ਵਿੱਚ · ਸੈਕੰਡਰੀ").
inspection-primary = ਪ੍ਰਾਇਮਰੀ
inspection-secondary = ਸੈਕੰਡਰੀ
form-shipment-delivered = ਡਿਲੀਵਰ ਕੀਤੀ ਸ਼ਿਪਮੈਂਟ
form-note-hint-delivered = ਕਿਸ ਨੇ ਲਈ, ਕੁਝ ਘੱਟ ਤਾਂ ਨਹੀਂ
form-shipment-optional = ਸ਼ਿਪਮੈਂਟ (ਜੇ ਚਾਹੋ)
form-note-hint-exception = ਦੱਸੋ ਕੀ ਹੋਇਆ
form-event-to-correct = ਠੀਕ ਕਰਨ ਵਾਲਾ ਇਵੈਂਟ
form-note-hint-correction = ਕੀ ਗ਼ਲਤ ਸੀ
form-explain-arrived = ਤੁਹਾਡੇ ਫਲੀਟ ਨੂੰ ਦੱਸਦਾ ਹੈ ਕਿ ਤੁਸੀਂ ਬਾਰਡਰ 'ਤੇ ਹੋ।
form-explain-inspection = ਤੁਹਾਡੇ ਫਲੀਟ ਨੂੰ ਦੱਸਦਾ ਹੈ ਕਿ ਕਸਟਮ ਟਰੱਕ ਦੀ ਜਾਂਚ ਕਰ ਰਿਹਾ ਹੈ।
form-explain-delivered = ਇੱਕ ਸ਼ਿਪਮੈਂਟ ਨੂੰ ਡਿਲੀਵਰ ਵਜੋਂ ਦਰਜ ਕਰਦਾ ਹੈ।
form-explain-exception = ਤੁਹਾਡੇ ਫਲੀਟ ਨੂੰ ਦੱਸਦਾ ਹੈ ਕਿ ਕੁਝ ਗ਼ਲਤ ਹੋ ਗਿਆ।
form-explain-correction = ਗ਼ਲਤੀ ਨਾਲ ਦਰਜ ਕੀਤੇ ਇਵੈਂਟ ਦੀ ਥਾਂ ਲੈਂਦਾ ਹੈ।
# A refusal: $field is one of the input-* names, $rule one of the rule-* sentences. Punjabi puts
# the verb last, so a colon joins the two halves.
form-refused = { $field }: { $rule }
input-note = ਨੋਟ
input-shipment = ਸ਼ਿਪਮੈਂਟ
input-port = ਪੋਰਟ
input-inspection = ਜਾਂਚ
input-corrects = ਠੀਕ ਕਰਨ ਵਾਲਾ ਇਵੈਂਟ
input-occurred-at = ਸਮਾਂ
input-kind = ਕਾਰਵਾਈ
form-unknown-input = "{ $input }" ਇਸ ਫਾਰਮ ਦਾ ਖ਼ਾਨਾ ਨਹੀਂ ਹੈ
form-inspection-level = ਜਾਂਚ ਪ੍ਰਾਇਮਰੀ ਜਾਂ ਸੈਕੰਡਰੀ ਹੋਣੀ ਚਾਹੀਦੀ ਹੈ

## Event rules (the refusal's second half, after the input's name)

rule-not-used = { $kind } ਇਵੈਂਟਾਂ ਨਾਲ ਨਹੀਂ ਵਰਤਿਆ ਜਾਂਦਾ
rule-port-digits = "{ $port }" ਅੱਗੇ ਜ਼ੀਰੋ ਸਮੇਤ 4 ਅੰਕਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ (ਜਿਵੇਂ 0453)
rule-shipment-length = 1–{ $max } ਅੱਖਰਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
rule-shipment-required = ਡਿਲੀਵਰੀ ਇਵੈਂਟਾਂ ਲਈ ਜ਼ਰੂਰੀ ਹੈ
rule-inspection-required = in_inspection ਇਵੈਂਟਾਂ ਲਈ ਜ਼ਰੂਰੀ ਹੈ (ਪ੍ਰਾਇਮਰੀ ਜਾਂ ਸੈਕੰਡਰੀ)
rule-corrects-required = ਸੋਧ ਇਵੈਂਟਾਂ ਲਈ ਜ਼ਰੂਰੀ ਹੈ (ਜਿਸ ਇਵੈਂਟ ਨੂੰ ਠੀਕ ਕਰਨਾ ਹੈ, ਉਸ ਦੀ id)
rule-note-length = ਵੱਧ ਤੋਂ ਵੱਧ { $max } ਅੱਖਰਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
rule-note-required = { $kind } ਇਵੈਂਟਾਂ ਲਈ ਜ਼ਰੂਰੀ ਹੈ: ਦੱਸੋ ਕੀ ਹੋਇਆ
rule-shipments-gone = ਇਹ ਟ੍ਰਿਪ ਰੱਦ ਜਾਂ ਸਾਫ਼ ਕਰ ਦਿੱਤਾ ਗਿਆ; ਇਸ ਦੀਆਂ ਸ਼ਿਪਮੈਂਟਾਂ ਹੁਣ ਇਸ ਡਿਵਾਈਸ 'ਤੇ ਨਹੀਂ ਹਨ
rule-shipment-not-on-trip = "{ $shipment }" ਟ੍ਰਿਪ "{ $trip }" ਵਿੱਚ ਨਹੀਂ ਹੈ
rule-not-future = ਭਵਿੱਖ ਦਾ ਨਹੀਂ ਹੋਣਾ ਚਾਹੀਦਾ
rule-within-days = ਪਿਛਲੇ { $days } ਦਿਨਾਂ ਦੇ ਅੰਦਰ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ
rule-control-characters = ਇਸ ਵਿੱਚ ਕੰਟਰੋਲ ਅੱਖਰ ਨਹੀਂ ਹੋਣੇ ਚਾਹੀਦੇ
rule-bidi = ਇਸ ਵਿੱਚ ਦੋ-ਦਿਸ਼ਾਈ ਓਵਰਰਾਈਡ ਅੱਖਰ (U+202A–U+202E, U+2066–U+2069) ਨਹੀਂ ਹੋਣੇ ਚਾਹੀਦੇ

## Manifest sections and labels

section-trip = ਟ੍ਰਿਪ
section-customs = ਕਸਟਮ
section-conveyance = ਵਾਹਨ
section-trailer = ਟ੍ਰੇਲਰ { $index } ({ $of } ਵਿੱਚੋਂ)
section-shipment = ਸ਼ਿਪਮੈਂਟ { $index } ({ $of } ਵਿੱਚੋਂ) · { $number }
section-driver = ਡਰਾਈਵਰ
section-passenger = ਸਵਾਰੀ
label-crn = CRN
label-trip-number = ਟ੍ਰਿਪ ਨੰਬਰ
label-regime = ਸਿਸਟਮ
label-port = ਪਹੁੰਚ ਦਾ ਪਹਿਲਾ ਪੋਰਟ
label-eta = ETA
label-version = ਵਰਜਨ
label-carrier = ਕੈਰੀਅਰ
label-customs-reported = ਕਸਟਮ (ਰਿਪੋਰਟ ਅਨੁਸਾਰ)
label-what-to-do = ਕੀ ਕਰਨਾ ਹੈ
label-trip = ਟ੍ਰਿਪ
label-unit = ਯੂਨਿਟ
label-type = ਕਿਸਮ
label-plates = ਪਲੇਟਾਂ
label-vin = VIN
label-seals = ਸੀਲਾਂ
label-number = ਨੰਬਰ
label-ccn = CCN
label-scn = SCN
label-shipper = ਸ਼ਿਪਰ
label-consignee = ਕੰਸਾਈਨੀ
label-release-office = ਰਿਲੀਜ਼ ਦਫ਼ਤਰ
label-goods = ਮਾਲ
label-name = ਨਾਂ
label-citizenship = ਨਾਗਰਿਕਤਾ
label-date-of-birth = ਜਨਮ ਮਿਤੀ
label-fast = FAST ਕਾਰਡ
label-document = ਦਸਤਾਵੇਜ਼
value-none = ਕੋਈ ਨਹੀਂ
value-hazmat = ਖ਼ਤਰਨਾਕ ਮਾਲ { $un }
# The ETA of a value in the manifest's rows, e.g. "CBSA 2026-09-12 10:10".
value-customs-time = { $agency } { $time }

## Customs' answers relayed by the fleet (customs' word: the English term in front)

customs-signal-transmitted = Sent to customs · ਕਸਟਮ ਨੂੰ ਭੇਜਿਆ
customs-signal-provider-error = Not sent: the provider refused it · ਨਹੀਂ ਭੇਜਿਆ: ਪ੍ਰੋਵਾਈਡਰ ਨੇ ਮੋੜ ਦਿੱਤਾ
customs-signal-accepted = On file with customs · ਕਸਟਮ ਕੋਲ ਦਰਜ
customs-signal-rejected = Rejected by customs · ਕਸਟਮ ਨੇ ਨਾਮਨਜ਼ੂਰ ਕੀਤਾ
customs-signal-matched = Matched by the broker · ਬ੍ਰੋਕਰ ਨੇ ਮੇਲ ਕੀਤਾ
customs-signal-not-matched = Not matched · ਮੇਲ ਨਹੀਂ ਹੋਇਆ
customs-signal-arrival-reported = Arrival reported · ਪਹੁੰਚ ਦੀ ਰਿਪੋਰਟ ਹੋਈ
customs-signal-review-time = Sent late: customs review time short · ਦੇਰ ਨਾਲ ਭੇਜਿਆ: ਕਸਟਮ ਕੋਲ ਜਾਂਚ ਦਾ ਸਮਾਂ ਘੱਟ
customs-signal-other = Reported · ਰਿਪੋਰਟ ਕੀਤਾ
customs-answer = { $status }: { $text }
customs-raw-code-text = { $agency } ਕੋਡ { $code }: { $text } (ਮਤਲਬ ਪੱਕਾ ਨਹੀਂ)
customs-raw-code = { $agency } ਕੋਡ { $code } (ਮਤਲਬ ਪੱਕਾ ਨਹੀਂ)
customs-status-draft = Draft (not sent to customs) · ਡਰਾਫਟ (ਕਸਟਮ ਨੂੰ ਨਹੀਂ ਭੇਜਿਆ)
customs-status-transmitted = Sent to customs, awaiting answer · ਕਸਟਮ ਨੂੰ ਭੇਜਿਆ, ਜਵਾਬ ਦੀ ਉਡੀਕ
customs-status-rejected = Rejected by customs: carrier must correct · ਕਸਟਮ ਨੇ ਨਾਮਨਜ਼ੂਰ ਕੀਤਾ: ਕੈਰੀਅਰ ਠੀਕ ਕਰੇ
customs-status-on-file = On file with customs · ਕਸਟਮ ਕੋਲ ਦਰਜ
customs-status-matched = On file, cargo matched · ਦਰਜ, ਕਾਰਗੋ ਦਾ ਮੇਲ ਹੋਇਆ
customs-status-entry-on-file = Entry on file: ready for the border · ਐਂਟਰੀ ਦਰਜ: ਬਾਰਡਰ ਲਈ ਤਿਆਰ
customs-status-arrival-reported = Arrival reported by customs · ਕਸਟਮ ਨੇ ਪਹੁੰਚ ਦਰਜ ਕੀਤੀ
customs-status-released = Released by customs · ਕਸਟਮ ਨੇ ਰਿਲੀਜ਼ ਕੀਤਾ
customs-status-held = Held by customs · ਕਸਟਮ ਨੇ ਰੋਕਿਆ
customs-status-cancelled = Cancelled with customs · ਕਸਟਮ ਕੋਲ ਰੱਦ ਕੀਤਾ
advice-trip-rejected = { $agency } ਨੇ ਮੈਨੀਫੈਸਟ ਨਾਮਨਜ਼ੂਰ ਕੀਤਾ{ $reason }: { $port } ਪਹੁੰਚਣ ਤੋਂ ਪਹਿਲਾਂ ਡਿਸਪੈਚ ਨੂੰ ਫ਼ੋਨ ਕਰੋ। ਇਸ ਨੂੰ ਠੀਕ ਕਰਕੇ ਦੁਬਾਰਾ ਭੇਜਣਾ ਪਵੇਗਾ।
advice-trip-not-sent = ਮੈਨੀਫੈਸਟ { $agency } ਤੱਕ ਨਹੀਂ ਪਹੁੰਚਿਆ{ $reason }: { $port } ਪਹੁੰਚਣ ਤੋਂ ਪਹਿਲਾਂ ਡਿਸਪੈਚ ਨੂੰ ਫ਼ੋਨ ਕਰੋ।
advice-trip-late = { $agency } ਕੋਲ ਇਸ ਮੈਨੀਫੈਸਟ ਦੀ ਜਾਂਚ ਲਈ ਪੂਰਾ ਸਮਾਂ ਨਹੀਂ ਸੀ: { $port } ਪਹੁੰਚਣ ਤੋਂ ਪਹਿਲਾਂ ਡਿਸਪੈਚ ਨੂੰ ਫ਼ੋਨ ਕਰੋ।
advice-shipment-not-matched = { $kind } { $number } ਦਾ ਮੇਲ ਨਹੀਂ ਹੋਇਆ: { $port } ਪਹੁੰਚਣ ਤੋਂ ਪਹਿਲਾਂ ਆਪਣੇ ਬ੍ਰੋਕਰ ਨੂੰ ਫ਼ੋਨ ਕਰੋ।
advice-shipment-rejected = ਸ਼ਿਪਮੈਂਟ { $number } ਨੂੰ { $agency } ਨੇ ਨਾਮਨਜ਼ੂਰ ਕੀਤਾ: { $port } ਪਹੁੰਚਣ ਤੋਂ ਪਹਿਲਾਂ ਡਿਸਪੈਚ ਨੂੰ ਫ਼ੋਨ ਕਰੋ।
advice-shipment-late = { $agency } ਕੋਲ { $number } ਦੀ ਜਾਂਚ ਲਈ ਪੂਰਾ ਸਮਾਂ ਨਹੀਂ ਸੀ: { $port } ਪਹੁੰਚਣ ਤੋਂ ਪਹਿਲਾਂ ਡਿਸਪੈਚ ਨੂੰ ਫ਼ੋਨ ਕਰੋ।
advice-shipment-not-sent = ਸ਼ਿਪਮੈਂਟ { $number } { $agency } ਤੱਕ ਨਹੀਂ ਪਹੁੰਚੀ: { $port } ਪਹੁੰਚਣ ਤੋਂ ਪਹਿਲਾਂ ਡਿਸਪੈਚ ਨੂੰ ਫ਼ੋਨ ਕਰੋ।
advice-reason = { " " }({ $reason })

## Validation warnings shown with a trip (the field's path stays as the fleet wrote it)

warning-line = { $path }: { $rule }
warning-line-value = { $path } "{ $value }": { $rule }
rule-trip-number-clash = ਟ੍ਰਿਪ "{ $other }" ਦਾ ਵੀ ਇਹੀ ਟ੍ਰਿਪ ਨੰਬਰ ਹੈ; ਹਰ ਟ੍ਰਿਪ ਨੰਬਰ ਵੱਖਰਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ

## The shells' own words

shell-retry = ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ
shell-back = ਟ੍ਰਿਪਾਂ 'ਤੇ ਵਾਪਸ
shell-close = ਬੰਦ ਕਰੋ
shell-sync-now = ਹੁਣੇ ਸਿੰਕ ਕਰੋ
shell-opening = ਖੁੱਲ੍ਹ ਰਿਹਾ ਹੈ…
shell-token-store-locked = ਇਸ ਫ਼ੋਨ ਦੀ ਸੁਰੱਖਿਅਤ ਸਟੋਰੇਜ ਲੌਕ ਹੈ। ਫ਼ੋਨ ਅਨਲੌਕ ਕਰੋ ਅਤੇ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।
shell-current-trip = ਮੌਜੂਦਾ ਟ੍ਰਿਪ
shell-show-codes = ਬਾਰਡਰ 'ਤੇ ਦਿਖਾਓ
shell-share = ਸ਼ੇਅਰ ਕਰੋ
shell-tone-neutral = ਜਾਣਕਾਰੀ
shell-tone-good = ਹੋ ਗਿਆ
shell-tone-attention = ਧਿਆਨ ਦਿਓ
shell-tone-problem = ਹੁਣੇ ਕਾਰਵਾਈ ਕਰੋ

## The desktop shell (crossing trip show)

cli-status = ਸਥਿਤੀ: { $status }
cli-amended = ਮੈਨੀਫੈਸਟ ਬਦਲਿਆ (v{ $from } → v{ $to }): ਇਹ ਸੂਚਨਾ ਹਟਾਉਣ ਲਈ ਪੁਸ਼ਟੀ ਕਰੋ
cli-changed = ਬਦਲਿਆ: { $change }
cli-shipment-added = ਸ਼ਿਪਮੈਂਟ ਜੋੜੀ ਗਈ: { $number }
cli-shipment-removed = ਸ਼ਿਪਮੈਂਟ ਹਟਾਈ ਗਈ: { $number }
cli-shipment-changed = ਸ਼ਿਪਮੈਂਟ ਬਦਲੀ ਗਈ: { $number }
cli-codes-changed = ਬਾਰਡਰ ਕੋਡ ਬਦਲੇ: ਪਹਿਲਾਂ ਪ੍ਰਿੰਟ ਕੀਤੀਆਂ ਸ਼ੀਟਾਂ ਹੁਣ ਵੈਧ ਨਹੀਂ
cli-acknowledge = ਕਾਰਵਾਈ: ਇਸ ਮੈਨੀਫੈਸਟ ਵਰਜਨ ਦੀ ਪੁਸ਼ਟੀ ਕਰੋ
cli-warnings = ਚੇਤਾਵਨੀਆਂ

## Why a screen could not be drawn (the core's errors, as the shells show them)

problem-sign-in = ਦੁਬਾਰਾ ਸਾਈਨ ਇਨ ਕਰੋ: ਤੁਹਾਡੇ ਇਵੈਂਟ ਸੰਭਾਲੇ ਹੋਏ ਹਨ।
problem-update = ਐਪ ਅੱਪਡੇਟ ਕਰੋ: ਤੁਹਾਡੇ ਇਵੈਂਟ ਸੰਭਾਲੇ ਹੋਏ ਹਨ।
problem-offline = ਫਲੀਟ ਸਰਵਰ ਨਾਲ ਕਨੈਕਸ਼ਨ ਨਹੀਂ। Crossing ਆਪਣੇ ਆਪ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੇਗੀ।
problem-refused = ਇਹ ਮੋੜ ਦਿੱਤਾ ਗਿਆ।
problem-gone = ਇਹ ਟ੍ਰਿਪ ਹੁਣ ਇਸ ਫ਼ੋਨ 'ਤੇ ਨਹੀਂ ਹੈ।
problem-storage = ਇਸ ਫ਼ੋਨ ਦੀ ਸਟੋਰੇਜ ਫੇਲ੍ਹ ਹੋ ਗਈ।
problem-internal = Crossing ਵਿੱਚ ਕੁਝ ਗੜਬੜ ਹੋ ਗਈ। ਜੇ ਇਹ ਫਿਰ ਹੋਵੇ ਤਾਂ ਆਪਣੇ ਫਲੀਟ ਨੂੰ ਦੱਸੋ।
# $sentence is one of the above; $detail the technical reason, in English, for support.
problem-detail = { $sentence } ({ $detail })

## A refused trip, as the fleet server answers a push (in the manager's language)

refused-trip = ਟ੍ਰਿਪ ਨਾਮਨਜ਼ੂਰ: { $count ->
    [one] { $count } ਗਲਤੀ
   *[other] { $count } ਗਲਤੀਆਂ
}: { $issues }
refused-more = { $issues }; ਅਤੇ { $rest } ਹੋਰ
