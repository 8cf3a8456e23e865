# Crossing — English, the source language and the fallback.
# Every other catalogue has exactly these ids with the same arguments (text/src/tests.rs).
# Never translated anywhere: CRN, CCN, PARS, PAPS, SCN, SCAC, VIN, FAST, HS, UN numbers, port
# codes, trip numbers, control numbers (they arrive as arguments or stay as written).
# Messages whose id starts with "event-" (border actions) or "customs-" (customs' word) keep the
# English term in front in every other language: "Released · ਰਿਲੀਜ਼" (see docs/glossary.md).

## Numbers of things

count-events = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
count-trips = { $count ->
    [one] { $count } trip
   *[other] { $count } trips
}
count-events-recovered = { $count ->
    [one] { $count } event was
   *[other] { $count } events were
}

## Times and dates (patterns owned by the translator; ADR 0033)

time-clock = { NUMBER($hour, minimumIntegerDigits: 2) }:{ NUMBER($minute, minimumIntegerDigits: 2) }
# $weekday and $month are the short names below; $day the day of the month.
time-day = { $weekday } { $day } { $month } { $time }
time-zoned = { $time } { $zone }
time-just-now = just now
time-minutes-ago = { $minutes } min ago
time-hours-ago = { $hours } h ago
weekday-short = { $day ->
    [1] Mon
    [2] Tue
    [3] Wed
    [4] Thu
    [5] Fri
    [6] Sat
   *[7] Sun
}
month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
# A time that could not be read, shown as written with its zone.
time-unreadable = { $time } ({ $zone })

## Sync badge and sync outcomes

sync-off = Sync is off
sync-not-yet = Not synced yet
sync-up-to-date = Up to date
sync-syncing = Syncing…
sync-offline-retrying = Offline · retrying at { $time }
sync-paused-retrying = Sync paused · retrying at { $time }
sync-sign-in-again = Sign in again
sync-update-app = Update the app
sync-last = Last sync { $ago }
sync-none-yet = No sync yet
sync-waiting = { $count ->
    [one] { $count } event waiting to be sent
   *[other] { $count } events waiting to be sent
}
sync-refused = { $count ->
    [one] { $count } event refused by the fleet server
   *[other] { $count } events refused by the fleet server
}
sync-outcome-off = Sync is off: no fleet server is configured
sync-outcome-done = Synced: { $sent } sent, { $updated } updated, { $removed } removed
sync-outcome-offline = No connection: your events are saved and will be sent
sync-outcome-server = The fleet server is not answering well: will retry
sync-outcome-sign-in = Sign in again: your events are kept
sync-outcome-update = Update the app: your events are kept
sync-outcome-storage = This phone's storage failed: sync stopped
sync-outcome-local = Sync failed on this phone: will retry

## Start and sign-in

start-sign-in-title = Sign in
start-sign-in-message = Enter the driver token your fleet gave you. It is kept in this phone's secure storage.
start-first-sync-title = Getting your trips
start-first-sync-message = Your trips appear here after the first sync. You can record events offline.
start-ready-title = Trips
start-token-label = Driver token
start-token-hint = From your fleet manager
start-sign-in-button = Sign in
token-empty = Enter the token your fleet gave you
token-too-long = This is too long for a driver token: check what was pasted
token-bad-characters = A driver token has no spaces or special characters: check what was pasted

## Recovery and start-up notices

recovery-title = Your data was repaired
recovery-ok = OK
recovery-cache-rebuilt = The trip list was damaged and was cleared. Your trips come back with the next sync.
recovery-outbox-salvaged = The store of your recorded events was damaged. { $count ->
    [one] { $count } event was
   *[other] { $count } events were
} recovered and will be sent.
recovery-outbox-unreadable = { $count ->
    [one] { $count } event
   *[other] { $count } events
} could not be read. Tell your fleet what you recorded recently.
recovery-outbox-empty = The event store was found empty: events recorded before may be lost. Tell your fleet.
startup-too-new-title = Update the app
startup-too-new-1 = Your data was saved by a newer version of Crossing. Install the newest version to open it.
startup-too-new-2 = Nothing was changed or deleted.
startup-storage-title = Crossing cannot open its data
startup-storage-1 = The phone's storage could not be read or written. Free some space, then open Crossing again.
startup-storage-2 = Nothing was deleted.
startup-other-title = Crossing cannot start
startup-other-1 = Something is wrong with this install. Open Crossing again; if this stays, tell your fleet.

