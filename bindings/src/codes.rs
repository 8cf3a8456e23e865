//! Border codes for the shells: which code, and its modules to draw.

pub use crossing_core::view::CodeChoice;
pub use crossing_core::CodeKind as BorderCodeKind;

use crate::{CoreError, CrossingCore};

/// Border code kinds.
#[uniffi::remote(Enum)]
pub enum BorderCodeKind {
    /// QR of the trip number.
    Qr,
    /// Code 128 of the ACI CRN (CBSA lead sheet).
    Crn128,
    /// Code 128 of a CCN (PARS).
    Ccn128,
    /// Code 39 of the ACE trip number, or of an SCN with a shipment.
    Ace39,
    /// CBP's ACE manifest QR.
    AceQr,
}

/// A code the driver can open.
#[uniffi::remote(Record)]
pub struct CodeChoice {
    /// Kind.
    pub kind: BorderCodeKind,
    /// Shipment, for per-shipment codes.
    pub shipment: Option<String>,
}

/// A border code as modules to draw (1 = dark), quiet zone included.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BorderCode {
    /// Kind.
    pub kind: BorderCodeKind,
    /// `qr`, `code128`, `code39`.
    pub symbology: String,
    /// Exactly what the code encodes.
    pub payload: String,
    /// Text to show under the code, large.
    pub human_readable: String,
    /// Screen title.
    pub title: String,
    /// Modules per row.
    pub width: u32,
    /// Rows (1 for linear codes: draw full-height bars).
    pub height: u32,
    /// Quiet-zone modules on each side, included in `width`.
    pub quiet_zone: u32,
    /// `width * height` bytes, row-major.
    pub modules: Vec<u8>,
    /// The trip version it was drawn from.
    pub trip_version: u64,
    /// What is not confirmed about this code.
    pub caveats: Vec<String>,
}

#[uniffi::export]
impl CrossingCore {
    /// A border code of a trip's current version, as modules.
    pub fn border_code(
        &self,
        trip_id: String,
        kind: BorderCodeKind,
        shipment: Option<String>,
    ) -> Result<BorderCode, CoreError> {
        let c = self.core.border_code(&trip_id, kind, shipment.as_deref())?;
        Ok(BorderCode {
            kind: c.kind,
            symbology: c.symbology.as_str().to_string(),
            payload: c.payload,
            human_readable: c.human_readable,
            title: c.title,
            width: c.matrix.width,
            height: c.matrix.height,
            quiet_zone: c.matrix.quiet_zone,
            modules: c.matrix.modules,
            trip_version: c.trip_version,
            caveats: c.caveats,
        })
    }
}
