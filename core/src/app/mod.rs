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
use crate::text::{tr, Text};
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
        let t = self.core.text();
        let t = &*t;
        let at = |rfc: &str| time::clock_time_of(t, rfc, now, self.zone);
        let word = |id: &str| t.get(id, &[]);
        let (headline, tone, needs) = match &phase {
            _ if self.sync.is_none() => (word("sync-off"), Tone::Neutral, None),
            SyncState::Idle if saved.last_success.is_none() => {
                (word("sync-not-yet"), Tone::Attention, None)
            }
            SyncState::Idle => (word("sync-up-to-date"), Tone::Good, None),
            SyncState::Syncing => (word("sync-syncing"), Tone::Neutral, None),
            SyncState::Offline { retry_at } => (
                tr!(t, "sync-offline-retrying", time = at(retry_at)),
                Tone::Attention,
                None,
            ),
            SyncState::BackingOff { until, .. } => (
                tr!(t, "sync-paused-retrying", time = at(until)),
                Tone::Attention,
                None,
            ),
            SyncState::SignInRequired => (
                word("sync-sign-in-again"),
                Tone::Problem,
                Some(Need::SignIn),
            ),
            SyncState::UpdateRequired => (
                word("sync-update-app"),
                Tone::Problem,
                Some(Need::UpdateApp),
            ),
        };
        let mut detail = vec![match saved
            .last_success
            .as_deref()
            .map(DateTime::parse_from_rfc3339)
        {
            Some(Ok(last)) => tr!(
                t,
                "sync-last",
                ago = time::ago(t, last.with_timezone(&Utc), now, self.zone)
            ),
            _ => word("sync-none-yet"),
        }];
        if saved.pending > 0 {
            detail.push(tr!(t, "sync-waiting", count = saved.pending));
        }
        if saved.dead > 0 {
            detail.push(tr!(t, "sync-refused", count = saved.dead));
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
        let t = self.core.text();
        let Some(service) = &self.sync else {
            return Ok(SyncOutcome {
                advice: SyncAdvice::NeedsDriver,
                message: t.get("sync-outcome-off", &[]),
                view: self.sync_view()?,
            });
        };
        let result = service.sync_now().await;
        let (advice, id) = match &result {
            Ok(r) => {
                let message = tr!(
                    t,
                    "sync-outcome-done",
                    sent = tr!(t, "count-events", count = r.uploaded + r.duplicates),
                    updated = tr!(t, "count-trips", count = r.trips_updated),
                    removed = tr!(t, "count-trips", count = r.trips_removed)
                );
                return Ok(SyncOutcome {
                    advice: SyncAdvice::Done,
                    message,
                    view: self.view_of(Some(SyncState::Idle))?,
                });
            }
            Err(SyncError::Retry { offline: true, .. }) => {
                (SyncAdvice::RetryLater, "sync-outcome-offline")
            }
            Err(SyncError::Retry { .. } | SyncError::Stop { .. }) => {
                (SyncAdvice::RetryLater, "sync-outcome-server")
            }
            Err(SyncError::SignInRequired) => (SyncAdvice::NeedsDriver, "sync-outcome-sign-in"),
            Err(SyncError::UpdateRequired) => (SyncAdvice::NeedsDriver, "sync-outcome-update"),
            Err(SyncError::Local {
                failure: LocalFailure::DatabaseTooNew | LocalFailure::Storage,
                ..
            }) => (SyncAdvice::Failed, "sync-outcome-storage"),
            Err(SyncError::Local { .. }) => (SyncAdvice::RetryLater, "sync-outcome-local"),
        };
        let message = t.get(id, &[]);
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
        let t = self.core.text();
        let sync = self.sync_view()?;
        let never_synced = self.core.sync_status()?.last_success.is_none();
        let (step, title, message) = if !signed_in || sync.needs == Some(Need::SignIn) {
            (
                StartStep::SignIn,
                "start-sign-in-title",
                Some("start-sign-in-message"),
            )
        } else if never_synced && self.core.trips()?.is_empty() {
            (
                StartStep::FirstSync,
                "start-first-sync-title",
                Some("start-first-sync-message"),
            )
        } else {
            (StartStep::Ready, "start-ready-title", None)
        };
        let sign_in = step == StartStep::SignIn;
        Ok(StartScreen {
            step,
            title: t.get(title, &[]),
            message: message.map(|m| t.get(m, &[])).unwrap_or_default(),
            input: sign_in.then(|| FormInput::Text {
                id: "token".into(),
                label: t.get("start-token-label", &[]),
                hint: t.get("start-token-hint", &[]),
                required: true,
                max_chars: n(TOKEN_MAX),
                value: String::new(),
            }),
            submit_label: sign_in.then(|| t.get("start-sign-in-button", &[])),
            sync,
        })
    }

    /// Checks a typed token before the shell stores it: trimmed, not empty, visible ASCII
    /// (what an HTTP header can carry), at most 512 characters.
    pub fn check_token(&self, token: &str) -> SignInOutcome {
        let token = token.trim();
        let id = if token.is_empty() {
            "token-empty"
        } else if token.len() > TOKEN_MAX {
            "token-too-long"
        } else if !token.bytes().all(|b| b.is_ascii_graphic()) {
            "token-bad-characters"
        } else {
            return SignInOutcome::Accepted {
                token: token.to_string(),
            };
        };
        SignInOutcome::Refused {
            message: self.core.text().get(id, &[]),
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
        let t = self.core.text();
        recovery_lines(&t, &self.core.recovery()).map(|lines| Notice {
            title: t.get("recovery-title", &[]),
            lines,
            tone: Tone::Attention,
            dismiss_label: Some(t.get("recovery-ok", &[])),
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
        let t = self.core.text();
        let mut rows = Vec::new();
        for trip in self.core.trips()? {
            let status = self.core.trip_status(&trip.id)?;
            rows.push(TripRow {
                title: tr!(
                    t,
                    "trip-row-title",
                    regime = trip.regime.as_str(),
                    number = trip.trip_number.as_str()
                ),
                detail: tr!(
                    t,
                    "trip-row-detail",
                    port = trip.port_of_entry.as_str(),
                    eta = time::eta(&t, &trip.eta_local, &trip.eta_zone)
                ),
                tone: tone_of(trip.state, &status),
                status: status.headline,
                current: current.as_deref() == Some(trip.id.as_str()),
                state: trip.state,
                id: trip.id,
            });
        }
        Ok(TripListScreen {
            title: t.get("trips-title", &[]),
            empty_text: rows.is_empty().then(|| t.get("trips-empty", &[])),
            rows,
            sync: self.sync_view()?,
        })
    }

    /// The trip screen. A trip no longer on the phone is `Error::UnknownTrip`.
    pub fn trip_screen(&self, trip_id: &str) -> Result<TripScreen> {
        let t = self.core.text();
        let t = &*t;
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
                label: t.get("trip-correct-event", &[]),
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
                text: form::event_text(t, e),
                time: time::clock_time_of(t, &e.occurred_at, now, self.zone),
                state_text: t.get(
                    match e.state {
                        DeliveryState::Pending => "event-state-pending",
                        DeliveryState::Sent => "event-state-sent",
                        DeliveryState::Dead => "event-state-refused",
                    },
                    &[],
                ),
                state: e.state,
                corrected: corrected.contains(e.event_id.as_str()),
            })
            .collect();
        let s = &stored.summary;
        let banner = view.amendment.as_ref().map(|a| banner(t, a, &buttons));
        // What customs' latest answers ask of the driver, first thing on the screen.
        let customs_advice = stored
            .customs
            .as_ref()
            .map(|c| c.advice_in(s.regime, &s.port_of_entry, t))
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
                label: tr!(t, "trip-print", sheet = sheet_name(t, k)),
            })
            .collect();
        Ok(TripScreen {
            banner,
            papers,
            tone: match (tone_of(view.state, &view.status), &customs_advice) {
                (Tone::Neutral | Tone::Good, Some(_)) => Tone::Attention,
                (tone, _) => tone,
            },
            notice: tombstone_notice(t, view.state).or(customs_advice),
            eta: tr!(t, "trip-eta", eta = time::eta(t, &s.eta_local, &s.eta_zone)),
            headline: view.status.headline.clone(),
            customs: view.status.customs.as_ref().map(|c| c.display(t)),
            codes: view.codes.iter().map(|c| code_button(t, c)).collect(),
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
        let t = self.core.text();
        Ok(form::build(&t, &stored, &status, &events, kind, |at| {
            time::clock_time_of(&t, at, self.now(), self.zone)
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
        let t = self.core.text();
        let input = match form::to_input(&t, intent) {
            Ok(input) => input,
            Err(refused) => return Ok(refused),
        };
        match self.core.record_event(input) {
            Ok(event) => {
                if let Some(s) = &self.sync {
                    s.request_sync();
                }
                Ok(RecordOutcome::Recorded {
                    message: tr!(t, "form-saved", action = t.get(event.kind.text_id(), &[])),
                    event_id: event.event_id,
                })
            }
            Err(Error::Document(DocumentError::InvalidInput { field, rule, msg })) => {
                crate::log::warn(
                    "record",
                    &format!("{} refused: {field} {rule}", intent.kind),
                );
                let rule = msg.map_or(rule, |m| t.msg(&m));
                Ok(RecordOutcome::Refused {
                    message: tr!(
                        t,
                        "form-refused",
                        field = form::input_label(&t, &field),
                        rule = rule
                    ),
                    input: Some(field),
                })
            }
            Err(Error::UnknownTrip(_)) => Ok(RecordOutcome::Refused {
                input: None,
                message: t.get("form-trip-gone", &[]),
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
        let t = self.core.text();
        let notice = (!sheet.replaced.is_empty()).then(|| {
            let chars: String = sheet.replaced.iter().collect();
            tr!(t, "paper-unprintable", chars = chars)
        });
        let name = sheet_name(&t, kind);
        Ok(PaperFile {
            file_name: format!(
                "{}.pdf",
                tr!(
                    t,
                    "paper-file-name",
                    sheet = name.as_str(),
                    number = number.as_str(),
                    version = sheet.trip_version.to_string()
                )
            ),
            mime_type: "application/pdf".into(),
            title: tr!(
                t,
                "paper-title",
                sheet = name.as_str(),
                number = number.as_str()
            ),
            pdf: sheet.pdf,
            notice,
        })
    }

    /// The border screen: the chosen code (by its [`CodeButton::id`]) or the first one. A
    /// trip without codes (cancelled, unassigned) says so instead of showing a blank screen.
    pub fn border_screen(&self, trip_id: &str, code_id: Option<&str>) -> Result<BorderScreen> {
        let t = self.core.text();
        let screen = self.core.manifest_screen(trip_id)?.view;
        let codes: Vec<CodeButton> = screen.codes.iter().map(|c| code_button(&t, c)).collect();
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
            out.notice = Some(
                tombstone_notice(&t, screen.state)
                    .unwrap_or_else(|| t.get("notice-code-gone", &[])),
            );
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
                out.notice = Some(tr!(t, "notice-code-cannot-draw", reason = reason));
            }
            Err(e) => return Err(e),
        }
        Ok(out)
    }
}

/// The amendment as the banner says it.
fn banner(t: &Text, a: &crate::amend::Amendment, actions: &[ActionButton]) -> Banner {
    let mut lines = a.changes.clone();
    let shipments = [
        ("banner-shipment-added", &a.shipments_added),
        ("banner-shipment-removed", &a.shipments_removed),
        ("banner-shipment-changed", &a.shipments_changed),
    ];
    for (id, list) in shipments {
        lines.extend(list.iter().map(|s| tr!(t, id, number = s)));
    }
    if !a.sheets_void.is_empty() {
        lines.push(tr!(
            t,
            "banner-sheets-void",
            sheets = a.sheets_void.join(", ")
        ));
    } else if a.codes_changed {
        lines.push(t.get("banner-codes-changed", &[]));
    }
    Banner {
        title: tr!(t, "banner-title", from = a.from_version, to = a.to_version),
        lines,
        papers_void: a.codes_changed || !a.sheets_void.is_empty(),
        acknowledge: actions
            .iter()
            .find(|b| b.kind == EventKind::TripAcknowledged)
            .map(|b| ActionButton {
                label: t.get("banner-acknowledge", &[]),
                ..b.clone()
            }),
    }
}

/// The shells' own words, in `t`'s language (the shells call it before the core opens, with
/// the phone's language list).
pub fn shell_texts(t: &Text) -> ShellTexts {
    let w = |id: &str| t.get(id, &[]);
    ShellTexts {
        retry: w("shell-retry"),
        back: w("shell-back"),
        close: w("shell-close"),
        sync_now: w("shell-sync-now"),
        opening: w("shell-opening"),
        token_store_locked: w("shell-token-store-locked"),
        current_trip: w("shell-current-trip"),
        show_codes: w("shell-show-codes"),
        share: w("shell-share"),
        tone_neutral: w("shell-tone-neutral"),
        tone_good: w("shell-tone-good"),
        tone_attention: w("shell-tone-attention"),
        tone_problem: w("shell-tone-problem"),
    }
}

/// A sheet's name ("ACI lead sheet") in the driver's language; the sheet itself is printed
/// in the officer's.
fn sheet_name(t: &Text, kind: crate::paper::SheetKind) -> String {
    t.get(&format!("sheet-{}", kind.as_str()), &[])
}

fn code_button(t: &Text, c: &CodeChoice) -> CodeButton {
    let label = match (c.kind, &c.shipment) {
        (CodeKind::Qr, _) => t.get("code-trip-qr", &[]),
        (CodeKind::Crn128, _) => t.get("code-crn-128", &[]),
        (CodeKind::Ccn128, Some(s)) => tr!(t, "code-pars", number = s),
        (CodeKind::Ace39, Some(s)) => tr!(t, "code-paps", number = s),
        (CodeKind::Ace39, None) => t.get("code-trip-39", &[]),
        (CodeKind::AceQr, _) => t.get("code-ace-qr", &[]),
        (CodeKind::Ccn128, None) => t.get("code-ccn-128", &[]),
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

fn tombstone_notice(t: &Text, state: TripState) -> Option<String> {
    let id = match state {
        TripState::Active => return None,
        TripState::Cancelled => "notice-cancelled",
        TripState::Unassigned => "notice-unassigned",
        TripState::Finished => "notice-finished",
    };
    Some(t.get(id, &[]))
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

fn recovery_lines(t: &Text, r: &Recovery) -> Option<Vec<String>> {
    let mut lines = Vec::new();
    if r.cache_rebuilt {
        lines.push(t.get("recovery-cache-rebuilt", &[]));
    }
    if r.outbox_moved_to.is_some() || r.outbox_found_empty {
        lines.push(tr!(
            t,
            "recovery-outbox-salvaged",
            count = r.events_salvaged
        ));
        if r.events_unreadable > 0 {
            lines.push(tr!(
                t,
                "recovery-outbox-unreadable",
                count = r.events_unreadable
            ));
        }
        if r.outbox_found_empty {
            lines.push(t.get("recovery-outbox-empty", &[]));
        }
    }
    (!lines.is_empty()).then_some(lines)
}

/// The screen to show when the core cannot be opened at launch (instead of a crash).
/// `t` is the phone's language ([`Text::negotiated`]): the core that would know it did not open.
pub fn startup_notice(failure: StartupFailure, t: &Text) -> Notice {
    let (title, lines, needs): (&str, &[&str], _) = match failure {
        StartupFailure::TooNew => (
            "startup-too-new-title",
            &["startup-too-new-1", "startup-too-new-2"],
            Some(Need::UpdateApp),
        ),
        StartupFailure::Storage => (
            "startup-storage-title",
            &["startup-storage-1", "startup-storage-2"],
            None,
        ),
        StartupFailure::Other => ("startup-other-title", &["startup-other-1"], None),
    };
    Notice {
        title: t.get(title, &[]),
        lines: lines.iter().map(|id| t.get(id, &[])).collect(),
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
