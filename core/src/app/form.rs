//! The status actions' forms: which inputs each event kind needs, their options and defaults,
//! and reading the driver's values back into an event. The rules themselves are the event
//! rules of `crossing-trip` ([`crate::events::check`]); this only asks for what they require.

use std::collections::HashSet;

use super::screens::{ChoiceOption, FormInput, RecordForm, RecordIntent, RecordOutcome};
use crate::events::{DeliveryState, EventInput, EventKind, Inspection, StatusEvent};
use crate::status::DisplayStatus;
use crate::store::trips::StoredTrip;
use crate::text::{tr, Text};

/// Whether tapping the action opens its form; the others record at once.
pub(super) fn opens_form(kind: EventKind) -> bool {
    use EventKind as K;
    matches!(
        kind,
        K::ArrivedAtBorder | K::InInspection | K::Delivered | K::Exception | K::Correction
    )
}

/// Ids of events a live correction replaced.
pub(super) fn corrected_ids(events: &[StatusEvent]) -> HashSet<&str> {
    events
        .iter()
        .filter(|e| e.kind == EventKind::Correction && e.state != DeliveryState::Dead)
        .filter_map(|e| e.corrects.as_deref())
        .collect()
}

/// The events a correction may target: live, not corrections, not yet corrected.
pub(super) fn correctable<'a>(
    events: &'a [StatusEvent],
    corrected: &'a HashSet<&str>,
) -> impl Iterator<Item = &'a StatusEvent> + 'a {
    events.iter().filter(move |e| {
        e.kind != EventKind::Correction
            && e.state != DeliveryState::Dead
            && !corrected.contains(e.event_id.as_str())
    })
}

/// An event in a line: its label and what it was about.
pub(super) fn event_text(t: &Text, e: &StatusEvent) -> String {
    let mut text = t.get(e.kind.text_id(), &[]);
    let inspection = e
        .inspection
        .map(|i| t.get(&format!("inspection-{}", i.as_str()), &[]));
    for part in [
        e.port.as_deref(),
        e.shipment.as_deref(),
        inspection.as_deref(),
        e.note.as_deref(),
    ]
    .into_iter()
    .flatten()
    {
        text.push_str(" · ");
        text.push_str(part);
    }
    text
}

/// The label an input's field is named by in a refusal.
pub(super) fn input_label(t: &Text, field: &str) -> String {
    let id = match field {
        "note" => "input-note",
        "shipment" => "input-shipment",
        "port" => "input-port",
        "inspection" => "input-inspection",
        "corrects" => "input-corrects",
        "occurred_at" => "input-occurred-at",
        "kind" => "input-kind",
        other => return other.to_string(),
    };
    t.get(id, &[])
}

fn note(t: &Text, required: bool, hint: &str) -> FormInput {
    FormInput::Text {
        id: "note".into(),
        label: t.get(
            if required {
                "form-note"
            } else {
                "form-note-optional"
            },
            &[],
        ),
        hint: t.get(hint, &[]),
        required,
        max_chars: u32::try_from(crate::events::NOTE_MAX).unwrap_or(u32::MAX),
        value: String::new(),
    }
}

fn choice(
    t: &Text,
    id: &str,
    label: &str,
    options: Vec<ChoiceOption>,
    selected: Option<String>,
) -> FormInput {
    FormInput::Choice {
        id: id.into(),
        label: t.get(label, &[]),
        options,
        selected,
        required: true,
        other_hint: None,
    }
}

fn option(id: impl Into<String>, label: impl Into<String>) -> ChoiceOption {
    ChoiceOption {
        id: id.into(),
        label: label.into(),
    }
}

