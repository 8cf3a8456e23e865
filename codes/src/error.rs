//! Why a code could not be made: the code cannot be drawn for this trip, or an input broke a
//! document rule (a shipment not on the trip, an unknown kind). The core maps both into its own
//! error unchanged.

/// A code could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// This code cannot be drawn for this trip.
    #[error("{kind}: {reason}")]
    Barcode {
        /// Which code.
        kind: &'static str,
        /// Why not.
        reason: String,
    },
    /// An input broke a rule (names the field).
    #[error(transparent)]
    Input(#[from] crossing_trip::error::Error),
}

impl Error {
    /// An input error naming its field and rule.
    pub fn input(field: impl Into<String>, rule: impl Into<String>) -> Self {
        Error::Input(crossing_trip::error::Error::input(field, rule))
    }
}

/// A result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
