# Crossing fleet server — the console's and the API's own words, English (the source).
# Only the fleet server carries this catalogue (the phone does not). French: ../fr-CA.
# (Translations of this file: native-speaker review pending.)
# Every translation has exactly these ids with the same arguments (fleet/src/console/tests.rs).
# The trip's own words (manifest labels, customs' answers, event kinds) are not here: they come
# from the shared catalogues (text/locales). Machine values (ids, trip numbers, port codes, CRN,
# CCN, PARS, flags such as stale_trip_version, timestamps) arrive as arguments.

api-unauthorized = a valid bearer token is required

## Every page's frame

# $page is the page's own title.
console-page-title = { $page } · Crossing fleet console
console-skip = Skip to content
console-brand = Crossing · fleet console
console-nav = Console
console-nav-board = Board
console-nav-push = Push a trip
console-sign-out = Sign out
console-language = Language
console-back = ← Back
console-back-board = ← Board

## Sign-in

console-sign-in-title = Sign in
console-sign-in-intro = Paste your fleet manager token. Driver tokens cannot open the console.
console-sign-in-token = Manager token
console-sign-in-button = Sign in
console-sign-in-refused = That is not a valid fleet manager token (driver tokens cannot open the console).
console-sign-in-too-many = Too many sign-in attempts: try again in { $seconds } s.

## Refusals

console-cross-origin = cross-origin request refused: console forms must be sent from the console itself
# $tag is what the link asked for.
console-lang-unknown = "{ $tag }" is not a language of the console: use en (English) or fr-CA (Français)
console-not-done = Not done
console-no-such-page = no such page
console-no-such-action = no such action
console-error-field = Field:

## The board

console-board-title = Board
console-board-unread = { $count ->
    [one] { $count } new exception
   *[other] { $count } new exceptions
} since you last opened the board
console-board-updated = updated
console-board-reload = Live updates stopped: reload
# Said by a screen reader when the count of new exceptions moves.
console-board-announce = { $count ->
    [one] { $count } new exception on the board.
   *[other] { $count } new exceptions on the board.
}
console-board-caption = { $count ->
    [one] { $count } trip
   *[other] { $count } trips
}, exceptions first, then by ETA
console-board-caption-filtered = { $count ->
    [one] { $count } trip
   *[other] { $count } trips
}, exceptions first, then by ETA (filtered)
console-board-empty = No trip matches these filters.
console-filters = Filters
console-filter-status = Status
console-filter-flag = Flag
console-filter-driver = Driver
console-filter-port = Port
console-filter-regime = Regime
console-filter-any = Any
console-filter-aci = ACI (into Canada)
console-filter-ace = ACE (into the US)
console-filter-from = ETA from
console-filter-to = ETA to
console-filter-submit = Filter
console-filter-clear = Clear filters
console-status-exceptions = With an exception
console-status-active = Active
console-status-cancelled = Cancelled
console-flag-exception = Exception reported
console-flag-stale-trip-version = Event on an old version
console-flag-sequence-gap = Events missing
console-flag-clock-skew = Phone clock off
console-flag-stale = No event for hours
console-flag-not-matched = PARS not matched
console-flag-customs-rejected = Customs rejected
console-flag-customs-held = Held by customs
console-flag-not-sent = Did not reach customs
console-flag-unassigned = Event after unassignment
console-flag-trip-cancelled = Event after cancellation
console-col-attention = Attention
console-col-trip-number = Trip number
console-col-regime = Regime
console-col-port = Port
console-col-eta = ETA (port time)
console-col-driver = Driver
console-col-last-status = Last status
console-col-customs = Customs
console-col-flags = Flags
console-col-version = Version
console-row-exception = ▲ Exception
console-row-cancelled = ✕ Cancelled
console-row-ok = ● OK
console-unassigned = unassigned
console-no-event-yet = no event yet

## What needs the dispatcher (the board's exceptions)

console-exception-reported = exception reported by the driver
console-exception-stale-trip-version = event on an old trip version
console-exception-sequence-gap = events missing from the phone
console-exception-clock-skew = phone clock off
console-exception-customs-rejected = customs rejected the manifest
console-exception-not-sent = the manifest did not reach customs
console-exception-customs-held = held by customs
# $number is a PARS or PAPS (a shipment's control number).
console-exception-not-matched = { $number } not matched
console-exception-shipment-rejected = { $number } rejected
# $duration is one of console-duration-*.
console-exception-stale = no event for { $duration }

## How long (board: "departed origin · 25 min ago")

console-ago = { $duration } ago
console-duration-minutes = { $minutes } min
console-duration-hours = { $hours } h
console-duration-hours-minutes = { $hours } h { $minutes } min
console-duration-days = { $days } d

## A trip

