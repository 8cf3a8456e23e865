//! The trip status the driver sees, derived from what customs reported (through the fleet)
//! and the events recorded on this device. A pure function: no I/O, no clock.
//!
//! Rules:
//! - corrected events and dead-lettered events do not count;
//! - progress is the furthest step reached (facts may be tapped out of order);
//! - a step backed only by events not yet sent is marked "not yet sent";
//! - "Released" is never shown on the driver's word alone: the driver's release shows as
//!   "Crossed", and only the customs status says "Released";
//! - a trip version without a matching acknowledgement needs the driver's acknowledgement.

use std::collections::HashSet;

use serde::Serialize;

use crate::events::{DeliveryState, EventKind, Inspection, StatusEvent};
use crate::model::{CustomsStatus, CustomsStatusCode};
use crate::store::trips::TripState;
use crate::text::{tr, Text};

/// How far along the trip is, by the driver's own events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    /// Assigned; nothing recorded yet.
    Assigned,
    /// Manifest acknowledged.
    Acknowledged,
    /// Left the origin.
    DepartedOrigin,
    /// At the border.
    AtBorder,
    /// In primary or secondary inspection.
    InInspection,
    /// Driver reports being let through.
    Crossed,
    /// At the consignee.
    ArrivedAtConsignee,
    /// Every shipment delivered.
    Delivered,
}

impl Progress {
    fn of(kind: EventKind) -> Option<Progress> {
        Some(match kind {
            EventKind::TripAcknowledged => Progress::Acknowledged,
            EventKind::DepartedOrigin => Progress::DepartedOrigin,
            EventKind::ArrivedAtBorder => Progress::AtBorder,
            EventKind::InInspection => Progress::InInspection,
            EventKind::Released => Progress::Crossed,
            EventKind::ArrivedAtConsignee | EventKind::Delivered => Progress::ArrivedAtConsignee,
            EventKind::Exception | EventKind::Correction => return None,
        })
    }
}

/// Inputs of [`derive`]: what the cache and the outbox know about one trip.
#[derive(Debug, Clone, Copy)]
pub struct StatusInputs<'a> {
    /// The driver's language.
    pub text: &'a Text,
    /// Active, cancelled, unassigned, finished.
    pub state: TripState,
    /// The trip version on the device.
    pub version: i64,
    /// Customs status passed on by the fleet.
    pub customs: Option<&'a CustomsStatus>,
    /// Control numbers of the trip's shipments (empty for a tombstone).
    pub shipments: &'a [String],
    /// This trip's events, in device order.
    pub events: &'a [StatusEvent],
}

/// The status line(s) a screen shows for a trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisplayStatus {
    /// One line for the driver, e.g. "At the border (0453) · not yet sent".
    pub headline: String,
    /// Furthest step reached by the driver's events.
    pub progress: Progress,
    /// The step rests only on events not yet sent to the fleet.
    pub progress_not_yet_sent: bool,
    /// Customs status (code and label), labelled as coming from customs.
    pub customs: Option<CustomsLine>,
    /// The driver has not acknowledged this trip version yet.
    pub needs_acknowledgement: bool,
    /// Shipments marked delivered.
    pub delivered: Vec<String>,
    /// Events waiting to be sent.
    pub pending_events: usize,
    /// Events the server refused for good.
    pub dead_events: usize,
    /// Exceptions recorded (not corrected).
    pub exceptions: usize,
}

/// The customs part of the status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomsLine {
    /// Status code.
    pub code: CustomsStatusCode,
    /// Words for the driver.
    pub label: String,
    /// When customs reported it.
    pub reported_at: String,
}

impl CustomsLine {
    /// The line as shown on the status card: the label, marked as customs' word, not the
    /// driver's (`Released (customs)`).
    #[inline]
    pub fn display(&self, t: &Text) -> String {
        tr!(t, "customs-marked", status = self.label.as_str())
    }
}

/// A customs status in words: the fleet's own description in English (its free text is
/// English), the status code's words in any other language.
pub fn customs_words(t: &Text, c: &CustomsStatus) -> String {
    match &c.description {
        Some(d) if t.lang() == crate::text::Lang::En => d.clone(),
        _ => t.get(c.code.text_id(), &[]),
    }
}

