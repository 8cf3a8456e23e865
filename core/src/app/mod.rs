//! The app model: every screen of the driver's app as a ready-to-draw view model, and the
//! driver's intents with typed outcomes (Crux's idea in this project's shape). The Android and
//! iOS shells, and the JVM tests, render these and send intents back; they decide nothing.
//!
//! - [`App::trip_list`], [`App::trip_screen`], [`App::record_form`], [`App::border_screen`],
//!   [`App::sync_view`], [`App::start_screen`], [`App::recovery_notice`], [`startup_notice`].
//! - Intents: [`App::record`], [`App::sync_now`], [`App::check_token`], [`App::signed_in`],
//!   [`App::dismiss_recovery`].
//! - Redraws: [`Crossing::subscribe_changes`] (trips) and [`SyncService::subscribe`] (sync).
//!
//! Every time shown is local and human ([`time`]): the phone's zone for events and sync, the
//! port's zone for ETAs.

mod form;
pub mod screens;
pub mod time;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

pub use screens::*;

use crate::codes::CodeKind;
use crate::error::{DocumentError, Error, Result};
use crate::events::{DeliveryState, EventFilter, EventKind, StatusEvent};
use crate::model::CustomsStatusCode;
use crate::planner::SyncState;
use crate::status::DisplayStatus;
use crate::store::trips::TripState;
use crate::sync::{LocalFailure, SyncError, SyncService};
use crate::view::CodeChoice;
use crate::{Crossing, Recovery};

/// The app model of one phone: the core, its one sync service (none when no server is
/// configured), and the phone's time zone.
pub struct App {
    core: Arc<Crossing>,
    sync: Option<Arc<SyncService>>,
    zone: Tz,
    recovery_dismissed: AtomicBool,
}

/// Longest token the sign-in form accepts.
const TOKEN_MAX: usize = 512;