console-trip-title = Trip { $number }
# $regime is ACI or ACE.
console-trip-heading = { $regime } trip { $number }
console-trip-active = ● Active
console-trip-cancelled = ✕ Cancelled
console-trip-version = version { $version }
console-trip-driver = driver { $driver }
console-trip-id = id { $id }
console-trip-actions = Trip actions
console-action-amend = Amend
console-action-assign = Assign
console-action-unassign = Unassign
console-action-cancel = Cancel trip
console-manifest = Manifest
console-manifest-sub-location = Sub-location
console-manifest-documents = Documents
console-yes = yes
console-events = Events
console-events-caption = { $count ->
    [one] { $count } status event
   *[other] { $count } status events
} from the driver's phone, by device and sequence
console-col-event = Event
console-col-device-time = Device time
console-col-server-time = Server time
console-col-skew = Skew
console-col-version-seen = Version seen
console-col-details = Details
console-event-port = port { $port }
console-event-shipment = shipment { $shipment }
# $level is "primary" or "secondary" (inspection-primary, inspection-secondary).
console-event-inspection = { $level } inspection
console-events-empty = No event yet.
console-customs = Customs
console-customs-none = Customs has not answered about this trip.
console-customs-caption = Customs' answers, as the fleet's provider relayed them, in arrival order
console-customs-about-trip = the trip
console-col-about = About
console-col-answer = Answer
console-col-source = Source
console-col-customs-time = Customs time
console-col-received = Received
console-versions = Versions
console-version-line = Version { $version } · stored { $at }
console-version-changed = What version { $version } changed
console-col-field = Field
console-col-before = Before
console-col-after = After
console-assignments = Assignments
console-assignment-from-until = { $driver } from { $from } until { $until }
console-assignment-from-now = { $driver } from { $from } (now)
console-assignment-until = { $driver } until { $until }
console-assignment-now = { $driver } (now)
console-assignments-none = Never assigned.
# $action is the action's machine name (cancel, assign…); $detail the audit line as recorded.
console-audit = Audit log
console-audit-line = { $at } · { $action } · session { $session } · { $detail }
console-audit-none = No console action on this trip.

## After an action (the trip page says what was done)

console-done-amended = Saved: the trip has a new version, and its driver's phone gets it at the next sync.
console-done-cancelled = Cancelled: the driver's phone removes the trip at its next sync.
console-done-assigned = Assigned: the driver's phone gets the trip at its next sync.
console-done-unassigned = Unassigned: the trip leaves the driver's phone at its next sync.
console-done-unchanged = Nothing to do: the trip already was as you asked.

## Push

console-push-title = Push a trip
console-push-intro = Paste a trip document (Crossing's format, docs/trip-format.md) or what BorderConnect exports (ACE_TRIP, ACI_TRIP, an array of messages, customs' answers: docs/borderconnect.md).
console-push-document = Trip document or BorderConnect export (JSON)
console-push-driver = Give it to
console-push-keep-driver = Keep as it is / nobody
console-push-button = Push
console-pushed-title = Pushed
console-pushed-intro = What the server did with it:
# $outcome is one of console-outcome-*.
console-push-result = { $id }: { $outcome } as version { $version }
console-push-result-driver = { $id }: { $outcome } as version { $version }, driver { $driver }
# $message is BorderConnect's message type (ACI_TRIP…); $trip the trip's id and version, or empty.
console-import-result = { $message } { $trip }: { $outcome }
console-import-result-reason = { $message } { $trip }: { $outcome } ({ $reason })
console-warning = warning: { $warning }
console-outcome-created = created
console-outcome-amended = amended
console-outcome-unchanged = unchanged
console-outcome-cancelled = cancelled
console-outcome-customs = customs
console-outcome-unmatched = unmatched
console-outcome-ignored = ignored

## Amend

console-amend-title = Amend { $id }
console-amend-intro = Edit the trip and save: it becomes version { $version }. If someone changes the trip meanwhile, nothing is overwritten and you are shown what changed.
console-amend-document = Trip document (JSON)
console-amend-button = Save as a new version
console-amend-cancelled = the trip is cancelled; push it again to reactivate it
console-not-json = not JSON: { $error }
console-not-object = must be a trip document: a JSON object
console-form-lost = the form lost what it was made for; open it again

## The trip moved meanwhile

console-conflict-title = { $id } changed while you were looking
console-conflict = The trip changed since you opened this form (version { $then } then, version { $now } now), so your change was not saved.
console-conflict-caption = What changed meanwhile

## Cancel, assign, unassign (confirmation pages)

console-cancel-title = Cancel trip { $id }?
console-assign-title = Assign trip { $id }
console-unassign-title = Unassign trip { $id }?
console-cancel-intro = The driver's phone removes the trip and its codes at its next sync. This cannot be undone here (push the trip again to reactivate it).
console-assign-intro = The driver gets the trip at their next sync; a driver who had it loses it.
console-unassign-intro = The trip leaves its driver's phone at the next sync.
# $state is console-state-*; $driver is console-trip-driver or console-no-driver.
console-trip-now = The trip as it is now: version { $version }, { $state }, { $driver }.
console-state-active = active
console-state-cancelled = cancelled
console-no-driver = no driver
console-cancel-button = Cancel the trip
console-driver = Driver
console-reason = Reason (kept in the audit log)
console-reason-required = is required: say why, for the audit log
console-choose-driver = choose a driver
