//! Errors of the phone core, in one place.
//!
//! A document or input error comes from `crossing-trip` ([`crossing_trip::Error`]) unchanged;
//! the rest are the phone's own: its stores, its files, its barcodes. Messages never carry
//! personal data nor credentials (see `crossing_trip::error`).

pub use crossing_trip::error::{Error as DocumentError, Issue, Rejection, Severity};

/// Result type of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything a core call can fail with. Exhaustive on purpose: the FFI maps each variant, and
/// a new one does not compile until it is mapped.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A trip document or a call's input broke a rule (the field and the rule are named).
    #[error(transparent)]
    Document(#[from] crossing_trip::Error),
    /// No trip with this id is stored.
    #[error("trip {0:?}: no such trip on this device")]
    UnknownTrip(String),
    /// No trip is active, and none was named.
    #[error("no active trip on this device; import one first")]
    NoActiveTrip,
    /// A database file was written by a newer version of the app.
    #[error("{file}: database schema version {found} is newer than this app supports ({supported}); update the app (the file was left untouched)")]
    DatabaseTooNew {
        /// Which file.
        file: String,
        /// Its `user_version`.
        found: i64,
        /// Highest version the code knows.
        supported: i64,
    },
    /// SQLite failed.
    #[error("storage: {0}")]
    Storage(#[from] rusqlite::Error),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// A code could not be drawn for this trip.
    #[error("{kind}: {reason}")]
    Barcode {
        /// Which code.
        kind: &'static str,
        /// Why not.
        reason: String,
    },
    /// Stored data could not be read back (a bug or a damaged file).
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
}

impl From<crossing_codes::Error> for Error {
    fn from(e: crossing_codes::Error) -> Self {
        match e {
            crossing_codes::Error::Barcode { kind, reason } => Error::Barcode { kind, reason },
            crossing_codes::Error::Input(d) => Error::Document(d),
        }
    }
}

impl Error {
    /// Shorthand for an input error: `field` broke `rule`.
    pub fn input(field: impl Into<String>, rule: impl Into<String>) -> Self {
        Error::Document(crossing_trip::Error::input(field, rule))
    }
}

impl From<crossing_sqlite::Error> for Error {
    fn from(e: crossing_sqlite::Error) -> Self {
        match e {
            crossing_sqlite::Error::TooNew {
                file,
                found,
                supported,
            } => Error::DatabaseTooNew {
                file,
                found,
                supported,
            },
            crossing_sqlite::Error::Sqlite(e) => Error::Storage(e),
        }
    }
}