## Trip list

trips-title = Trips
trips-empty = No trips on this phone yet. Trips your fleet assigns appear after a sync.
# $regime is ACI or ACE; $number the trip number.
trip-row-title = { $regime } { $number }
trip-row-detail = To { $port } · ETA { $eta }

## Trip screen

trip-title = { $regime } trip { $number } → { $port }
trip-eta = ETA { $eta }
trip-correct-event = Correct an event
trip-print = Print the { $sheet }
event-state-pending = Not yet sent
event-state-sent = Sent
event-state-refused = Refused by the fleet server
notice-cancelled = Your fleet cancelled this trip. Its manifest and codes were removed from this phone: do not present it at the border.
notice-unassigned = This trip is no longer assigned to you. Its manifest and codes were removed from this phone.
notice-finished = This trip is finished; its personal data was removed from this phone.
notice-code-gone = That code is not on this trip (the fleet changed it). Choose another.
notice-code-cannot-draw = This code cannot be drawn: { $reason }
notice-no-code = This trip is { $state }; it has no code to show
paper-unprintable = Some letters cannot be printed in the standard fonts and show as "?": { $chars }
# A sheet's file name (".pdf" is added) and print title; $sheet is the sheet's name below.
paper-file-name = { $sheet } { $number } v{ $version }
paper-title = { $sheet } { $number }

## Sheets (their names on buttons; the sheets themselves are printed in the officer's language)

sheet-aci-lead = ACI lead sheet
sheet-ace-cover = ACE cover sheet
sheet-ace-placard = ACE QR windshield placard

## Border codes

code-trip-qr = Trip number (QR)
code-crn-128 = CRN (Code 128)
code-pars = PARS { $number }
code-paps = PAPS { $number }
code-trip-39 = Trip number (Code 39)
code-ace-qr = ACE QR
code-ccn-128 = CCN (Code 128)
code-title-trip-qr = Trip number (QR)
code-title-crn = CBSA lead sheet: CRN
code-title-ace-39 = ACE cover sheet: trip number
code-title-pars = PARS / cargo control number
code-title-paps = PAPS / shipment control number
code-title-ace-qr = CBP ACE manifest QR
code-caveat-screen = Officers scanning a phone screen is not confirmed by CBSA or CBP: carry the printed sheet too
code-caveat-crn = CBSA has not published the lead-sheet symbology; Code 128 is industry practice
code-caveat-ace-qr = ACE QR field layout follows CBP's 2020 specification as summarised; the delimiter, padding and version string are not confirmed against the CBP document

## Amendment banner

banner-title = Your fleet changed this trip (version { $from } → { $to })
banner-shipment-added = Shipment added: { $number }
banner-shipment-removed = Shipment removed: { $number }
banner-shipment-changed = Shipment changed: { $number }
banner-sheets-void = Void if printed before: { $sheets }. Print them again.
banner-codes-changed = A border code changed: papers printed for this trip are void; print them again.
banner-acknowledge = Acknowledge the changes
# One changed field: $field is one of the amend-field-* labels.
amend-change = { $field }: { $old } → { $new }
amend-field-trip-number = Trip number
amend-field-port = First port of arrival
amend-field-eta = ETA
amend-field-unit = Unit
amend-field-truck-plates = Truck plates
amend-field-vin = VIN
amend-field-truck-seals = Truck seals
amend-field-trailers = Trailers
amend-field-crew = Crew
amend-customs-updated = Customs status updated

## Status headline

status-cancelled = Trip cancelled by the fleet
status-unassigned = Trip no longer assigned to you
status-finished = Trip finished
status-assigned = Assigned: acknowledge the manifest
status-acknowledged = Manifest acknowledged
status-departed = Departed origin
status-at-border-port = At the border ({ $port })
status-at-border = At the border
status-secondary = In secondary inspection
status-primary = In primary inspection
status-crossed = Crossed (driver reported)
status-delivering = Delivering: { $delivered } of { $total ->
    [one] { $total } shipment
   *[other] { $total } shipments
} delivered
status-at-consignee = At the consignee
status-delivered = All shipments delivered
# Joins the parts of a headline.
status-joined = { $first } · { $second }
status-not-yet-sent = not yet sent
status-release-not-confirmed = customs release not confirmed
# Customs' word (keep the English term in front in other languages).
customs-released-by = Released by customs
customs-held-by = Held by customs
customs-rejected-by = Rejected by customs
customs-marked = { $status } (customs)

