//! The status actions' forms: which inputs each event kind needs, their options and defaults,
//! and reading the driver's values back into an event. The rules themselves are the event
//! rules of `crossing-trip` ([`crate::events::check`]); this only asks for what they require.

use std::collections::HashSet;

use super::screens::{ChoiceOption, FormInput, RecordForm, RecordIntent, RecordOutcome};
use crate::events::{DeliveryState, EventInput, EventKind, Inspection, StatusEvent};
use crate::status::DisplayStatus;
use crate::store::trips::StoredTrip;

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
pub(super) fn event_text(e: &StatusEvent) -> String {
    let mut text = e.kind.label().to_string();
    for part in [
        e.port.as_deref(),
        e.shipment.as_deref(),
        e.inspection.map(Inspection::as_str),
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
pub(super) fn input_label(field: &str) -> &str {
    match field {
        "note" => "Note",
        "shipment" => "Shipment",
        "port" => "Port",
        "inspection" => "Inspection",
        "corrects" => "The event to correct",
        "occurred_at" => "The time",
        "kind" => "The action",
        other => other,
    }
}

fn note(required: bool, hint: &str) -> FormInput {
    FormInput::Text {
        id: "note".into(),
        label: if required { "Note" } else { "Note (optional)" }.into(),
        hint: hint.into(),
        required,
        max_chars: u32::try_from(crate::events::NOTE_MAX).unwrap_or(u32::MAX),
        value: String::new(),
    }
}

fn choice(
    id: &str,
    label: &str,
    options: Vec<ChoiceOption>,
    selected: Option<String>,
) -> FormInput {
    FormInput::Choice {
        id: id.into(),
        label: label.into(),
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
            "Tells your fleet you are at the border.",
            vec![
                FormInput::Choice {
                    id: "port".into(),
                    label: "Port".into(),
                    options: vec![option(
                        port.clone(),
                        format!("{port} · this trip's port of entry"),
                    )],
                    selected: Some(port.clone()),
                    required: true,
                    other_hint: Some("Another port: 4 digits, e.g. 0453".into()),
                },
                note(false, "Anything your fleet should know"),
            ],
        ),
        K::InInspection => (
            "Tells your fleet customs is inspecting the truck.",
            vec![
                choice(
                    "inspection",
                    "Inspection",
                    vec![
                        option(Inspection::Primary.as_str(), "Primary (at the booth)"),
                        option(
                            Inspection::Secondary.as_str(),
                            "Secondary (sent to inspection)",
                        ),
                    ],
                    None,
                ),
                note(false, "Anything your fleet should know"),
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
                "Marks one shipment delivered.",
                vec![
                    choice("shipment", "Shipment delivered", open, selected),
                    note(false, "Who received it, anything missing"),
                ],
            )
        }
        K::Exception => (
            "Tells your fleet something went wrong.",
            vec![
                note(true, "Say what happened"),
                FormInput::Choice {
                    id: "shipment".into(),
                    label: "Shipment (optional)".into(),
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
                        format!("{} · {}", event_text(e), time_of(&e.occurred_at)),
                    )
                })
                .collect();
            (
                "Replaces an event you recorded by mistake.",
                vec![
                    choice("corrects", "Event to correct", targets, None),
                    note(true, "What was wrong"),
                ],
            )
        }
        _ => ("", Vec::new()),
    };
    RecordForm {
        trip_id: stored.summary.id.clone(),
        kind,
        title: kind.label().into(),
        explanation: explanation.into(),
        inputs,
        submit_label: format!("Record: {}", kind.label()),
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
pub(super) fn to_input(intent: &RecordIntent) -> Result<EventInput, RecordOutcome> {
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
                            message: "Inspection must be primary or secondary".into(),
                        })
                    }
                }
            }
            other => {
                return Err(RecordOutcome::Refused {
                    input: Some(other.to_string()),
                    message: format!("{other:?} is not an input of this form"),
                })
            }
        }
    }
    Ok(input)
}
