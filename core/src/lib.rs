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

pub mod amend;
pub mod cache;
pub mod codes;
pub mod error;
pub mod events;
pub mod planner;
pub mod recover;
pub mod schema;
pub mod status;
pub mod sync;
pub mod transport;
pub mod view;

pub(crate) use crossing_sqlite as db;
/// The document and its rules live in `crossing-trip`, shared with the fleet server; they are
/// re-exported under their old paths so the phone's API reads as one crate.
pub use crossing_trip::{clock, format, limits, model, protocol, validate};

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::Connection;
use serde::Serialize;

pub use cache::{ApplyOutcome, StoredTrip, TripState, TripSummary};
pub use clock::{Clock, FixedClock, SharedClock, SystemClock};
pub use codes::{BorderCode, CodeKind, ModuleMatrix, Symbology};
pub use error::{DocumentError, Error, Issue, Rejection, Result, Severity};
pub use events::{DeliveryState, EventFilter, EventInput, EventKind, Inspection, StatusEvent};
pub use model::{Regime, Trip};
pub use status::{DisplayStatus, Progress};
pub use view::ManifestView;

/// File name of the trip cache inside the data directory.
pub const CACHE_FILE: &str = "cache.db";
/// File name of the event outbox inside the data directory.
pub const OUTBOX_FILE: &str = "outbox.db";

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
    cache: Mutex<Connection>,
    outbox: Mutex<Connection>,
    device_id: String,
    recovery: Mutex<recover::Recovery>,
    clock: SharedClock,
}

