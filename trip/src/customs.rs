//! Where customs stands for a trip and each of its shipments, as the fleet's eManifest provider
//! relayed it (BorderConnect's `ACI_NOTICE`, `RNS_SHIPMENT`, …; `docs/borderconnect.md`).
//!
//! The fleet server keeps every answer and derives one [`CustomsState`] per trip: the latest
//! standing of the trip and of each shipment. It reaches the phone as a `customs` change, beside
//! the trip, never inside it: a customs answer is not an amendment, bumps no version, and voids
//! no printed code.
//!
//! A standing carries the provider's raw code and wording always, and a [`CustomsSignal`] only
//! when a source confirms what the code means. Codes whose meaning no source confirms (CBP's
//! trip and shipment status codes, CBSA's RNS release codes) are shown as they came, never
//! guessed.

use crossing_text::{tr, Text};
use serde::{Deserialize, Serialize};

use crate::model::{CustomsStatusCode, Regime};

/// The latest customs standing of a trip and of each shipment that customs spoke about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomsState {
    /// The trip (conveyance) as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trip: Option<Standing>,
    /// Shipments (each with its `control_number`), in the order customs first spoke about them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shipments: Vec<Standing>,
}

/// One answer of customs (or of the provider), as the driver is shown it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Standing {
    /// The shipment it is about (CCN or SCN, as on the label); `None` for the trip. One record
    /// for both keeps the phone's parser small (each struct is a parser instantiation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_number: Option<String>,
    /// The message kind it came in (`ACI_NOTICE`, `RNS_SHIPMENT`, `ACE_RESPONSE`, …).
    pub source: String,
    /// The raw code, exactly as sent (`NOT_MATCHED`, `ACCEPT`, `1C`, `4`).
    pub code: String,
    /// What the code means, when a source confirms it; `None` shows the raw code and text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal: Option<CustomsSignal>,
    /// The provider's or agency's words (a release code's name, a rejection's reasons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The agency's time stamp as sent (`yyyy-mm-dd hh:mm:ss`; no source states its zone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customs_time: Option<String>,
    /// When the fleet server received it (RFC 3339, UTC).
    pub received_at: String,
}

/// What an answer means, for the codes a source confirms (`docs/borderconnect.md` lists which
/// source confirms each). Unknown values, from a newer server, read as [`CustomsSignal::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomsSignal {
    /// The provider sent the manifest to customs (`API_RESPONSE` `TRANSMITTED`).
    Transmitted,
    /// The provider could not take or send it (`API_RESPONSE` `…_ERROR`, `…_WITH_ERRORS`).
    ProviderError,
    /// Customs accepted it: on file (`ACI_RESPONSE` `ACCEPT`; `ACE_RESPONSE` processing with
    /// no shipment rejected).
    Accepted,
    /// Customs rejected it (`ACI_RESPONSE` `REJECT`; `ACE_RESPONSE` rejected shipments or
    /// validation responses).
    Rejected,
    /// CBSA matched the broker's release data to the PARS (`ACI_NOTICE` `MATCHED`).
    Matched,
    /// CBSA has no broker's release data for the PARS (`ACI_NOTICE` `NOT_MATCHED`).
    NotMatched,
    /// CBSA reported the truck's arrival (`ACI_NOTICE` `ARRIVAL_REPORTED`).
    ArrivalReported,
    /// CBSA had less than its review time before arrival
    /// (`ACI_NOTICE` `INSUFFICIENT_REVIEW_TIME_WARNING`).
    ReviewTimeWarning,
    /// A meaning this version does not know.
    #[serde(other)]
    Other,
}

impl CustomsSignal {
    /// The id of its words in the catalogues.
    pub fn text_id(self) -> &'static str {
        match self {
            Self::Transmitted => "customs-signal-transmitted",
            Self::ProviderError => "customs-signal-provider-error",
            Self::Accepted => "customs-signal-accepted",
            Self::Rejected => "customs-signal-rejected",
            Self::Matched => "customs-signal-matched",
            Self::NotMatched => "customs-signal-not-matched",
            Self::ArrivalReported => "customs-signal-arrival-reported",
            Self::ReviewTimeWarning => "customs-signal-review-time",
            Self::Other => "customs-signal-other",
        }
    }

    /// The driver's words for it, in English.
    pub fn label(self) -> &'static str {
        match self {
            Self::Transmitted => "Sent to customs",
            Self::ProviderError => "Not sent: the provider refused it",
            Self::Accepted => "On file with customs",
            Self::Rejected => "Rejected by customs",
            Self::Matched => "Matched by the broker",
            Self::NotMatched => "Not matched",
            Self::ArrivalReported => "Arrival reported",
            Self::ReviewTimeWarning => "Sent late: customs review time short",
            Self::Other => "Reported",
        }
    }

    /// The step of the trip's customs ladder it confirms, if any.
    pub fn step(self) -> Option<CustomsStatusCode> {
        match self {
            Self::Transmitted => Some(CustomsStatusCode::Transmitted),
            Self::Accepted => Some(CustomsStatusCode::OnFile),
            Self::Rejected => Some(CustomsStatusCode::Rejected),
            Self::Matched => Some(CustomsStatusCode::Matched),
            Self::ArrivalReported => Some(CustomsStatusCode::ArrivalReported),
            Self::ProviderError | Self::NotMatched | Self::ReviewTimeWarning | Self::Other => None,
        }
    }

    /// Whether the driver must do something before the border.
    pub fn needs_driver(self) -> bool {
        matches!(
            self,
            Self::ProviderError | Self::Rejected | Self::NotMatched | Self::ReviewTimeWarning
        )
    }
}

