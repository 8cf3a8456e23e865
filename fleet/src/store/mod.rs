//! The fleet server's SQLite storage, one file per table: [`tokens`], [`roster`],
//! [`assignment`], [`trips`], [`feed`] (the per-driver change log), [`devices`], [`events`],
//! [`customs`] (customs' answers and each trip's standing) and [`borderconnect`] (imports);
//! [`schema`] holds the migrations. Every write is one transaction: nothing is half-written.
//! Functions return [`StoreError`], which `crate::error` maps to HTTP in one place.

mod assignment;
mod borderconnect;
mod console;
mod customs;
mod devices;
mod events;
mod feed;
mod roster;
mod schema;
mod tokens;
mod trips;

pub use assignment::*;
pub use borderconnect::{import_audited, import_borderconnect, ImportReport, ImportResult};
pub use console::*;
use customs::{customs_doc, log_customs_for};
pub use customs::{customs_history, CustomsAnswer, CustomsHistory};
pub use devices::*;
pub use events::*;
pub use feed::*;
pub use roster::*;
pub use schema::*;
pub use tokens::*;
pub use trips::*;

use chrono::{DateTime, Utc};
use crossing_sqlite::{self as db, Durability, Schema};
use crossing_trip::protocol::{
    Change, ChangeOp, ChangesPage, EventResult, EventsUpload, ResultStatus, TombstoneReason,
    WireEvent,
};
use crossing_trip::{format, validate, Trip};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Why a storage operation failed. Names the field and the rule; `crate::error` turns each
/// kind into its HTTP status and JSON body.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A field broke a rule (400).
    #[error("{field}: {reason}")]
    Invalid {
        /// The field.
        field: String,
        /// The rule it broke.
        reason: String,
    },
    /// The named thing does not exist, or is not the caller's (404).
    #[error("{field}: {reason}")]
    NotFound {
        /// The field naming it.
        field: String,
        /// What was not found.
        reason: String,
    },
    /// The request contradicts what is stored (409).
    #[error("{field}: {reason}")]
    Conflict {
        /// The field.
        field: String,
        /// The contradiction.
        reason: String,
    },
    /// A feed cursor of another epoch, or of a history that is gone (410).
    #[error("the change log before this cursor was compacted; pull again without a cursor")]
    Gone,
    /// The device is not registered to this driver (403 `device_unknown`).
    #[error("device not registered for this driver; register it with POST /v1/devices")]
    DeviceUnknown,
    /// Something is bigger than its limit (413).
    #[error("{0}")]
    TooLarge(String),
    /// A trip document was refused (its parse or validation error).
    #[error(transparent)]
    Document(#[from] crossing_trip::Error),
    /// SQLite failed (500).
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    /// A bug or a damaged row (500).
    #[error("{0}")]
    Internal(String),
}

impl From<crossing_sqlite::Error> for StoreError {
    fn from(e: crossing_sqlite::Error) -> Self {
        // As before the split: the helper's own text ("storage: …", or the newer-file refusal).
        StoreError::Internal(e.to_string())
    }
}

impl StoreError {
    /// [`StoreError::Invalid`].
    pub fn invalid(field: &str, reason: impl Into<String>) -> Self {
        StoreError::Invalid {
            field: field.to_string(),
            reason: reason.into(),
        }
    }

    /// [`StoreError::NotFound`].
    pub fn not_found(field: &str, reason: impl Into<String>) -> Self {
        StoreError::NotFound {
            field: field.to_string(),
            reason: reason.into(),
        }
    }

    /// [`StoreError::Conflict`].
    pub fn conflict(field: &str, reason: impl Into<String>) -> Self {
        StoreError::Conflict {
            field: field.to_string(),
            reason: reason.into(),
        }
    }

    /// [`StoreError::Gone`].
    pub fn gone() -> Self {
        StoreError::Gone
    }

    /// [`StoreError::DeviceUnknown`].
    pub fn device_unknown() -> Self {
        StoreError::DeviceUnknown
    }

    /// [`StoreError::TooLarge`].
    pub fn too_large(reason: impl Into<String>) -> Self {
        StoreError::TooLarge(reason.into())
    }

    /// [`StoreError::Internal`].
    pub fn internal(reason: impl Into<String>) -> Self {
        StoreError::Internal(reason.into())
    }

    /// [`StoreError::Document`].
    pub fn from_document(e: crossing_trip::Error) -> Self {
        StoreError::Document(e)
    }
}

/// A stored time stamp: RFC 3339 UTC with milliseconds. Every "now" of the server comes from
/// its clock (`Config::clock`) through the callers of this module.
pub(super) fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Opens (creating, migrating) the server database.
pub fn open(path: &std::path::Path) -> Result<Connection, crossing_sqlite::Error> {
    db::open(path, &FLEET, Durability::Full)
}

pub(super) fn id_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._:-".contains(c))
}

/// Whether `s` is a UUID written exactly as `Uuid::hyphenated` writes it (lowercase, hyphens, no
/// braces or `urn:` prefix), not nil or max, and of `version` when given. Ids are compared as
/// text, so one UUID must have one spelling: five spellings would be five events.
pub(super) fn is_canonical_uuid(s: &str, version: Option<usize>) -> bool {
    uuid::Uuid::try_parse(s).is_ok_and(|u| {
        u.hyphenated().to_string() == s
            && !u.is_nil()
            && !u.is_max()
            && version.is_none_or(|v| u.get_version_num() == v)
    })
}

/// This database's epoch (random, made with the schema; renewed by [`new_epoch`]).
pub fn epoch(conn: &Connection) -> Result<String, StoreError> {
    Ok(
        conn.query_row("SELECT value FROM meta WHERE key = 'epoch'", [], |r| {
            r.get(0)
        })?,
    )
}

/// Gives the database a new epoch, so every cursor issued so far answers 410. Returns it.
pub fn new_epoch(conn: &Connection) -> Result<String, StoreError> {
    Ok(conn.query_row(
        "UPDATE meta SET value = lower(hex(randomblob(8))) WHERE key = 'epoch' RETURNING value",
        [],
        |r| r.get(0),
    )?)
}

/// Writes a consistent copy of the database to `to` (which must not exist) and gives the copy
/// a new epoch: restoring it later cannot make phones trust cursors of a history it lacks.
/// Returns the copy's epoch.
pub fn backup(conn: &Connection, to: &std::path::Path) -> Result<String, StoreError> {
    if to.exists() {
        return Err(StoreError::conflict("to", "the backup file already exists"));
    }
    let path = to
        .to_str()
        .ok_or_else(|| StoreError::invalid("to", "must be a UTF-8 path"))?;
    conn.execute("VACUUM INTO ?1", params![path])?;
    let copy = open(to)?;
    new_epoch(&copy)
}

#[cfg(test)]
mod tests;