/// Derives the displayed status of one trip.
pub fn derive(input: StatusInputs<'_>) -> DisplayStatus {
    let live = live_events(input.events);
    let delivered = delivered_shipments(&live);
    let all_delivered =
        !input.shipments.is_empty() && input.shipments.iter().all(|s| delivered.contains(s));

    let step = |e: &StatusEvent| -> Option<Progress> {
        match Progress::of(e.kind) {
            Some(Progress::ArrivedAtConsignee)
                if e.kind == EventKind::Delivered && all_delivered =>
            {
                Some(Progress::Delivered)
            }
            // An acknowledgement of an older version does not acknowledge this one.
            Some(Progress::Acknowledged) if e.trip_version_seen != input.version => None,
            other => other,
        }
    };
    let progress = live
        .iter()
        .filter_map(|e| step(e))
        .max()
        .unwrap_or(Progress::Assigned);
    let at_step: Vec<&&StatusEvent> = live.iter().filter(|e| step(e) == Some(progress)).collect();
    let progress_not_yet_sent =
        !at_step.is_empty() && at_step.iter().all(|e| e.state == DeliveryState::Pending);

    let needs_acknowledgement = input.state == TripState::Active
        && !live
            .iter()
            .any(|e| e.kind == EventKind::TripAcknowledged && e.trip_version_seen == input.version);

    let customs = input.customs.map(|c| CustomsLine {
        code: c.code,
        label: customs_words(input.text, c),
        reported_at: c.reported_at.clone(),
    });

    let latest_at_step = at_step.last().copied().copied();
    let headline = headline(
        &input,
        progress,
        progress_not_yet_sent,
        latest_at_step,
        &delivered,
    );

    DisplayStatus {
        headline,
        progress,
        progress_not_yet_sent,
        customs,
        needs_acknowledgement,
        delivered,
        pending_events: input
            .events
            .iter()
            .filter(|e| e.state == DeliveryState::Pending)
            .count(),
        dead_events: input
            .events
            .iter()
            .filter(|e| e.state == DeliveryState::Dead)
            .count(),
        exceptions: live
            .iter()
            .filter(|e| e.kind == EventKind::Exception)
            .count(),
    }
}

/// The events that count: not dead-lettered, and not corrected by a later correction.
fn live_events(events: &[StatusEvent]) -> Vec<&StatusEvent> {
    let corrected: HashSet<&str> = events
        .iter()
        .filter(|e| e.kind == EventKind::Correction && e.state != DeliveryState::Dead)
        .filter_map(|e| e.corrects.as_deref())
        .collect();
    events
        .iter()
        .filter(|e| e.state != DeliveryState::Dead && !corrected.contains(e.event_id.as_str()))
        .collect()
}

/// The shipments the driver marked delivered, once each, in the order they were.
fn delivered_shipments(live: &[&StatusEvent]) -> Vec<String> {
    let mut delivered: Vec<String> = Vec::new();
    for e in live.iter().filter(|e| e.kind == EventKind::Delivered) {
        if let Some(s) = &e.shipment {
            if !delivered.contains(s) {
                delivered.push(s.clone());
            }
        }
    }
    delivered
}

/// The status card's first line: the trip's state, or the driver's progress with "not yet
/// sent" and what customs said (or that a crossing's release is not confirmed).
fn headline(
    input: &StatusInputs<'_>,
    progress: Progress,
    progress_not_yet_sent: bool,
    latest_at_step: Option<&StatusEvent>,
    delivered: &[String],
) -> String {
    let t = input.text;
    let mut headline = match input.state {
        TripState::Cancelled => t.get("status-cancelled", &[]),
        TripState::Unassigned => t.get("status-unassigned", &[]),
        TripState::Finished => t.get("status-finished", &[]),
        TripState::Active => {
            progress_words(t, progress, latest_at_step, delivered, input.shipments)
        }
    };
    let mut then = |id: &str| {
        headline = tr!(
            t,
            "status-joined",
            first = std::mem::take(&mut headline),
            second = t.get(id, &[])
        );
    };
    if input.state == TripState::Active {
        if progress_not_yet_sent {
            then("status-not-yet-sent");
        }
        match input.customs.map(|c| c.code) {
            Some(CustomsStatusCode::Released) => then("customs-released-by"),
            Some(CustomsStatusCode::Held) => then("customs-held-by"),
            Some(CustomsStatusCode::Rejected) => then("customs-rejected-by"),
            _ if progress == Progress::Crossed => then("status-release-not-confirmed"),
            _ => {}
        }
    }
    headline
}