impl Standing {
    /// The line a driver reads: the confirmed meaning, or the raw code and the provider's words
    /// marked as such (`CBP code 1C: Entered and released (meaning not confirmed)`).
    pub fn display(&self, regime: Regime) -> String {
        self.display_in(regime, crossing_text::english())
    }

    /// [`Standing::display`] in the reader's language; the provider's own words stay as sent.
    pub fn display_in(&self, regime: Regime, t: &Text) -> String {
        let text = self.text.as_deref().filter(|t| !t.is_empty());
        match (self.signal, text) {
            (Some(s), Some(text)) if s != CustomsSignal::Other => tr!(
                t,
                "customs-answer",
                status = t.get(s.text_id(), &[]),
                text = text
            ),
            (Some(s), None) if s != CustomsSignal::Other => t.get(s.text_id(), &[]),
            (_, Some(text)) => tr!(
                t,
                "customs-raw-code-text",
                agency = self.agency(regime),
                code = self.code.as_str(),
                text = text
            ),
            (_, None) => tr!(
                t,
                "customs-raw-code",
                agency = self.agency(regime),
                code = self.code.as_str()
            ),
        }
    }

    fn agency(&self, regime: Regime) -> &'static str {
        match self.source.as_str() {
            "API_RESPONSE" => "BorderConnect",
            "RNS_SHIPMENT" => "CBSA RNS",
            _ => regime.agency(),
        }
    }
}

impl CustomsState {
    /// Whether nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.trip.is_none() && self.shipments.is_empty()
    }

    /// The trip's customs ladder step, with the wording, when a confirmed answer gives one.
    pub fn trip_step(&self) -> Option<(CustomsStatusCode, &Standing)> {
        let s = self.trip.as_ref()?;
        Some((s.signal?.step()?, s))
    }

    /// What the driver must do before the border, one sentence per matter, trip first.
    pub fn advice(&self, regime: Regime, port: &str) -> Vec<String> {
        self.advice_in(regime, port, crossing_text::english())
    }

    /// [`CustomsState::advice`] in the reader's language.
    pub fn advice_in(&self, regime: Regime, port: &str, t: &Text) -> Vec<String> {
        let agency = regime.agency();
        let mut out = Vec::new();
        if let Some(s) = &self.trip {
            let reason = s
                .text
                .as_deref()
                .filter(|r| !r.is_empty())
                .map(|r| tr!(t, "advice-reason", reason = r))
                .unwrap_or_default();
            let id = match s.signal {
                Some(CustomsSignal::Rejected) => Some("advice-trip-rejected"),
                Some(CustomsSignal::ProviderError) => Some("advice-trip-not-sent"),
                Some(CustomsSignal::ReviewTimeWarning) => Some("advice-trip-late"),
                _ => None,
            };
            if let Some(id) = id {
                out.push(tr!(
                    t,
                    id,
                    agency = agency,
                    reason = reason.as_str(),
                    port = port
                ));
            }
        }
        for sh in &self.shipments {
            let number = sh.control_number.as_deref().unwrap_or("?");
            let kind = match regime {
                Regime::Aci => "PARS",
                Regime::Ace => "PAPS",
            };
            let id = match sh.signal {
                Some(CustomsSignal::NotMatched) => "advice-shipment-not-matched",
                Some(CustomsSignal::Rejected) => "advice-shipment-rejected",
                Some(CustomsSignal::ReviewTimeWarning) => "advice-shipment-late",
                Some(CustomsSignal::ProviderError) => "advice-shipment-not-sent",
                _ => continue,
            };
            out.push(tr!(
                t,
                id,
                kind = kind,
                number = number,
                agency = agency,
                port = port
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(code: &str, signal: Option<CustomsSignal>, text: Option<&str>) -> Standing {
        Standing {
            control_number: None,
            source: "ACI_NOTICE".into(),
            code: code.into(),
            signal,
            text: text.map(str::to_string),
            customs_time: Some("2026-09-12 10:10:00".into()),
            received_at: "2026-09-12T14:10:00.000Z".into(),
        }
    }

    #[test]
    fn not_matched_pars_tells_the_driver_to_call_the_broker_before_the_port() {
        let state = CustomsState {
            trip: Some(standing("ACCEPT", Some(CustomsSignal::Accepted), None)),
            shipments: vec![Standing {
                control_number: Some("1234PARS0001".into()),
                ..standing("NOT_MATCHED", Some(CustomsSignal::NotMatched), None)
            }],
        };
        assert_eq!(
            state.advice(Regime::Aci, "0453"),
            vec!["PARS 1234PARS0001 is not matched: call your broker before you reach 0453."]
        );
        assert_eq!(
            state.trip_step().map(|(c, _)| c),
            Some(CustomsStatusCode::OnFile)
        );
    }

    #[test]
    fn unconfirmed_codes_show_raw_and_never_a_guessed_meaning() {
        let mut s = standing("1C", None, Some("Entered and released"));
        s.source = "ACE_RESPONSE".into();
        assert_eq!(
            s.display(Regime::Ace),
            "CBP code 1C: Entered and released (meaning not confirmed)"
        );
        let state = CustomsState {
            trip: Some(s),
            shipments: vec![],
        };
        assert!(
            state.trip_step().is_none(),
            "no ladder step from a raw code"
        );
        assert!(state.advice(Regime::Ace, "3801").is_empty());
    }

    #[test]
    fn a_signal_this_version_does_not_know_reads_as_other() {
        let s: Standing = serde_json::from_str(
            r#"{"source":"ACI_NOTICE","code":"X","signal":"teleported","receivedAt":"t","future":1}"#,
        )
        .unwrap();
        assert_eq!(s.signal, Some(CustomsSignal::Other));
        assert_eq!(
            s.display(Regime::Aci),
            "CBSA code X (meaning not confirmed)"
        );
    }
}
