//! # crossing-core
//!
//! The core of Crossing, a truck driver's border companion. It keeps the trip's eManifest
//! (CBSA ACI or CBP ACE) on the phone for offline viewing, draws the codes an officer scans,
//! and records the driver's status events durably until they are sent.
//!
//! [`Crossing`] is the one entry point: the desktop CLI uses it as-is, and the uniffi facade
//! (later, in `bindings/`) only converts and delegates to it.
//!
//! Two kinds of data live in two SQLite files in the data directory:
//! - `cache.db`: trips, server-authoritative; the phone may wipe and re-pull it;
//! - `outbox.db`: the driver's status events, append-only, `synchronous = FULL`, never wiped.

pub mod app;
pub mod codes;
pub mod error;
pub mod events;
pub mod log;
pub mod status;
pub mod store;
pub mod sync;
pub mod view;

/// The border paperwork (`crossing-paper`, shared with the fleet server).
pub use crossing_paper as paper;
/// The words (`crossing-text`): catalogues, negotiation, the locale's numbers and times.
pub use crossing_text as text;
/// The document and its rules live in `crossing-trip`, shared with the fleet server; they are
/// re-exported under their old paths so the phone's API reads as one crate.
pub use crossing_trip::{clock, customs, format, limits, model, protocol, validate};
pub use store::{recover, schema, Recovery, CACHE_FILE, OUTBOX_FILE};
pub use sync::{planner, transport};
pub use view::amend;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub(crate) use crossing_sqlite as db;
use planner::SyncState;
use store::trips::{self as cache, PreparedTrip};
use store::{meta, outbox, Store};

pub use clock::{Clock, FixedClock, SharedClock, SystemClock};
pub use codes::{BorderCode, CodeKind, ModuleMatrix, Symbology};
pub use error::{DocumentError, Error, Issue, Rejection, Result, Severity};
pub use events::{DeliveryState, EventFilter, EventInput, EventKind, Inspection, StatusEvent};
pub use model::{Regime, Trip};
pub use status::{DisplayStatus, Progress};
pub use store::trips::{ApplyOutcome, PageCounts, StoredTrip, TripState, TripSummary};
pub use view::ManifestView;

/// What importing (or receiving) a trip did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Fleet trip id.
    pub trip_id: String,
    /// Version in the document.
    pub version: u64,
    /// Inserted, updated or unchanged.
    pub outcome: ApplyOutcome,
    /// Warnings the driver should see.
    pub warnings: Vec<Issue>,
}

/// The Crossing core: one per process, kept for the app's lifetime.
///
/// Every method is synchronous and fast (local SQLite); shells call them off the UI thread.
#[derive(Debug)]
pub struct Crossing {
    dir: PathBuf,
    store: Store,
    device_id: String,
    clock: SharedClock,
    changes: tokio::sync::broadcast::Sender<Change>,
    /// The driver's language ([`Crossing::set_preferred_locales`]); English until told.
    text: std::sync::RwLock<std::sync::Arc<text::Text>>,
}

/// What changed in the stores, so screens showing it redraw (crux's "render"): sent after the
/// change is committed, by every write (a received page, an amendment, a cancellation, a
/// recorded event, the server's answer to an upload).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The trips whose screens must redraw (their list rows too).
    pub trip_ids: Vec<String>,
    /// Everything may have changed (the cache was wiped or pulled again, events were sent):
    /// redraw every screen.
    pub all: bool,
}

/// How many changes a slow listener may fall behind before it is told "everything changed".
const CHANGE_BACKLOG: usize = 64;

/// The manifest screen of a trip and its status buttons, from one read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManifestScreen {
    /// What to draw.
    pub view: ManifestView,
    /// The status buttons that make sense now.
    pub actions: Vec<status::Action>,
}

/// What recording an event needs of its trip (from the cache, or from the outbox when the
/// cache does not have it).
struct RecordContext {
    version: i64,
    port: String,
    /// The trip's shipments when one is named (`None`: a tombstone without them).
    shipments: Option<Vec<String>>,
}