/// The form of `kind` for a trip: its inputs, with the trip's port as the default port, the
/// undelivered shipments to pick from, and the events a correction may target.
pub(super) fn build(
    t: &Text,
    stored: &StoredTrip,
    status: &DisplayStatus,
    events: &[StatusEvent],
    kind: EventKind,
    time_of: impl Fn(&str) -> String,
) -> RecordForm {
    use EventKind as K;
    let shipments: Vec<&str> = stored.manifest.as_ref().map_or_else(Vec::new, |t| {
        t.shipments
            .iter()
            .map(|s| s.control_number.as_str())
            .collect()
    });
    let port = &stored.summary.port_of_entry;
    let (explanation, inputs) = match kind {
        K::ArrivedAtBorder => (
            "form-explain-arrived",
            vec![
                FormInput::Choice {
                    id: "port".into(),
                    label: t.get("form-port", &[]),
                    options: vec![option(
                        port.clone(),
                        tr!(t, "form-port-of-entry", port = port),
                    )],
                    selected: Some(port.clone()),
                    required: true,
                    other_hint: Some(t.get("form-port-other", &[])),
                },
                note(t, false, "form-note-hint-fleet"),
            ],
        ),
        K::InInspection => (
            "form-explain-inspection",
            vec![
                choice(
                    t,
                    "inspection",
                    "form-inspection",
                    vec![
                        option(
                            Inspection::Primary.as_str(),
                            t.get("form-inspection-primary", &[]),
                        ),
                        option(
                            Inspection::Secondary.as_str(),
                            t.get("form-inspection-secondary", &[]),
                        ),
                    ],
                    None,
                ),
                note(t, false, "form-note-hint-fleet"),
            ],
        ),
        K::Delivered => {
            let open: Vec<ChoiceOption> = shipments
                .iter()
                .filter(|s| !status.delivered.iter().any(|d| d == *s))
                .map(|s| option(*s, *s))
                .collect();
            let selected = (open.len() == 1).then(|| open[0].id.clone());
            (
                "form-explain-delivered",
                vec![
                    choice(t, "shipment", "form-shipment-delivered", open, selected),
                    note(t, false, "form-note-hint-delivered"),
                ],
            )
        }
        K::Exception => (
            "form-explain-exception",
            vec![
                note(t, true, "form-note-hint-exception"),
                FormInput::Choice {
                    id: "shipment".into(),
                    label: t.get("form-shipment-optional", &[]),
                    options: shipments.iter().map(|s| option(*s, *s)).collect(),
                    selected: None,
                    required: false,
                    other_hint: None,
                },
            ],
        ),
        K::Correction => {
            let corrected = corrected_ids(events);
            let targets = correctable(events, &corrected)
                .map(|e| {
                    option(
                        &e.event_id,
                        format!("{} · {}", event_text(t, e), time_of(&e.occurred_at)),
                    )
                })
                .collect();
            (
                "form-explain-correction",
                vec![
                    choice(t, "corrects", "form-event-to-correct", targets, None),
                    note(t, true, "form-note-hint-correction"),
                ],
            )
        }
        _ => ("", Vec::new()),
    };
    let action = t.get(kind.text_id(), &[]);
    RecordForm {
        trip_id: stored.summary.id.clone(),
        kind,
        explanation: if explanation.is_empty() {
            String::new()
        } else {
            t.get(explanation, &[])
        },
        inputs,
        submit_label: tr!(t, "form-record", action = action.as_str()),
        title: action,
    }
}

/// Fills the values the driver left out with the form's preselected choices.
pub(super) fn with_defaults(intent: &RecordIntent, form: &RecordForm) -> RecordIntent {
    let mut out = intent.clone();
    for input in &form.inputs {
        if let FormInput::Choice {
            id,
            selected: Some(selected),
            ..
        } = input
        {
            if !out.values.iter().any(|v| &v.id == id) {
                out.values.push(super::screens::InputValue {
                    id: id.clone(),
                    value: selected.clone(),
                });
            }
        }
    }
    out
}

/// Reads the driver's values into an event input; an unknown input or a bad inspection level
/// is refused here, everything else by the event rules.
pub(super) fn to_input(t: &Text, intent: &RecordIntent) -> Result<EventInput, RecordOutcome> {
    let mut input = EventInput::new(intent.trip_id.clone(), intent.kind);
    for v in &intent.values {
        let value = Some(v.value.trim().to_string()).filter(|s| !s.is_empty());
        match v.id.as_str() {
            "note" => input.note = value,
            "shipment" => input.shipment = value,
            "port" => input.port = value,
            "corrects" => input.corrects = value,
            "inspection" => {
                input.inspection = match value.map(|s| s.parse::<Inspection>()).transpose() {
                    Ok(level) => level,
                    Err(_) => {
                        return Err(RecordOutcome::Refused {
                            input: Some("inspection".into()),
                            message: t.get("form-inspection-level", &[]),
                        })
                    }
                }
            }
            other => {
                return Err(RecordOutcome::Refused {
                    input: Some(other.to_string()),
                    message: tr!(t, "form-unknown-input", input = other),
                })
            }
        }
    }
    Ok(input)
}
