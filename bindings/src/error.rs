//! [`CoreError`]: every error the library reports to the shells, mapped from the core's in
//! one place.

use std::sync::Arc;

use crossing_core::sync::{LocalFailure, SyncError};
use crossing_core::text::{tr, Text};

/// Every error the core reports to the shells. `reason` is a sentence naming the field and rule
/// (in the driver's language, the English reason after it); it never contains personal data or
/// the token.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
pub enum CoreError {
    /// A call's input broke a rule (event fields, code kind, URL).
    InvalidInput {
        /// What was wrong.
        reason: String,
    },
    /// A trip document was refused (format, limits, validation, forbidden fields).
    InvalidTrip {
        /// What was wrong.
        reason: String,
    },
    /// No such trip (or no active trip).
    NotFound {
        /// What was missing.
        reason: String,
    },
    /// The local database or file system failed.
    Storage {
        /// What failed.
        reason: String,
    },
    /// Sync could not reach the server or it failed; retried automatically.
    Network {
        /// What happened.
        reason: String,
    },
    /// The driver must sign in again; nothing is lost.
    SignInRequired {
        /// Why.
        reason: String,
    },
    /// The app must be updated (the server said so, or the data on the phone is from a newer
    /// app); nothing is lost.
    UpdateRequired {
        /// Why.
        reason: String,
    },
    /// Sync is not configured (no server URL).
    NotConfigured {
        /// Why.
        reason: String,
    },
    /// A shell callback failed, or an unexpected internal error.
    Internal {
        /// What happened.
        reason: String,
    },
}

impl std::fmt::Display for CoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (kind, reason) = match self {
            CoreError::InvalidInput { reason } => ("invalid input", reason),
            CoreError::InvalidTrip { reason } => ("trip refused", reason),
            CoreError::NotFound { reason } => ("not found", reason),
            CoreError::Storage { reason } => ("storage", reason),
            CoreError::Network { reason } => ("network", reason),
            CoreError::SignInRequired { reason } => ("sign-in required", reason),
            CoreError::UpdateRequired { reason } => ("update required", reason),
            CoreError::NotConfigured { reason } => ("not configured", reason),
            CoreError::Internal { reason } => ("internal", reason),
        };
        write!(f, "{kind}: {reason}")
    }
}

impl std::error::Error for CoreError {}

/// The language the reasons are worded in: the one core's ([`CrossingCore::set_preferred_locales`]
/// sets it). One per process, as the app has one core.
static LANGUAGE: std::sync::RwLock<Option<Arc<Text>>> = std::sync::RwLock::new(None);

/// Words every error reason from now on in `text`'s language.
pub(crate) fn set_language(text: Arc<Text>) {
    *LANGUAGE
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(text);
}

/// A reason as the driver reads it: in English, the technical reason as it is; in another
/// language, the kind's sentence with the English reason after it (for support).
fn said(kind: &str, english: String) -> String {
    let text = LANGUAGE
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    match text {
        Some(t) if t.lang() != crossing_core::text::Lang::En => tr!(
            t,
            "problem-detail",
            sentence = t.get(kind, &[]),
            detail = english
        ),
        _ => english,
    }
}

impl From<crossing_core::Error> for CoreError {
    fn from(e: crossing_core::Error) -> Self {
        use crossing_core::error::DocumentError as D;
        use crossing_core::Error as E;
        let english = e.to_string();
        let kind = match &e {
            E::Document(_) | E::Barcode { .. } => "problem-refused",
            E::UnknownTrip(_) | E::NoActiveTrip => "problem-gone",
            E::DatabaseTooNew { .. } => "problem-update",
            E::Storage(_) | E::Io { .. } | E::Corrupt(_) => "problem-storage",
        };
        let reason = said(kind, english);
        // Exhaustive on both enums: a new variant does not compile until it is mapped here.
        match e {
            E::Document(
                D::DocumentTooLarge { .. }
                | D::DocumentOverLimit { .. }
                | D::Malformed { .. }
                | D::UnsupportedFormat { .. }
                | D::ForbiddenField { .. }
                | D::Invalid(_),
            ) => CoreError::InvalidTrip { reason },
            E::Document(D::InvalidInput { .. }) | E::Barcode { .. } => {
                CoreError::InvalidInput { reason }
            }
            E::UnknownTrip(_) | E::NoActiveTrip => CoreError::NotFound { reason },
            // Data written by a newer app: only an update opens it (nothing was changed).
            E::DatabaseTooNew { .. } => CoreError::UpdateRequired { reason },
            E::Storage(_) | E::Io { .. } | E::Corrupt(_) => CoreError::Storage { reason },
        }
    }
}

impl From<SyncError> for CoreError {
    fn from(e: SyncError) -> Self {
        let kind = match &e {
            SyncError::SignInRequired => "problem-sign-in",
            SyncError::UpdateRequired
            | SyncError::Local {
                failure: LocalFailure::DatabaseTooNew,
                ..
            } => "problem-update",
            SyncError::Local {
                failure: LocalFailure::Storage,
                ..
            } => "problem-storage",
            SyncError::Local {
                failure: LocalFailure::Internal,
                ..
            } => "problem-internal",
            SyncError::Retry { .. } | SyncError::Stop { .. } => "problem-offline",
        };
        let reason = said(kind, e.to_string());
        match e {
            SyncError::SignInRequired => CoreError::SignInRequired { reason },
            SyncError::UpdateRequired => CoreError::UpdateRequired { reason },
            SyncError::Local {
                failure: LocalFailure::DatabaseTooNew,
                ..
            } => CoreError::UpdateRequired { reason },
            SyncError::Local {
                failure: LocalFailure::Storage,
                ..
            } => CoreError::Storage { reason },
            SyncError::Local {
                failure: LocalFailure::Internal,
                ..
            } => CoreError::Internal { reason },
            SyncError::Retry { .. } | SyncError::Stop { .. } => CoreError::Network { reason },
        }
    }
}

impl From<uniffi::UnexpectedUniFFICallbackError> for CoreError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        CoreError::Internal {
            reason: said(
                "problem-internal",
                format!("shell callback failed: {}", e.reason),
            ),
        }
    }
}