/// A prepared trip's warnings, plus one for each other stored trip with its trip number.
fn clash_warnings(cache: &rusqlite::Connection, prepared: &PreparedTrip) -> Result<Vec<Issue>> {
    let mut warnings = prepared.warnings.clone();
    for other in cache::trip_number_clashes(cache, &prepared.trip)? {
        warnings.push(Issue {
            severity: Severity::Warning,
            path: "tripNumber".into(),
            value: Some(prepared.trip.trip_number.clone()),
            rule: format!("is also the trip number of trip {other:?}; trip numbers must be unique"),
            msg: Some(text::Msg::new("rule-trip-number-clash").arg("other", other)),
        });
    }
    Ok(warnings)
}

/// The control numbers of a stored trip's shipments (none for a tombstone).
fn shipment_numbers(stored: &StoredTrip) -> Vec<String> {
    stored.manifest.as_ref().map_or_else(Vec::new, |t| {
        t.shipments
            .iter()
            .map(|s| s.control_number.clone())
            .collect()
    })
}

impl Crossing {
    /// Opens (creating if needed) the data directory and both databases, migrating them.
    /// A database written by a newer app is refused and left untouched. A damaged cache is
    /// recreated; a damaged outbox is moved aside and its readable events salvaged
    /// ([`Crossing::recovery`] says what happened; see [`recover`]).
    pub fn open(data_dir: impl AsRef<Path>) -> Result<Self> {
        Self::open_with_clock(data_dir, clock::system())
    }

    /// [`Crossing::open`] with the clock every "now" of this core (and of a sync engine built
    /// on it) is read from: validation, event times, cache stamps, sync dates.
    pub fn open_with_clock(data_dir: impl AsRef<Path>, clock: SharedClock) -> Result<Self> {
        let dir = data_dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
        let store = Store::open(&dir, clock.now_utc())?;
        let device_id = store.outbox(|c| outbox::device_id(c))?;
        let recovery = store.recovery();
        if recovery != Recovery::default() {
            log::write(
                log::Level::Error,
                "store",
                &format!(
                    "repaired at open: cache rebuilt {}, event store moved {}, {} events salvaged, {} unreadable, found empty {}",
                    recovery.cache_rebuilt,
                    recovery.outbox_moved_to.is_some(),
                    recovery.events_salvaged,
                    recovery.events_unreadable,
                    recovery.outbox_found_empty
                ),
            );
        }
        Ok(Crossing {
            dir,
            store,
            device_id,
            clock,
            changes: tokio::sync::broadcast::channel(CHANGE_BACKLOG).0,
            text: std::sync::RwLock::new(std::sync::Arc::new(text::Text::default())),
        })
    }

    /// Chooses the language of every sentence the core makes from the phone's per-app
    /// language list (BCP 47 tags in the user's order: Android `getApplicationLocales()`,
    /// iOS `preferredLocalizations`; `_` is read as `-`), English when none ships. Call at
    /// start and on every locale change; screens are told to redraw when the language changes.
    /// Returns the language chosen.
    pub fn set_preferred_locales<S: AsRef<str>>(&self, tags: &[S]) -> text::Lang {
        let lang = text::negotiate(tags);
        let changed = {
            let mut current = self
                .text
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let changed = current.lang() != lang;
            if changed {
                *current = std::sync::Arc::new(text::Text::new(lang));
            }
            changed
        };
        if changed {
            log::info("text", &format!("language {}", lang.tag()));
            self.changed(Vec::new(), true);
        }
        lang
    }