## Status actions (border actions: keep the English term in front in other languages)

event-trip-acknowledged = Manifest acknowledged
event-departed-origin = Departed origin
event-arrived-at-border = Arrived at border
event-in-inspection = In inspection
event-released = Released (driver)
event-arrived-at-consignee = Arrived at consignee
event-delivered = Delivered
event-exception = Exception
event-correction = Correction

## Forms

form-record = Record: { $action }
form-saved = { $action } saved · it will be sent when the phone is online
form-trip-gone = This trip is no longer on this phone
form-note = Note
form-note-optional = Note (optional)
form-port = Port
form-port-of-entry = { $port } · this trip's port of entry
form-port-other = Another port: 4 digits, e.g. 0453
form-note-hint-fleet = Anything your fleet should know
form-inspection = Inspection
form-inspection-primary = Primary (at the booth)
form-inspection-secondary = Secondary (sent to inspection)
# The inspection level in the event history ("In inspection · secondary").
inspection-primary = primary
inspection-secondary = secondary
form-shipment-delivered = Shipment delivered
form-note-hint-delivered = Who received it, anything missing
form-shipment-optional = Shipment (optional)
form-note-hint-exception = Say what happened
form-event-to-correct = Event to correct
form-note-hint-correction = What was wrong
form-explain-arrived = Tells your fleet you are at the border.
form-explain-inspection = Tells your fleet customs is inspecting the truck.
form-explain-delivered = Marks one shipment delivered.
form-explain-exception = Tells your fleet something went wrong.
form-explain-correction = Replaces an event you recorded by mistake.
# A refusal: $field is one of the input-* names, $rule one of the rule-* sentences.
form-refused = { $field } { $rule }
input-note = Note
input-shipment = Shipment
input-port = Port
input-inspection = Inspection
input-corrects = The event to correct
input-occurred-at = The time
input-kind = The action
form-unknown-input = "{ $input }" is not an input of this form
form-inspection-level = Inspection must be primary or secondary

## Event rules (the refusal's second half, after the input's name)

rule-not-used = is not used with { $kind } events
rule-port-digits = "{ $port }" must be 4 digits with leading zeros (e.g. 0453)
rule-shipment-length = must be 1–{ $max } characters
rule-shipment-required = is required for delivered events
rule-inspection-required = is required for in_inspection events (primary or secondary)
rule-corrects-required = is required for correction events (the id of the event it corrects)
rule-note-length = must be at most { $max } characters
rule-note-required = is required for { $kind } events: say what happened
rule-shipments-gone = this trip was cancelled or cleared; its shipments are no longer on this device
rule-shipment-not-on-trip = "{ $shipment }" is not on trip "{ $trip }"
rule-not-future = must not be in the future
rule-within-days = must be within the last { $days } days
rule-control-characters = must not contain control characters
rule-bidi = must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069)

## Manifest sections and labels

section-trip = Trip
section-customs = Customs
section-conveyance = Conveyance
section-trailer = Trailer { $index } of { $of }
section-shipment = Shipment { $index } of { $of } · { $number }
section-driver = Driver
section-passenger = Passenger
label-crn = CRN
label-trip-number = Trip number
label-regime = Regime
label-port = First port of arrival
label-eta = ETA
label-version = Version
label-carrier = Carrier
label-customs-reported = Customs (reported)
label-what-to-do = What to do
label-trip = Trip
label-unit = Unit
label-type = Type
label-plates = Plates
label-vin = VIN
label-seals = Seals
label-number = Number
label-ccn = CCN
label-scn = SCN
label-shipper = Shipper
label-consignee = Consignee
label-release-office = Release office
label-goods = Goods
label-name = Name
label-citizenship = Citizenship
label-date-of-birth = Date of birth
label-fast = FAST card
label-document = Document
value-none = none
value-hazmat = hazmat { $un }
# The ETA of a value in the manifest's rows, e.g. "CBSA 2026-09-12 10:10".
value-customs-time = { $agency } { $time }