fn progress_words(
    t: &Text,
    p: Progress,
    latest: Option<&StatusEvent>,
    delivered: &[String],
    shipments: &[String],
) -> String {
    let id = match p {
        Progress::Assigned => "status-assigned",
        Progress::Acknowledged => "status-acknowledged",
        Progress::DepartedOrigin => "status-departed",
        Progress::AtBorder => match latest.and_then(|e| e.port.as_deref()) {
            Some(port) => return tr!(t, "status-at-border-port", port = port),
            None => "status-at-border",
        },
        Progress::InInspection => match latest.and_then(|e| e.inspection) {
            Some(Inspection::Secondary) => "status-secondary",
            _ => "status-primary",
        },
        Progress::Crossed => "status-crossed",
        Progress::ArrivedAtConsignee if !delivered.is_empty() => {
            return tr!(
                t,
                "status-delivering",
                delivered = delivered.len(),
                total = shipments.len()
            )
        }
        Progress::ArrivedAtConsignee => "status-at-consignee",
        Progress::Delivered => "status-delivered",
    };
    t.get(id, &[])
}

/// A status button the driver may press now, with what it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    /// The event it records.
    pub kind: EventKind,
    /// Button label.
    pub label: String,
    /// The next expected step (show it prominently).
    pub recommended: bool,
    /// A shipment must be chosen (from `shipments`).
    pub needs_shipment: bool,
    /// Primary or secondary must be chosen.
    pub needs_inspection: bool,
    /// A note is required.
    pub needs_note: bool,
    /// Shipments to choose from.
    pub shipments: Vec<String>,
}

fn action(t: &Text, kind: EventKind, recommended: bool) -> Action {
    Action {
        kind,
        label: t.get(kind.text_id(), &[]),
        recommended,
        needs_shipment: kind == EventKind::Delivered,
        needs_inspection: kind == EventKind::InInspection,
        needs_note: kind == EventKind::Exception,
        shipments: Vec::new(),
    }
}