fn lock(m: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    // A panic while holding the lock leaves SQLite consistent (open transactions roll back on
    // drop), so a poisoned lock is still safe to use.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
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
        let mut recovery = recover::Recovery {
            // SQLite takes an empty file for a new database: say so instead of starting over
            // silently (a file emptied by a tool or a failing disk loses its events).
            outbox_found_empty: std::fs::metadata(dir.join(OUTBOX_FILE))
                .is_ok_and(|m| m.len() == 0),
            ..recover::Recovery::default()
        };
        let outbox = recover::open_outbox(
            &dir.join(OUTBOX_FILE),
            &schema::OUTBOX,
            &mut recovery,
            clock.now_utc(),
        )?;
        let (cache, rebuilt) = recover::open_cache(&dir.join(CACHE_FILE), &schema::CACHE)?;
        recovery.cache_rebuilt = rebuilt;
        let device_id = events::device_id(&outbox)?;
        Ok(Crossing {
            dir,
            cache: Mutex::new(cache),
            outbox: Mutex::new(outbox),
            device_id,
            recovery: Mutex::new(recovery),
            clock,
        })
    }

    /// The clock this core reads "now" from.
    pub fn clock(&self) -> &SharedClock {
        &self.clock
    }

    /// What had to be repaired: a rebuilt cache (at open, or later when damage was found), or a
    /// damaged outbox moved aside with the number of events salvaged and lost. Shells show it
    /// once to the driver when not empty.
    pub fn recovery(&self) -> recover::Recovery {
        self.recovery
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Runs `f` on the cache. The cache is disposable: if SQLite finds it damaged (at any
    /// time, not only at open), it is recreated empty, [`Crossing::recovery`] says so, the
    /// next sync pulls every trip again, and `f` runs once more on the fresh cache. For reads
    /// and self-contained writes (a whole trip); see [`Crossing::with_cache_once`].
    pub(crate) fn with_cache<T>(&self, f: impl FnMut(&mut Connection) -> Result<T>) -> Result<T> {
        self.cache_op(f, true)
    }

    /// [`Crossing::with_cache`] without the second run, for writes that build on what the cache
    /// held (a change-feed page after its cursor): after a rebuild they fail, and the next sync
    /// starts over from a snapshot.
    pub(crate) fn with_cache_once<T>(
        &self,
        f: impl FnMut(&mut Connection) -> Result<T>,
    ) -> Result<T> {
        self.cache_op(f, false)
    }

    fn cache_op<T>(
        &self,
        mut f: impl FnMut(&mut Connection) -> Result<T>,
        again: bool,
    ) -> Result<T> {
        let mut conn = lock(&self.cache);
        match f(&mut conn) {
            Err(e) if recover::is_damage(&e) => {
                // Close the damaged file before replacing it.
                drop(std::mem::replace(&mut *conn, Connection::open_in_memory()?));
                *conn = recover::recreate_cache(&self.dir.join(CACHE_FILE), &schema::CACHE)?;
                self.recovery
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .cache_rebuilt = true;
                if again {
                    f(&mut conn)
                } else {
                    Err(e)
                }
            }
            other => other,
        }
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
    pub fn receive_trip(&self, mut trip: Trip) -> Result<ImportReport> {
        validate::normalize(&mut trip);
        let mut warnings =
            validate::validate(&trip, &validate::Policy::device(self.clock.now_utc()))
                .into_result()
                .map_err(|r| Error::Document(DocumentError::Invalid(r)))?;
        let at = self.clock.now().to_rfc3339();
        let outcome = self.with_cache(|cache| {
            let mut all = warnings.clone();
            for other in cache::trip_number_clashes(cache, &trip)? {
                all.push(Issue {
                    severity: Severity::Warning,
                    path: "tripNumber".into(),
                    value: Some(trip.trip_number.clone()),
                    rule: format!(
                        "is also the trip number of trip {other:?}; trip numbers must be unique"
                    ),
                });
            }
            let outcome = cache::apply(cache, &trip, &all, &at)?;
            Ok((outcome, all))
        })?;
        let (outcome, all) = outcome;
        warnings = all;
        self.remember_trips(std::slice::from_ref(&trip))?;
        Ok(ImportReport {
            trip_id: trip.id,
            version: trip.version,
            outcome,
            warnings,
        })
    }

    /// Normalizes and validates a received trip (device policy); returns it with its warnings.
    fn prepare_trip(&self, mut trip: Trip) -> Result<(Trip, Vec<Issue>)> {
        validate::normalize(&mut trip);
        let mut warnings =
            validate::validate(&trip, &validate::Policy::device(self.clock.now_utc()))
                .into_result()
                .map_err(|r| Error::Document(DocumentError::Invalid(r)))?;
        for other in self.with_cache(|c| cache::trip_number_clashes(c, &trip))? {
            warnings.push(Issue {
                severity: Severity::Warning,
                path: "tripNumber".into(),
                value: Some(trip.trip_number.clone()),
                rule: format!(
                    "is also the trip number of trip {other:?}; trip numbers must be unique"
                ),
            });
        }
        Ok((trip, warnings))
    }

    /// Keeps what recording needs of received trips beside the events (see `events::remember_trip`).
    /// One transaction for the whole list: the outbox syncs fully, so a page of a thousand
    /// trips costs one fsync, not a thousand.
    pub(crate) fn remember_trips(&self, trips: &[Trip]) -> Result<()> {
        if trips.is_empty() {
            return Ok(());
        }
        let mut outbox = lock(&self.outbox);
        let tx = outbox.transaction()?;
        for t in trips {
            events::remember_trip(&tx, t)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The fleet cancelled a trip: keep a tombstone, drop the manifest and its personal data.
    /// Returns whether anything changed (an older cancellation is ignored).
    pub fn cancel_trip(&self, id: &str, version: Option<i64>) -> Result<bool> {
        let at = self.clock.now().to_rfc3339();
        self.with_cache(|c| cache::tombstone(c, id, version, TripState::Cancelled, &at))
    }

    /// The fleet took a trip off this driver: same as cancel, with its own state.
    pub fn unassign_trip(&self, id: &str, version: Option<i64>) -> Result<bool> {
        let at = self.clock.now().to_rfc3339();
        self.with_cache(|c| cache::tombstone(c, id, version, TripState::Unassigned, &at))
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
        self.with_cache(|cache| {
            cache.execute(
                "UPDATE trip SET manifest = NULL, warnings = '[]', state = ?2,
                                 base_version = NULL, base_manifest = NULL
                 WHERE id = ?1",
                rusqlite::params![id, state.as_str()],
            )?;
            cache::scrub(cache)
        })?;
        Ok(changed)
    }

    /// Deletes every cached trip (they can be pulled again). The outbox is not touched.
    pub fn wipe_cache(&self) -> Result<()> {
        self.with_cache(|cache| {
            cache.execute("DELETE FROM trip", [])?;
            cache.execute("DELETE FROM sync_cursor", [])?;
            cache::scrub(cache)
        })
    }

    /// Every stored trip: active ones by ETA, then tombstones.
    pub fn trips(&self) -> Result<Vec<TripSummary>> {
        self.with_cache(|c| cache::list(c))
    }

    /// The given trip id, or the current trip (the active one with the earliest ETA).
    pub fn resolve_trip_id(&self, id: Option<&str>) -> Result<String> {
        match id {
            Some(id) => Ok(id.to_string()),
            None => self
                .with_cache(|c| cache::current_id(c))?
                .ok_or(Error::NoActiveTrip),
        }
    }

    /// One stored trip, with its manifest unless it is a tombstone.
    pub fn trip(&self, id: &str) -> Result<StoredTrip> {
        self.with_cache(|c| cache::get(c, id))
    }

    fn status_of(&self, stored: &StoredTrip) -> Result<DisplayStatus> {
        let events = self.events(&EventFilter {
            trip_id: Some(stored.summary.id.clone()),
            pending_only: false,
        })?;
        let shipments = shipment_numbers(stored);
        Ok(status::derive(status::StatusInputs {
            state: stored.summary.state,
            version: stored.summary.version,
            customs: stored
                .manifest
                .as_ref()
                .and_then(|t| t.customs_status.as_ref()),
            shipments: &shipments,
            events: &events,
        }))
    }

    /// The status the driver sees for a trip.
    pub fn trip_status(&self, id: &str) -> Result<DisplayStatus> {
        self.status_of(&self.trip(id)?)
    }

    /// The status buttons that make sense for a trip now.
    pub fn allowed_actions(&self, id: &str) -> Result<Vec<status::Action>> {
        Ok(self.manifest_screen(id)?.1)
    }

    /// The manifest screen of a trip, ready to render.
    pub fn manifest_view(&self, id: &str) -> Result<ManifestView> {
        Ok(self.manifest_screen(id)?.0)
    }

    /// The manifest screen and its status buttons, from one read of the trip and its events.
    pub fn manifest_screen(&self, id: &str) -> Result<(ManifestView, Vec<status::Action>)> {
        let stored = self.trip(id)?;
        let status = self.status_of(&stored)?;
        let shipments = shipment_numbers(&stored);
        let actions = status::allowed_actions(stored.summary.state, &status, &shipments);
        let mut view = view::manifest_view(&stored, status);
        if let (Some(current), Some((_, base))) =
            (&stored.manifest, self.with_cache(|c| cache::base(c, id))?)
        {
            view.amendment = Some(amend::diff(&base, current));
        }
        Ok((view, actions))
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
            let (summary, has_manifest) = self.with_cache(|c| cache::summary(c, id))?;
            if has_manifest {
                return codes::trip_number_code(
                    &codes::TripRef {
                        id: &summary.id,
                        version: u64::try_from(summary.version).unwrap_or_default(),
                        regime: summary.regime,
                        trip_number: &summary.trip_number,
                    },
                    kind,
                );
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
        codes::border_code(&trip, kind, shipment)
    }

    /// Records a status event. When this returns `Ok`, the event is on disk (fsynced) and will
    /// survive a crash or power loss; it stays in the outbox until the fleet acknowledges it.
    pub fn record_event(&self, mut input: EventInput) -> Result<StatusEvent> {
        let (version, port, shipments) =
            self.event_context(&input.trip_id, input.shipment.is_some())?;
        let now = self.clock.now();
        events::check(&mut input, &port, shipments.as_deref(), now)?;
        let event = events::record(&mut lock(&self.outbox), &input, version, now)?;
        if event.kind == EventKind::TripAcknowledged {
            // The event is recorded; a cache that cannot take the acknowledgement is rebuilt
            // and the pull brings the trip back.
            let _ =
                self.with_cache(|c| cache::acknowledge(c, &event.trip_id, event.trip_version_seen));
        }
        Ok(event)
    }

    /// What recording needs of a trip: its version, its port, and (when a shipment is named)
    /// its shipment numbers (`None`: a tombstone without them). From the cache; if the cache
    /// does not have the trip (damaged and rebuilt, or wiped), from what the outbox remembers,
    /// so recording never depends on the cache.
    fn event_context(
        &self,
        id: &str,
        need_shipments: bool,
    ) -> Result<(i64, String, Option<Vec<String>>)> {
        match self.with_cache(|c| cache::event_context(c, id)) {
            Ok((version, port, has_manifest)) => {
                // The manifest is parsed only when a shipment must be checked against it.
                let shipments = match (need_shipments, has_manifest) {
                    (true, true) => Some(shipment_numbers(&self.trip(id)?)),
                    (true, false) => None,
                    (false, _) => Some(Vec::new()),
                };
                Ok((version, port, shipments))
            }
            Err(Error::UnknownTrip(_)) => match events::trip_context(&lock(&self.outbox), id)? {
                Some((version, port, shipments)) => Ok((version, port, Some(shipments))),
                None => Err(Error::UnknownTrip(id.to_string())),
            },
            Err(e) => Err(e),
        }
    }

    /// Events in device order.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<StatusEvent>> {
        events::list(&lock(&self.outbox), filter)
    }
}