    /// The driver's language now.
    pub fn text(&self) -> std::sync::Arc<text::Text> {
        std::sync::Arc::clone(
            &self
                .text
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    /// Receives every [`Change`] from now on. A receiver that falls behind by more than
    /// [`CHANGE_BACKLOG`] changes gets `Lagged`: treat it as "everything changed".
    pub fn subscribe_changes(&self) -> tokio::sync::broadcast::Receiver<Change> {
        self.changes.subscribe()
    }

    fn changed(&self, trip_ids: Vec<String>, all: bool) {
        // No listener is not an error.
        let _ = self.changes.send(Change { trip_ids, all });
    }

    /// The clock this core reads "now" from.
    pub fn clock(&self) -> &SharedClock {
        &self.clock
    }

    /// What had to be repaired: a rebuilt cache (at open, or later when damage was found), or a
    /// damaged outbox moved aside with the number of events salvaged and lost. Shells show it
    /// once to the driver when not empty.
    pub fn recovery(&self) -> Recovery {
        self.store.recovery()
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        &self.dir
    }

    /// This install's device id (random, made on first open).
    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    /// Reads a trip document from a file and stores it as if the fleet had pushed it.
    /// The size limit is checked before a regular file is read, and while reading anything
    /// else (a pipe or a device file stops at the limit).
    pub fn import_trip_file(&self, path: impl AsRef<Path>) -> Result<ImportReport> {
        let path = path.as_ref();
        let io = |source| Error::Io {
            path: path.display().to_string(),
            source,
        };
        let size = std::fs::metadata(path).map_err(io)?.len();
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        if size > limits::MAX_DOCUMENT_BYTES {
            return Err(Error::Document(DocumentError::DocumentTooLarge {
                size,
                limit: limits::MAX_DOCUMENT_BYTES,
            }));
        }
        // Read through a cap: metadata says nothing of a pipe, /dev/zero or a /proc file.
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(
                std::fs::File::open(path).map_err(io)?,
                limits::MAX_DOCUMENT_BYTES as u64 + 1,
            ),
            &mut bytes,
        )
        .map_err(io)?;
        if bytes.len() > limits::MAX_DOCUMENT_BYTES {
            return Err(Error::Document(DocumentError::DocumentOverLimit {
                limit: limits::MAX_DOCUMENT_BYTES,
            }));
        }
        self.import_trip_json(&bytes)
    }

    /// Parses, validates and stores a trip document. Nothing is stored if any check fails.
    pub fn import_trip_json(&self, bytes: &[u8]) -> Result<ImportReport> {
        let trip = format::parse_trip(bytes)?;
        self.receive_trip(trip)
    }

    /// Validates and stores a trip the fleet sent. A version lower than or equal to the
    /// stored one changes nothing.
    pub fn receive_trip(&self, trip: Trip) -> Result<ImportReport> {
        let prepared = self.validated(trip)?;
        let at = self.clock.now().to_rfc3339();
        // The clash check and the write share one cache run, so a rebuilt cache redoes both.
        let (outcome, warnings) = self.store.cache(|cache| {
            let warnings = clash_warnings(cache, &prepared)?;
            let outcome = cache::apply(cache, &prepared.trip, &warnings, &at)?;
            Ok((outcome, warnings))
        })?;
        self.remember_trips(std::slice::from_ref(&prepared.trip))?;
        if !matches!(outcome, ApplyOutcome::Unchanged { .. }) {
            self.changed(vec![prepared.trip.id.clone()], false);
        }
        Ok(ImportReport {
            trip_id: prepared.trip.id,
            version: prepared.trip.version,
            outcome,
            warnings,
        })
    }

    /// Normalizes and validates a received trip (device policy): the trip with its warnings.
    fn validated(&self, mut trip: Trip) -> Result<PreparedTrip> {
        validate::normalize(&mut trip);
        let warnings = validate::validate(&trip, &validate::Policy::device(self.clock.now_utc()))
            .into_result()
            .map_err(|r| Error::Document(DocumentError::Invalid(r)))?;
        Ok(PreparedTrip { trip, warnings })
    }

    /// [`Crossing::validated`], with a warning for each other stored trip with the same trip
    /// number (for a page, before its transaction).
    fn prepare_trip(&self, trip: Trip) -> Result<PreparedTrip> {
        let mut prepared = self.validated(trip)?;
        prepared.warnings = self.store.cache(|c| clash_warnings(c, &prepared))?;
        Ok(prepared)
    }

    /// Keeps what recording needs of received trips beside the events, so recording never
    /// depends on the cache.
    fn remember_trips(&self, trips: &[Trip]) -> Result<()> {
        self.store.outbox(|c| outbox::remember_trips(c, trips))
    }

    /// The fleet cancelled a trip: keep a tombstone, drop the manifest and its personal data.
    /// Returns whether anything changed (an older cancellation is ignored).
    pub fn cancel_trip(&self, id: &str, version: Option<i64>) -> Result<bool> {
        self.tombstone(id, version, TripState::Cancelled)
    }

    fn tombstone(&self, id: &str, version: Option<i64>, state: TripState) -> Result<bool> {
        let at = self.clock.now().to_rfc3339();
        let changed = self
            .store
            .cache(|c| cache::tombstone(c, id, version, state, &at))?;
        if changed {
            self.changed(vec![id.to_string()], false);
        }
        Ok(changed)
    }

    /// The fleet took a trip off this driver: same as cancel, with its own state.
    pub fn unassign_trip(&self, id: &str, version: Option<i64>) -> Result<bool> {
        self.tombstone(id, version, TripState::Unassigned)
    }

    /// Removes crew and shipment personal data of a trip that is over: every shipment delivered,
    /// or already cancelled/unassigned. An active trip still on the road is refused.
    pub fn purge_personal_data(&self, id: &str) -> Result<bool> {
        let status = self.trip_status(id)?;
        let stored = self.trip(id)?;
        let over =
            stored.summary.state != TripState::Active || status.progress == Progress::Delivered;
        if !over {
            return Err(Error::input(
                "trip",
                format!("{id:?} is still active and not delivered; its manifest is kept"),
            ));
        }
        let state = match stored.summary.state {
            TripState::Active => TripState::Finished,
            other => other,
        };
        let changed = stored.manifest.is_some();
        self.store.cache(|c| cache::purge(c, id, state))?;
        self.changed(vec![id.to_string()], false);
        Ok(changed)
    }

    /// Deletes every cached trip (they can be pulled again). The outbox is not touched.
    pub fn wipe_cache(&self) -> Result<()> {
        self.store.cache(|c| cache::wipe(c))?;
        self.changed(Vec::new(), true);
        Ok(())
    }

    /// Every stored trip: active ones by ETA, then tombstones.
    pub fn trips(&self) -> Result<Vec<TripSummary>> {
        self.store.cache(|c| cache::list(c))
    }

    /// The given trip id, or the current trip (the active one with the earliest ETA).
    pub fn resolve_trip_id(&self, id: Option<&str>) -> Result<String> {
        match id {
            Some(id) => Ok(id.to_string()),
            None => self
                .store
                .cache(|c| cache::current_id(c))?
                .ok_or(Error::NoActiveTrip),
        }
    }

    /// One stored trip, with its manifest unless it is a tombstone.
    pub fn trip(&self, id: &str) -> Result<StoredTrip> {
        self.store.cache(|c| cache::get(c, id))
    }

    fn status_of(&self, stored: &StoredTrip, t: &text::Text) -> Result<DisplayStatus> {
        let events = self.events(&EventFilter {
            trip_id: Some(stored.summary.id.clone()),
            pending_only: false,
        })?;
        let shipments = shipment_numbers(stored);
        // The fleet's latest customs answer, when it confirms a step; else the trip's own.
        let relayed = stored
            .customs
            .as_ref()
            .and_then(|c| c.trip_step())
            .map(|(code, s)| model::CustomsStatus {
                code,
                description: Some(s.display_in(stored.summary.regime, t)),
                reported_at: s.received_at.clone(),
            });
        Ok(status::derive(status::StatusInputs {
            text: t,
            state: stored.summary.state,
            version: stored.summary.version,
            customs: relayed.as_ref().or(stored
                .manifest
                .as_ref()
                .and_then(|t| t.customs_status.as_ref())),
            shipments: &shipments,
            events: &events,
        }))
    }

    /// The status the driver sees for a trip.
    pub fn trip_status(&self, id: &str) -> Result<DisplayStatus> {
        self.status_of(&self.trip(id)?, &self.text())
    }

    /// The status buttons that make sense for a trip now.
    pub fn allowed_actions(&self, id: &str) -> Result<Vec<status::Action>> {
        Ok(self.manifest_screen(id)?.actions)
    }

    /// The manifest screen of a trip, ready to render.
    pub fn manifest_view(&self, id: &str) -> Result<ManifestView> {
        Ok(self.manifest_screen(id)?.view)
    }

    /// The manifest screen and its status buttons, from one read of the trip and its events.
    pub fn manifest_screen(&self, id: &str) -> Result<ManifestScreen> {
        let t = self.text();
        let stored = self.trip(id)?;
        let status = self.status_of(&stored, &t)?;
        let shipments = shipment_numbers(&stored);
        let actions = status::allowed_actions(stored.summary.state, &status, &shipments, &t);
        let mut view = view::manifest_view(&stored, status, &t);
        if let (Some(current), Some((_, base))) =
            (&stored.manifest, self.store.cache(|c| cache::base(c, id))?)
        {
            view.amendment = Some(amend::diff(&base, current, &t));
        }
        Ok(ManifestScreen { view, actions })
    }

    /// Draws a border code from the trip's current version.
    pub fn border_code(
        &self,
        id: &str,
        kind: CodeKind,
        shipment: Option<&str>,
    ) -> Result<BorderCode> {
        if codes::is_trip_number_code(kind, shipment) {
            // The border screen's default codes need only the trip number: no manifest parse.
            let cache::SummaryRow {
                summary,
                has_manifest,
            } = self.store.cache(|c| cache::summary(c, id))?;
            if has_manifest {
                return Ok(self.worded(codes::trip_number_code(
                    &codes::TripRef {
                        id: &summary.id,
                        version: u64::try_from(summary.version).unwrap_or_default(),
                        regime: summary.regime,
                        trip_number: &summary.trip_number,
                    },
                    kind,
                )?));
            }
        }
        let stored = self.trip(id)?;
        let trip = stored.manifest.ok_or_else(|| Error::Barcode {
            kind: kind.as_str(),
            reason: format!(
                "trip {id:?} is {}; it has no code to show",
                stored.summary.state.as_str()
            ),
        })?;
        Ok(self.worded(codes::border_code(&trip, kind, shipment)?))
    }

    /// A drawn code's title and caveats in the driver's language (the codes crate words them
    /// in English, for the fleet server and the paperwork).
    fn worded(&self, mut code: BorderCode) -> BorderCode {
        let t = self.text();
        let title = match code.title.as_str() {
            "Trip number (QR)" => Some("code-title-trip-qr"),
            "CBSA lead sheet: CRN" => Some("code-title-crn"),
            "ACE cover sheet: trip number" => Some("code-title-ace-39"),
            "PARS / cargo control number" => Some("code-title-pars"),
            "PAPS / shipment control number" => Some("code-title-paps"),
            "CBP ACE manifest QR" => Some("code-title-ace-qr"),
            _ => None,
        };
        if let Some(id) = title {
            code.title = t.get(id, &[]);
        }
        for caveat in &mut code.caveats {
            let id = match caveat.as_str() {
                c if c == codes::SCREEN_CAVEAT => "code-caveat-screen",
                c if c == codes::CRN_CAVEAT => "code-caveat-crn",
                c if c == codes::ACE_QR_CAVEAT => "code-caveat-ace-qr",
                _ => continue,
            };
            *caveat = t.get(id, &[]);
        }
        code
    }

    /// One sheet of border paperwork for the trip's current version, as PDF bytes, made on the
    /// phone with no network. The "made" time is printed in the port's zone.
    pub fn sheet(
        &self,
        id: &str,
        kind: paper::SheetKind,
        options: &paper::SheetOptions,
    ) -> Result<paper::Sheet> {
        let stored = self.trip(id)?;
        let trip = stored.manifest.ok_or_else(|| Error::Barcode {
            kind: kind.as_str(),
            reason: format!(
                "trip {id:?} is {}; it has no paper to print",
                stored.summary.state.as_str()
            ),
        })?;
        let made = crossing_trip::human::made_at(self.clock.now_utc(), &trip.eta.zone);
        Ok(paper::render(&trip, kind, options, &made)?)
    }

    /// Records a status event. When this returns `Ok`, the event is on disk (fsynced) and will
    /// survive a crash or power loss; it stays in the outbox until the fleet acknowledges it.
    pub fn record_event(&self, mut input: EventInput) -> Result<StatusEvent> {
        let context = self.record_context(&input.trip_id, input.shipment.is_some())?;
        let now = self.clock.now();
        events::check(&mut input, &context.port, context.shipments.as_deref(), now)?;
        let event = self
            .store
            .outbox(|c| outbox::record(c, &input, context.version, now))?;
        if event.kind == EventKind::TripAcknowledged {
            // The event is recorded; a cache that cannot take the acknowledgement is rebuilt
            // and the pull brings the trip back.
            let _ = self
                .store
                .cache(|c| cache::acknowledge(c, &event.trip_id, event.trip_version_seen));
        }
        self.changed(vec![event.trip_id.clone()], false);
        Ok(event)
    }

    /// What recording needs of a trip: its version, its port, and (when a shipment is named)
    /// its shipment numbers. From the cache; if the cache does not have the trip (damaged and
    /// rebuilt, or wiped), from what the outbox remembers, so recording never depends on the
    /// cache.
    fn record_context(&self, id: &str, need_shipments: bool) -> Result<RecordContext> {
        match self.store.cache(|c| cache::event_context(c, id)) {
            Ok(cached) => {
                // The manifest is parsed only when a shipment must be checked against it.
                let shipments = match (need_shipments, cached.has_manifest) {
                    (true, true) => Some(shipment_numbers(&self.trip(id)?)),
                    (true, false) => None,
                    (false, _) => Some(Vec::new()),
                };
                Ok(RecordContext {
                    version: cached.version,
                    port: cached.port,
                    shipments,
                })
            }
            Err(Error::UnknownTrip(_)) => {
                match self.store.outbox(|c| outbox::trip_context(c, id))? {
                    Some(known) => Ok(RecordContext {
                        version: known.version,
                        port: known.port,
                        shipments: Some(known.shipments),
                    }),
                    None => Err(Error::UnknownTrip(id.to_string())),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// Events in device order.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<StatusEvent>> {
        self.store.outbox(|c| outbox::list(c, filter))
    }

    // --- What the sync engine reads and writes (its protocol logic is in `sync`). ---

    fn meta(&self, key: &str) -> Result<Option<String>> {
        self.store.outbox(|c| meta::get(c, key))
    }

    fn set_meta(&self, key: &str, value: Option<&str>) -> Result<()> {
        self.store.outbox(|c| meta::set(c, key, value))
    }

    pub(crate) fn device_registered(&self) -> Result<bool> {
        Ok(self.meta(meta::REGISTERED)?.is_some())
    }

    pub(crate) fn set_device_registered(&self, yes: bool) -> Result<()> {
        self.set_meta(meta::REGISTERED, yes.then_some("1"))
    }

    /// Saves the sync state (and the time of the last success) for status displays.
    pub fn save_sync_state(&self, state: &SyncState, success: bool) -> Result<()> {
        let json = serde_json::to_string(state).map_err(|e| Error::Corrupt(e.to_string()))?;
        self.set_meta(meta::STATE, Some(&json))?;
        if success {
            let now = self
                .clock
                .now()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
            self.set_meta(meta::LAST_SUCCESS, Some(&now))?;
        }
        Ok(())
    }

    /// Sync state and counts, as last saved.
    pub fn sync_status(&self) -> Result<sync::SyncStatus> {
        let state = self
            .meta(meta::STATE)?
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or(SyncState::Idle);
        let counts = self.store.outbox(|c| outbox::queue_counts(c))?;
        Ok(sync::SyncStatus {
            state,
            pending: counts.pending,
            dead: counts.dead,
            last_success: self.meta(meta::LAST_SUCCESS)?,
        })
    }

    /// The next pending events, in device order.
    pub(crate) fn pending_events(&self, limit: usize) -> Result<Vec<StatusEvent>> {
        self.store.outbox(|c| outbox::pending(c, limit))
    }

    /// Applies the server's per-event results in one outbox transaction.
    pub(crate) fn apply_results(
        &self,
        results: &[protocol::EventResult],
    ) -> Result<outbox::ResultCounts> {
        let now = self
            .clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, false);
        let counts = self
            .store
            .outbox(|c| outbox::apply_results(c, results, &now))?;
        if !results.is_empty() {
            // Events went from "not yet sent" to sent or refused on any trip they name.
            self.changed(Vec::new(), true);
        }
        Ok(counts)
    }

    pub(crate) fn feed_cursor(&self) -> Result<Option<String>> {
        self.store.cache(|c| cache::cursor(c, cache::TRIPS_FEED))
    }

    pub(crate) fn reset_feed_cursor(&self) -> Result<()> {
        self.store
            .cache(|c| cache::set_cursor(c, cache::TRIPS_FEED, None))
    }

    /// Applies one page of the change feed and its cursor in one cache transaction.
    /// Any trip that fails validation refuses the whole page: nothing changes, the cursor
    /// stays.
    pub fn apply_page(
        &self,
        page: &protocol::ChangesPage,
        snapshot_start: bool,
    ) -> Result<PageCounts> {
        let now = self.clock.now().to_rfc3339();
        // Validate every trip before touching the database.
        let prepared = page
            .changes
            .iter()
            .enumerate()
            .map(|(i, change)| self.prepare_change(i, change))
            .collect::<Result<Vec<_>>>()?;
        let counts = self
            .store
            .cache_once(|c| cache::apply_page(c, page, &prepared, snapshot_start, &now))?;
        // What recording needs of the new trips, beside the events (after the page is in).
        let received: Vec<Trip> = prepared.into_iter().flatten().map(|p| p.trip).collect();
        self.remember_trips(&received)?;
        if counts.updated > 0 || counts.removed > 0 || counts.customs > 0 || snapshot_start {
            let ids = page.changes.iter().map(|c| c.id.clone()).collect();
            self.changed(ids, snapshot_start);
        }
        Ok(counts)
    }

    /// Checks one change of a page: an upsert's trip is validated (`None` for a tombstone).
    fn prepare_change(&self, i: usize, change: &protocol::Change) -> Result<Option<PreparedTrip>> {
        if change.op != protocol::ChangeOp::Upsert {
            return Ok(None);
        }
        let trip = change.trip.as_deref().ok_or_else(|| {
            Error::input(format!("changes[{i}].trip"), "an upsert needs its trip")
        })?;
        if trip.id != change.id {
            return Err(Error::input(
                format!("changes[{i}].id"),
                "does not match the trip's id",
            ));
        }
        if trip.format != model::FORMAT_VERSION {
            return Err(Error::Document(DocumentError::UnsupportedFormat {
                found: trip.format.to_string(),
                supported: model::FORMAT_VERSION,
                hint: " (update the app)",
            }));
        }
        Ok(Some(self.prepare_trip(trip.clone())?))
    }
}