/// The status actions that make sense now, in trip order, the next step marked recommended.
/// Corrections are offered on an event, not here.
pub fn allowed_actions(
    state: TripState,
    status: &DisplayStatus,
    shipments: &[String],
    t: &Text,
) -> Vec<Action> {
    let action = |kind, recommended| action(t, kind, recommended);
    use EventKind as K;
    use Progress as P;
    if state != TripState::Active {
        return vec![action(K::Exception, false)];
    }
    let p = status.progress;
    let mut out = Vec::new();
    let next = |k: K| -> bool {
        match k {
            K::TripAcknowledged => status.needs_acknowledgement,
            K::DepartedOrigin => !status.needs_acknowledgement && p < P::DepartedOrigin,
            K::ArrivedAtBorder => p == P::DepartedOrigin,
            K::Released => matches!(p, P::AtBorder | P::InInspection),
            K::ArrivedAtConsignee => p == P::Crossed,
            K::Delivered => p == P::ArrivedAtConsignee,
            _ => false,
        }
    };
    if status.needs_acknowledgement {
        out.push(action(K::TripAcknowledged, true));
    }
    if p < P::DepartedOrigin {
        out.push(action(K::DepartedOrigin, next(K::DepartedOrigin)));
    }
    if p < P::AtBorder {
        out.push(action(K::ArrivedAtBorder, next(K::ArrivedAtBorder)));
    }
    if matches!(p, P::AtBorder | P::InInspection) {
        out.push(action(K::InInspection, false));
        out.push(action(K::Released, next(K::Released)));
    }
    if p >= P::Crossed && p < P::Delivered {
        if p < P::ArrivedAtConsignee {
            out.push(action(K::ArrivedAtConsignee, next(K::ArrivedAtConsignee)));
        }
        let open: Vec<String> = shipments
            .iter()
            .filter(|s| !status.delivered.contains(s))
            .cloned()
            .collect();
        if !open.is_empty() {
            let mut d = action(K::Delivered, next(K::Delivered));
            d.shipments = open;
            out.push(d);
        }
    }
    out.push(action(K::Exception, false));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(seq: i64, kind: EventKind, state: DeliveryState) -> StatusEvent {
        StatusEvent {
            event_id: format!("e{seq}"),
            device_seq: seq,
            trip_id: "T1".into(),
            trip_version_seen: 2,
            kind,
            port: (kind == EventKind::ArrivedAtBorder).then(|| "0453".to_string()),
            shipment: None,
            inspection: (kind == EventKind::InInspection).then_some(Inspection::Secondary),
            corrects: None,
            note: None,
            occurred_at: "2026-11-25T10:00:00-05:00".into(),
            recorded_at: "2026-11-25T10:00:00-05:00".into(),
            state,
            attempts: 0,
            last_error: None,
        }
    }

    fn run(
        events: &[StatusEvent],
        customs: Option<&CustomsStatus>,
        shipments: &[String],
    ) -> DisplayStatus {
        derive(StatusInputs {
            text: &Text::default(),
            state: TripState::Active,
            version: 2,
            customs,
            shipments,
            events,
        })
    }

    use DeliveryState::{Dead, Pending, Sent};
    use EventKind as K;

    #[test]
    fn nothing_recorded_asks_for_acknowledgement() {
        let s = run(&[], None, &[]);
        assert_eq!(s.progress, Progress::Assigned);
        assert!(s.needs_acknowledgement);
        assert!(!s.progress_not_yet_sent);
        assert_eq!(s.headline, "Assigned: acknowledge the manifest");
    }

    #[test]
    fn pending_border_arrival_is_marked_not_yet_sent() {
        let events = [
            ev(1, K::TripAcknowledged, Sent),
            ev(2, K::ArrivedAtBorder, Pending),
        ];
        let s = run(&events, None, &[]);
        assert_eq!(s.progress, Progress::AtBorder);
        assert!(s.progress_not_yet_sent);
        assert_eq!(s.headline, "At the border (0453) · not yet sent");
        assert_eq!(s.pending_events, 1);
        assert!(!s.needs_acknowledgement);
    }

    #[test]
    fn sent_events_are_not_marked() {
        let events = [ev(1, K::DepartedOrigin, Sent)];
        let s = run(&events, None, &[]);
        assert!(!s.progress_not_yet_sent);
        assert_eq!(s.headline, "Departed origin");
    }

    #[test]
    fn driver_release_never_reads_released_without_customs() {
        let events = [ev(1, K::Released, Pending)];
        let s = run(&events, None, &[]);
        assert_eq!(s.progress, Progress::Crossed);
        assert!(!s.headline.contains("Released"), "{}", s.headline);
        assert!(s.headline.contains("customs release not confirmed"));
        let customs = CustomsStatus {
            code: CustomsStatusCode::Released,
            description: None,
            reported_at: "2026-11-25T15:00:00Z".into(),
        };
        let s = run(&events, Some(&customs), &[]);
        assert!(
            s.headline.ends_with("Released by customs"),
            "{}",
            s.headline
        );
        assert_eq!(s.customs.map(|c| c.code), Some(CustomsStatusCode::Released));
    }

    #[test]
    fn corrected_and_dead_events_do_not_count() {
        let mut correction = ev(3, K::Correction, Pending);
        correction.corrects = Some("e2".into());
        correction.note = Some("tapped by mistake".into());
        let events = [
            ev(1, K::DepartedOrigin, Sent),
            ev(2, K::Released, Sent),
            correction,
        ];
        let s = run(&events, None, &[]);
        assert_eq!(s.progress, Progress::DepartedOrigin);
        let events = [
            ev(1, K::DepartedOrigin, Sent),
            ev(2, K::ArrivedAtBorder, Dead),
        ];
        let s = run(&events, None, &[]);
        assert_eq!(s.progress, Progress::DepartedOrigin);
        assert_eq!(s.dead_events, 1);
    }

    #[test]
    fn out_of_order_facts_keep_the_furthest_step() {
        let events = [
            ev(1, K::InInspection, Sent),
            ev(2, K::ArrivedAtBorder, Pending),
        ];
        let s = run(&events, None, &[]);
        assert_eq!(s.progress, Progress::InInspection);
        assert_eq!(s.headline, "In secondary inspection");
        assert!(!s.progress_not_yet_sent);
    }

    #[test]
    fn delivered_only_when_every_shipment_is() {
        let shipments = vec!["1234A0001".to_string(), "1234A0002".to_string()];
        let mut d1 = ev(1, K::Delivered, Pending);
        d1.shipment = Some(shipments[0].clone());
        let s = run(std::slice::from_ref(&d1), None, &shipments);
        assert_eq!(s.progress, Progress::ArrivedAtConsignee);
        assert_eq!(
            s.headline,
            "Delivering: 1 of 2 shipments delivered · not yet sent"
        );
        let mut d2 = ev(2, K::Delivered, Sent);
        d2.shipment = Some(shipments[1].clone());
        let s = run(&[d1, d2], None, &shipments);
        assert_eq!(s.progress, Progress::Delivered);
        assert_eq!(s.delivered.len(), 2);
    }

    #[test]
    fn acknowledging_an_older_version_still_needs_acknowledgement() {
        let mut ack = ev(1, K::TripAcknowledged, Sent);
        ack.trip_version_seen = 1;
        let s = run(&[ack], None, &[]);
        assert!(s.needs_acknowledgement);
        assert_eq!(s.progress, Progress::Assigned);
    }

    #[test]
    fn actions_follow_the_trip() {
        let kinds = |a: Vec<Action>| {
            a.into_iter()
                .map(|x| (x.kind, x.recommended))
                .collect::<Vec<_>>()
        };
        let s = run(&[], None, &[]);
        assert_eq!(
            kinds(allowed_actions(
                TripState::Active,
                &s,
                &[],
                &Text::default()
            )),
            [
                (K::TripAcknowledged, true),
                (K::DepartedOrigin, false),
                (K::ArrivedAtBorder, false),
                (K::Exception, false)
            ]
        );
        let s = run(
            &[
                ev(1, K::TripAcknowledged, Sent),
                ev(2, K::ArrivedAtBorder, Sent),
            ],
            None,
            &[],
        );
        assert_eq!(
            kinds(allowed_actions(
                TripState::Active,
                &s,
                &[],
                &Text::default()
            )),
            [
                (K::InInspection, false),
                (K::Released, true),
                (K::Exception, false)
            ]
        );
        let shipments = vec!["A1".to_string(), "A2".to_string()];
        let mut d = ev(3, K::Delivered, Pending);
        d.shipment = Some("A1".into());
        let s = run(
            &[
                ev(1, K::TripAcknowledged, Sent),
                ev(2, K::Released, Sent),
                d,
            ],
            None,
            &shipments,
        );
        let acts = allowed_actions(TripState::Active, &s, &shipments, &Text::default());
        let delivered = acts
            .iter()
            .find(|a| a.kind == K::Delivered)
            .expect("delivered offered");
        assert_eq!(delivered.shipments, ["A2"]);
        assert!(delivered.recommended && delivered.needs_shipment);
        let gone = derive(StatusInputs {
            text: &Text::default(),
            state: TripState::Cancelled,
            version: 2,
            customs: None,
            shipments: &[],
            events: &[],
        });
        assert_eq!(
            kinds(allowed_actions(
                TripState::Cancelled,
                &gone,
                &[],
                &Text::default()
            )),
            [(K::Exception, false)]
        );
    }

    #[test]
    fn tombstones_say_what_happened() {
        let s = derive(StatusInputs {
            text: &Text::default(),
            state: TripState::Cancelled,
            version: 3,
            customs: None,
            shipments: &[],
            events: &[],
        });
        assert_eq!(s.headline, "Trip cancelled by the fleet");
        assert!(!s.needs_acknowledgement);
    }
}