fn n(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

impl App {
    /// The app model over `core`; `sync` is the one sync service every sync goes through;
    /// `device_zone` is the phone's IANA zone (unknown names read as UTC).
    pub fn new(core: Arc<Crossing>, sync: Option<Arc<SyncService>>, device_zone: &str) -> Self {
        App {
            core,
            sync,
            zone: time::zone(device_zone),
            recovery_dismissed: AtomicBool::new(false),
        }
    }

    /// The core.
    pub fn core(&self) -> &Arc<Crossing> {
        &self.core
    }

    /// The sync service, if a server is configured.
    pub fn sync_service(&self) -> Option<&Arc<SyncService>> {
        self.sync.as_ref()
    }

    fn now(&self) -> DateTime<Utc> {
        self.core.clock().now_utc()
    }

    // --- Sync ---

    /// The sync badge now.
    pub fn sync_view(&self) -> Result<SyncView> {
        self.view_of(None)
    }

    /// The badge in `phase`, or (`None`) in the state now: the running service's state wins
    /// over the saved one.
    fn view_of(&self, phase: Option<SyncState>) -> Result<SyncView> {
        let saved = self.core.sync_status()?;
        let phase = match phase {
            Some(p) => p,
            None => self.sync.as_ref().map_or(saved.state, |s| s.state()),
        };
        let now = self.now();
        let at = |rfc: &str| time::clock_time_of(rfc, now, self.zone);
        let (headline, tone, needs) = match &phase {
            _ if self.sync.is_none() => ("Sync is off".to_string(), Tone::Neutral, None),
            SyncState::Idle if saved.last_success.is_none() => {
                ("Not synced yet".into(), Tone::Attention, None)
            }
            SyncState::Idle => ("Up to date".into(), Tone::Good, None),
            SyncState::Syncing => ("Syncing…".into(), Tone::Neutral, None),
            SyncState::Offline { retry_at } => (
                format!("Offline · retrying at {}", at(retry_at)),
                Tone::Attention,
                None,
            ),
            SyncState::BackingOff { until, .. } => (
                format!("Sync paused · retrying at {}", at(until)),
                Tone::Attention,
                None,
            ),
            SyncState::SignInRequired => {
                ("Sign in again".into(), Tone::Problem, Some(Need::SignIn))
            }
            SyncState::UpdateRequired => (
                "Update the app".into(),
                Tone::Problem,
                Some(Need::UpdateApp),
            ),
        };
        let mut detail = vec![match saved
            .last_success
            .as_deref()
            .map(DateTime::parse_from_rfc3339)
        {
            Some(Ok(t)) => format!(
                "Last sync {}",
                time::ago(t.with_timezone(&Utc), now, self.zone)
            ),
            _ => "No sync yet".to_string(),
        }];
        if saved.pending > 0 {
            detail.push(format!(
                "{} waiting to be sent",
                plural(saved.pending, "event", "events")
            ));
        }
        if saved.dead > 0 {
            detail.push(format!(
                "{} refused by the fleet server",
                plural(saved.dead, "event", "events")
            ));
        }
        if let SyncState::BackingOff { reason, .. } = &phase {
            detail.push(crate::log::redact(reason));
        }
        let syncing = phase == SyncState::Syncing;
        Ok(SyncView {
            headline,
            detail: detail.join(" · "),
            tone: if saved.dead > 0 && tone == Tone::Good {
                Tone::Attention
            } else {
                tone
            },
            pending: n(saved.pending),
            dead: n(saved.dead),
            can_sync_now: self.sync.is_some() && !syncing,
            needs,
            phase,
        })
    }

    /// "Sync now" (pull-to-refresh, a background task, the CLI): one run through the one sync
    /// service, joined if one is in flight; says what to do next.
    pub async fn sync_now(&self) -> Result<SyncOutcome> {
        let Some(service) = &self.sync else {
            return Ok(SyncOutcome {
                advice: SyncAdvice::NeedsDriver,
                message: "Sync is off: no fleet server is configured".into(),
                view: self.sync_view()?,
            });
        };
        let result = service.sync_now().await;
        let (advice, message) = match &result {
            Ok(r) => (
                SyncAdvice::Done,
                format!(
                    "Synced: {} sent, {} updated, {} removed",
                    plural(r.uploaded + r.duplicates, "event", "events"),
                    plural(r.trips_updated, "trip", "trips"),
                    plural(r.trips_removed, "trip", "trips")
                ),
            ),
            Err(SyncError::Retry { offline: true, .. }) => (
                SyncAdvice::RetryLater,
                "No connection: your events are saved and will be sent".into(),
            ),
            Err(SyncError::Retry { .. } | SyncError::Stop { .. }) => (
                SyncAdvice::RetryLater,
                "The fleet server is not answering well: will retry".into(),
            ),
            Err(SyncError::SignInRequired) => (
                SyncAdvice::NeedsDriver,
                "Sign in again: your events are kept".into(),
            ),
            Err(SyncError::UpdateRequired) => (
                SyncAdvice::NeedsDriver,
                "Update the app: your events are kept".into(),
            ),
            Err(SyncError::Local {
                failure: LocalFailure::DatabaseTooNew | LocalFailure::Storage,
                ..
            }) => (
                SyncAdvice::Failed,
                "This phone's storage failed: sync stopped".into(),
            ),
            Err(SyncError::Local { .. }) => (
                SyncAdvice::RetryLater,
                "Sync failed on this phone: will retry".into(),
            ),
        };
        // The badge as this run left it: another run (the loop's) may already have started.
        let phase = match &result {
            Ok(_) => SyncState::Idle,
            Err(e) => crate::sync::state_of(e, self.now()),
        };
        Ok(SyncOutcome {
            advice,
            message,
            view: self.view_of(Some(phase))?,
        })
    }

    // --- Start ---

    /// Where the app starts: sign-in without a token, then the first sync, then the trips.
    pub fn start_screen(&self, signed_in: bool) -> Result<StartScreen> {
        let sync = self.sync_view()?;
        let never_synced = self.core.sync_status()?.last_success.is_none();
        let (step, title, message) = if !signed_in || sync.needs == Some(Need::SignIn) {
            (
                StartStep::SignIn,
                "Sign in",
                "Enter the driver token your fleet gave you. It is kept in this phone's secure storage.",
            )
        } else if never_synced && self.core.trips()?.is_empty() {
            (
                StartStep::FirstSync,
                "Getting your trips",
                "Your trips appear here after the first sync. You can record events offline.",
            )
        } else {
            (StartStep::Ready, "Trips", "")
        };
        let sign_in = step == StartStep::SignIn;
        Ok(StartScreen {
            step,
            title: title.into(),
            message: message.into(),
            input: sign_in.then(|| FormInput::Text {
                id: "token".into(),
                label: "Driver token".into(),
                hint: "From your fleet manager".into(),
                required: true,
                max_chars: n(TOKEN_MAX),
                value: String::new(),
            }),
            submit_label: sign_in.then(|| "Sign in".to_string()),
            sync,
        })
    }

    /// Checks a typed token before the shell stores it: trimmed, not empty, visible ASCII
    /// (what an HTTP header can carry), at most 512 characters.
    pub fn check_token(&self, token: &str) -> SignInOutcome {
        let token = token.trim();
        let message = if token.is_empty() {
            "Enter the token your fleet gave you"
        } else if token.len() > TOKEN_MAX {
            "This is too long for a driver token: check what was pasted"
        } else if !token.bytes().all(|b| b.is_ascii_graphic()) {
            "A driver token has no spaces or special characters: check what was pasted"
        } else {
            return SignInOutcome::Accepted {
                token: token.to_string(),
            };
        };
        SignInOutcome::Refused {
            message: message.into(),
        }
    }

    /// The shell stored a new token: sync soon.
    pub fn signed_in(&self) {
        crate::log::info("app", "signed in: sync requested");
        if let Some(s) = &self.sync {
            s.request_sync();
        }
    }

    /// What opening had to repair, once per launch until dismissed.
    pub fn recovery_notice(&self) -> Option<Notice> {
        if self.recovery_dismissed.load(Ordering::Relaxed) {
            return None;
        }
        recovery_lines(&self.core.recovery()).map(|lines| Notice {
            title: "Your data was repaired".into(),
            lines,
            tone: Tone::Attention,
            dismiss_label: Some("OK".into()),
            needs: None,
        })
    }

    /// The driver read the recovery notice.
    pub fn dismiss_recovery(&self) {
        self.recovery_dismissed.store(true, Ordering::Relaxed);
    }

    // --- Trips ---

    /// The trip list with the sync badge.
    pub fn trip_list(&self) -> Result<TripListScreen> {
        let current = match self.core.resolve_trip_id(None) {
            Ok(id) => Some(id),
            Err(Error::NoActiveTrip) => None,
            Err(e) => return Err(e),
        };
        let mut rows = Vec::new();
        for t in self.core.trips()? {
            let status = self.core.trip_status(&t.id)?;
            rows.push(TripRow {
                title: format!("{} {}", t.regime.as_str(), t.trip_number),
                detail: format!(
                    "To {} · ETA {}",
                    t.port_of_entry,
                    time::eta(&t.eta_local, &t.eta_zone)
                ),
                tone: tone_of(t.state, &status),
                status: status.headline,
                current: current.as_deref() == Some(t.id.as_str()),
                state: t.state,
                id: t.id,
            });
        }
        Ok(TripListScreen {
            title: "Trips".into(),
            empty_text: rows.is_empty().then(|| {
                "No trips on this phone yet. Trips your fleet assigns appear after a sync.".into()
            }),
            rows,
            sync: self.sync_view()?,
        })
    }

    /// The trip screen. A trip no longer on the phone is `Error::UnknownTrip`.
    pub fn trip_screen(&self, trip_id: &str) -> Result<TripScreen> {
        let crate::ManifestScreen { view, actions } = self.core.manifest_screen(trip_id)?;
        let stored = self.core.trip(trip_id)?;
        let events = self.trip_events(trip_id)?;
        let corrected = form::corrected_ids(&events);
        let mut buttons: Vec<ActionButton> = actions
            .iter()
            .map(|a| ActionButton {
                id: a.kind.as_str().into(),
                kind: a.kind,
                label: a.label.clone(),
                recommended: a.recommended,
                opens_form: form::opens_form(a.kind),
            })
            .collect();
        if view.state == TripState::Active
            && form::correctable(&events, &corrected).next().is_some()
        {
            buttons.push(ActionButton {
                id: EventKind::Correction.as_str().into(),
                kind: EventKind::Correction,
                label: "Correct an event".into(),
                recommended: false,
                opens_form: true,
            });
        }
        // The recommended step first; the rest keep trip order.
        buttons.sort_by_key(|b| !b.recommended);
        let now = self.now();
        let history = events
            .iter()
            .rev()
            .map(|e| EventRow {
                id: e.event_id.clone(),
                text: form::event_text(e),
                time: time::clock_time_of(&e.occurred_at, now, self.zone),
                state_text: match e.state {
                    DeliveryState::Pending => "Not yet sent".into(),
                    DeliveryState::Sent => "Sent".into(),
                    DeliveryState::Dead => "Refused by the fleet server".into(),
                },
                state: e.state,
                corrected: corrected.contains(e.event_id.as_str()),
            })
            .collect();
        let s = &stored.summary;
        let banner = view.amendment.as_ref().map(|a| banner(a, &buttons));
        // What customs' latest answers ask of the driver, first thing on the screen.
        let customs_advice = stored
            .customs
            .as_ref()
            .map(|c| c.advice(s.regime, &s.port_of_entry))
            .filter(|a| !a.is_empty() && view.state == TripState::Active)
            .map(|a| a.join(" "));
        let papers = stored
            .manifest
            .as_ref()
            .map(crate::paper::SheetKind::for_trip)
            .unwrap_or_default()
            .into_iter()
            .map(|k| PaperButton {
                id: k.as_str().into(),
                label: format!("Print the {}", k.title()),
            })
            .collect();
        Ok(TripScreen {
            banner,
            papers,
            tone: match (tone_of(view.state, &view.status), &customs_advice) {
                (Tone::Neutral | Tone::Good, Some(_)) => Tone::Attention,
                (tone, _) => tone,
            },
            notice: tombstone_notice(view.state).or(customs_advice),
            eta: format!("ETA {}", time::eta(&s.eta_local, &s.eta_zone)),
            headline: view.status.headline.clone(),
            customs: view
                .status
                .customs
                .as_ref()
                .map(crate::status::CustomsLine::display),
            codes: view.codes.iter().map(code_button).collect(),
            trip_id: view.trip_id,
            version: view.version,
            title: view.title,
            state: view.state,
            amendment: view.amendment,
            sections: view.sections,
            warnings: view.warnings,
            actions: buttons,
            history,
        })
    }

    fn trip_events(&self, trip_id: &str) -> Result<Vec<StatusEvent>> {
        self.core.events(&EventFilter {
            trip_id: Some(trip_id.to_string()),
            pending_only: false,
        })
    }

    /// The form of a status action: every input it needs, with defaults.
    pub fn record_form(&self, trip_id: &str, kind: EventKind) -> Result<RecordForm> {
        let stored = self.core.trip(trip_id)?;
        let status = self.core.trip_status(trip_id)?;
        let events = self.trip_events(trip_id)?;
        Ok(form::build(&stored, &status, &events, kind, |at| {
            time::clock_time_of(at, self.now(), self.zone)
        }))
    }

    /// Records an action with the driver's inputs. Refusals change nothing and name what to
    /// fix; a storage failure is an error (the screen shows it as such).
    pub fn record(&self, intent: &RecordIntent) -> Result<RecordOutcome> {
        // The form's preselected choices fill what the driver left out. A trip the cache lost
        // (rebuilt after damage) has no form, and recording still works from what the outbox
        // remembers of it: recording never depends on the cache.
        let filled;
        let intent = match self.record_form(&intent.trip_id, intent.kind) {
            Ok(form) => {
                filled = form::with_defaults(intent, &form);
                &filled
            }
            Err(Error::UnknownTrip(_)) => intent,
            Err(e) => return Err(e),
        };
        let input = match form::to_input(intent) {
            Ok(input) => input,
            Err(refused) => return Ok(refused),
        };
        match self.core.record_event(input) {
            Ok(event) => {
                if let Some(s) = &self.sync {
                    s.request_sync();
                }
                Ok(RecordOutcome::Recorded {
                    message: format!(
                        "{} saved · it will be sent when the phone is online",
                        event.kind.label()
                    ),
                    event_id: event.event_id,
                })
            }
            Err(Error::Document(DocumentError::InvalidInput { field, rule })) => {
                crate::log::warn(
                    "record",
                    &format!("{} refused: {field} {rule}", intent.kind),
                );
                Ok(RecordOutcome::Refused {
                    message: format!("{} {rule}", form::input_label(&field)),
                    input: Some(field),
                })
            }
            Err(Error::UnknownTrip(_)) => Ok(RecordOutcome::Refused {
                input: None,
                message: "This trip is no longer on this phone".into(),
            }),
            Err(e) => Err(e),
        }
    }

    /// A sheet of the trip as a file to share or print (`paper_id` is a [`PaperButton::id`];
    /// `detailed`: the lead sheet with shipper, consignee and goods).
    pub fn paper(&self, trip_id: &str, paper_id: &str, detailed: bool) -> Result<PaperFile> {
        let kind: crate::paper::SheetKind = paper_id.parse()?;
        let options = crate::paper::SheetOptions {
            detailed,
            ..Default::default()
        };
        let sheet = self.core.sheet(trip_id, kind, &options)?;
        let number = self.core.trip(trip_id)?.summary.trip_number;
        let notice = (!sheet.replaced.is_empty()).then(|| {
            let chars: String = sheet.replaced.iter().collect();
            format!(
                "Some letters cannot be printed in the standard fonts and show as \"?\": {chars}"
            )
        });
        Ok(PaperFile {
            file_name: format!("{} {number} v{}.pdf", kind.title(), sheet.trip_version),
            mime_type: "application/pdf".into(),
            title: format!("{} {number}", kind.title()),
            pdf: sheet.pdf,
            notice,
        })
    }

    /// The border screen: the chosen code (by its [`CodeButton::id`]) or the first one. A
    /// trip without codes (cancelled, unassigned) says so instead of showing a blank screen.
    pub fn border_screen(&self, trip_id: &str, code_id: Option<&str>) -> Result<BorderScreen> {
        let screen = self.core.manifest_screen(trip_id)?.view;
        let codes: Vec<CodeButton> = screen.codes.iter().map(code_button).collect();
        let chosen = match code_id {
            Some(id) => codes.iter().find(|c| c.id == id),
            None => codes.first(),
        };
        let mut out = BorderScreen {
            trip_id: trip_id.to_string(),
            title: screen.title.clone(),
            selected: chosen.map(|c| c.id.clone()),
            code: None,
            notice: None,
            keep_screen_on: false,
            codes: codes.clone(),
        };
        let Some(chosen) = chosen else {
            out.notice = Some(tombstone_notice(screen.state).unwrap_or_else(|| {
                "That code is not on this trip (the fleet changed it). Choose another.".into()
            }));
            return Ok(out);
        };
        match self
            .core
            .border_code(trip_id, chosen.kind, chosen.shipment.as_deref())
        {
            Ok(code) => {
                out.title = code.title.clone();
                out.code = Some(code);
                out.keep_screen_on = true;
            }
            Err(Error::Barcode { reason, .. }) => {
                out.notice = Some(format!("This code cannot be drawn: {reason}"));
            }
            Err(e) => return Err(e),
        }
        Ok(out)
    }
}

/// The amendment as the banner says it.
fn banner(a: &crate::amend::Amendment, actions: &[ActionButton]) -> Banner {
    let mut lines = a.changes.clone();
    let shipments = [
        ("Shipment added", &a.shipments_added),
        ("Shipment removed", &a.shipments_removed),
        ("Shipment changed", &a.shipments_changed),
    ];
    for (what, list) in shipments {
        lines.extend(list.iter().map(|s| format!("{what}: {s}")));
    }
    if !a.sheets_void.is_empty() {
        lines.push(format!(
            "Void if printed before: {}. Print them again.",
            a.sheets_void.join(", ")
        ));
    } else if a.codes_changed {
        lines.push(
            "A border code changed: papers printed for this trip are void; print them again."
                .into(),
        );
    }
    Banner {
        title: format!(
            "Your fleet changed this trip (version {} → {})",
            a.from_version, a.to_version
        ),
        lines,
        papers_void: a.codes_changed || !a.sheets_void.is_empty(),
        acknowledge: actions
            .iter()
            .find(|b| b.kind == EventKind::TripAcknowledged)
            .map(|b| ActionButton {
                label: "Acknowledge the changes".into(),
                ..b.clone()
            }),
    }
}

/// The shells' own words.
pub fn shell_texts() -> ShellTexts {
    let t = |s: &str| s.to_string();
    ShellTexts {
        retry: t("Try again"),
        back: t("Back to trips"),
        close: t("Close"),
        sync_now: t("Sync now"),
        opening: t("Opening…"),
        token_store_locked: t(
            "This phone's secure storage is locked. Unlock the phone and try again.",
        ),
        current_trip: t("Current trip"),
        show_codes: t("Show at the border"),
        share: t("Share"),
        tone_neutral: t("Information"),
        tone_good: t("Done"),
        tone_attention: t("Needs a look"),
        tone_problem: t("Act now"),
    }
}

fn code_button(c: &CodeChoice) -> CodeButton {
    let label = match (c.kind, &c.shipment) {
        (CodeKind::Qr, _) => "Trip number (QR)".to_string(),
        (CodeKind::Crn128, _) => "CRN (Code 128)".into(),
        (CodeKind::Ccn128, Some(s)) => format!("PARS {s}"),
        (CodeKind::Ace39, Some(s)) => format!("PAPS {s}"),
        (CodeKind::Ace39, None) => "Trip number (Code 39)".into(),
        (CodeKind::AceQr, _) => "ACE QR".into(),
        (CodeKind::Ccn128, None) => "CCN (Code 128)".into(),
    };
    CodeButton {
        id: match &c.shipment {
            Some(s) => format!("{}:{s}", c.kind.as_str()),
            None => c.kind.as_str().to_string(),
        },
        kind: c.kind,
        shipment: c.shipment.clone(),
        label,
    }
}

fn tombstone_notice(state: TripState) -> Option<String> {
    match state {
        TripState::Active => None,
        TripState::Cancelled => Some(
            "Your fleet cancelled this trip. Its manifest and codes were removed from this phone: do not present it at the border."
                .into(),
        ),
        TripState::Unassigned => Some(
            "This trip is no longer assigned to you. Its manifest and codes were removed from this phone."
                .into(),
        ),
        TripState::Finished => {
            Some("This trip is finished; its personal data was removed from this phone.".into())
        }
    }
}

fn tone_of(state: TripState, status: &DisplayStatus) -> Tone {
    if state != TripState::Active {
        return Tone::Neutral;
    }
    match status.customs.as_ref().map(|c| c.code) {
        Some(CustomsStatusCode::Held | CustomsStatusCode::Rejected) => Tone::Problem,
        _ if status.dead_events > 0 || status.exceptions > 0 || status.needs_acknowledgement => {
            Tone::Attention
        }
        Some(CustomsStatusCode::Released) => Tone::Good,
        _ if status.progress_not_yet_sent => Tone::Attention,
        _ => Tone::Neutral,
    }
}

fn recovery_lines(r: &Recovery) -> Option<Vec<String>> {
    let mut lines = Vec::new();
    if r.cache_rebuilt {
        lines.push(
            "The trip list was damaged and was cleared. Your trips come back with the next sync."
                .into(),
        );
    }
    if r.outbox_moved_to.is_some() || r.outbox_found_empty {
        lines.push(format!(
            "The store of your recorded events was damaged. {} recovered and will be sent.",
            plural(
                usize::try_from(r.events_salvaged).unwrap_or(usize::MAX),
                "event was",
                "events were"
            )
        ));
        if r.events_unreadable > 0 {
            lines.push(format!(
                "{} could not be read. Tell your fleet what you recorded recently.",
                plural(
                    usize::try_from(r.events_unreadable).unwrap_or(usize::MAX),
                    "event",
                    "events"
                )
            ));
        }
        if r.outbox_found_empty {
            lines.push("The event store was found empty: events recorded before may be lost. Tell your fleet.".into());
        }
    }
    (!lines.is_empty()).then_some(lines)
}

/// The screen to show when the core cannot be opened at launch (instead of a crash).
pub fn startup_notice(failure: StartupFailure) -> Notice {
    let (title, lines, needs) = match failure {
        StartupFailure::TooNew => (
            "Update the app",
            vec![
                "Your data was saved by a newer version of Crossing. Install the newest version to open it.".to_string(),
                "Nothing was changed or deleted.".to_string(),
            ],
            Some(Need::UpdateApp),
        ),
        StartupFailure::Storage => (
            "Crossing cannot open its data",
            vec![
                "The phone's storage could not be read or written. Free some space, then open Crossing again.".to_string(),
                "Nothing was deleted.".to_string(),
            ],
            None,
        ),
        StartupFailure::Other => (
            "Crossing cannot start",
            vec!["Something is wrong with this install. Open Crossing again; if this stays, tell your fleet.".to_string()],
            None,
        ),
    };
    Notice {
        title: title.into(),
        lines,
        tone: Tone::Problem,
        dismiss_label: None,
        needs,
    }
}

impl From<&Error> for StartupFailure {
    fn from(e: &Error) -> Self {
        match e {
            Error::DatabaseTooNew { .. } => StartupFailure::TooNew,
            Error::Storage(_) | Error::Io { .. } | Error::Corrupt(_) => StartupFailure::Storage,
            Error::Document(_)
            | Error::UnknownTrip(_)
            | Error::NoActiveTrip
            | Error::Barcode { .. } => StartupFailure::Other,
        }
    }
}