## Customs' answers relayed by the fleet (customs' word: keep the English term in front)

customs-signal-transmitted = Sent to customs
customs-signal-provider-error = Not sent: the provider refused it
customs-signal-accepted = On file with customs
customs-signal-rejected = Rejected by customs
customs-signal-matched = Matched by the broker
customs-signal-not-matched = Not matched
customs-signal-arrival-reported = Arrival reported
customs-signal-review-time = Sent late: customs review time short
customs-signal-other = Reported
customs-answer = { $status }: { $text }
customs-raw-code-text = { $agency } code { $code }: { $text } (meaning not confirmed)
customs-raw-code = { $agency } code { $code } (meaning not confirmed)
customs-status-draft = Draft (not sent to customs)
customs-status-transmitted = Sent to customs, awaiting answer
customs-status-rejected = Rejected by customs: carrier must correct
customs-status-on-file = On file with customs
customs-status-matched = On file, cargo matched
customs-status-entry-on-file = Entry on file: ready for the border
customs-status-arrival-reported = Arrival reported by customs
customs-status-released = Released by customs
customs-status-held = Held by customs
customs-status-cancelled = Cancelled with customs
advice-trip-rejected = { $agency } rejected the manifest{ $reason }: call dispatch before you reach { $port }; it must be corrected and sent again.
advice-trip-not-sent = The manifest did not reach { $agency }{ $reason }: call dispatch before you reach { $port }.
advice-trip-late = { $agency } had less than its review time for this manifest: call dispatch before you reach { $port }.
advice-shipment-not-matched = { $kind } { $number } is not matched: call your broker before you reach { $port }.
advice-shipment-rejected = Shipment { $number } was rejected by { $agency }: call dispatch before you reach { $port }.
advice-shipment-late = { $agency } had less than its review time for { $number }: call dispatch before you reach { $port }.
advice-shipment-not-sent = Shipment { $number } did not reach { $agency }: call dispatch before you reach { $port }.
advice-reason = { " " }({ $reason })

## Validation warnings shown with a trip (the field's path stays as the fleet wrote it)

warning-line = { $path }: { $rule }
warning-line-value = { $path } "{ $value }": { $rule }
rule-trip-number-clash = is also the trip number of trip "{ $other }"; trip numbers must be unique

## The shells' own words

shell-retry = Try again
shell-back = Back to trips
shell-close = Close
shell-sync-now = Sync now
shell-opening = Opening…
shell-token-store-locked = This phone's secure storage is locked. Unlock the phone and try again.
shell-current-trip = Current trip
shell-show-codes = Show at the border
shell-share = Share
shell-tone-neutral = Information
shell-tone-good = Done
shell-tone-attention = Needs a look
shell-tone-problem = Act now

## The desktop shell (crossing trip show)

cli-status = Status: { $status }
cli-amended = Manifest amended (v{ $from } → v{ $to }): acknowledge to clear
cli-changed = changed: { $change }
cli-shipment-added = shipment added: { $number }
cli-shipment-removed = shipment removed: { $number }
cli-shipment-changed = shipment changed: { $number }
cli-codes-changed = border codes changed: old printed sheets are void
cli-acknowledge = Action: acknowledge this manifest version
cli-warnings = Warnings

## Why a screen could not be drawn (the core's errors, as the shells show them)

problem-sign-in = Sign in again: your events are kept.
problem-update = Update the app: your events are kept.
problem-offline = No connection to the fleet server. Crossing tries again by itself.
problem-refused = This was refused.
problem-gone = This trip is no longer on this phone.
problem-storage = This phone's storage failed.
problem-internal = Something went wrong in Crossing. Tell your fleet if it happens again.
# $sentence is one of the above; $detail the technical reason, in English, for support.
problem-detail = { $sentence } ({ $detail })

## A refused trip, as the fleet server answers a push (in the manager's language)

refused-trip = trip refused: { $count ->
    [one] { $count } error
   *[other] { $count } errors
}: { $issues }
refused-more = { $issues }; and { $rest } more
