//! Border codes for the shells: the border screen and the module matrix it draws.

pub use crossing_core::app::{BorderScreen, CodeButton};
pub use crossing_core::codes::ModuleMatrix;
pub use crossing_core::{BorderCode, CodeKind as BorderCodeKind, Symbology};

use crate::{CoreError, CrossingCore};

/// Which border code.
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

/// How the code is drawn: a 2D matrix (QR) or full-height bars (Code 128, Code 39).
#[uniffi::remote(Enum)]
pub enum Symbology {
    /// QR code, 2D.
    Qr,
    /// Code 128, 1D.
    Code128,
    /// Code 39, 1D.
    Code39,
}

/// Modules to draw, row-major, 1 = dark, quiet zone included. `height == 1`: a linear code,
/// each module a full-height bar. Draw each module as a whole number of pixels.
#[uniffi::remote(Record)]
pub struct ModuleMatrix {
    /// Modules per row, quiet zone included.
    pub width: u32,
    /// Rows (1 for linear codes).
    pub height: u32,
    /// Light modules on each side that belong to the code.
    pub quiet_zone: u32,
    /// `width * height` bytes.
    pub modules: Vec<u8>,
}

/// A border code ready to draw, with the text to print under it and what is unconfirmed.
#[uniffi::remote(Record)]
pub struct BorderCode {
    /// Which code.
    pub kind: BorderCodeKind,
    /// How to draw it.
    pub symbology: Symbology,
    /// Exactly what the code encodes.
    pub payload: String,
    /// Text to show under the code, large, for manual entry.
    pub human_readable: String,
    /// What the code is.
    pub title: String,
    /// The modules.
    pub matrix: ModuleMatrix,
    /// The trip it was drawn from.
    pub trip_id: String,
    /// The trip version it was drawn from.
    pub trip_version: u64,
    /// What is not confirmed about this code, said plainly.
    pub caveats: Vec<String>,
}

/// A code button: its id is passed back to [`CrossingCore::border_screen`].
#[uniffi::remote(Record)]
pub struct CodeButton {
    /// Stable id.
    pub id: String,
    /// Which code.
    pub kind: BorderCodeKind,
    /// For per-shipment codes, the control number.
    pub shipment: Option<String>,
    /// Button label.
    pub label: String,
}

/// The border screen: one code, white to the edges, screen kept on; or a notice saying why
/// there is no code.
#[uniffi::remote(Record)]
pub struct BorderScreen {
    /// The trip.
    pub trip_id: String,
    /// The code's title, or the trip's.
    pub title: String,
    /// The codes to switch between.
    pub codes: Vec<CodeButton>,
    /// The id of the code shown.
    pub selected: Option<String>,
    /// The code to draw.
    pub code: Option<BorderCode>,
    /// Why there is no code.
    pub notice: Option<String>,
    /// Keep the screen on and bright.
    pub keep_screen_on: bool,
}

#[uniffi::export]
impl CrossingCore {
    /// The border screen of a trip, showing `code_id` (a [`CodeButton`] id) or the first code.
    pub fn border_screen(
        &self,
        trip_id: String,
        code_id: Option<String>,
    ) -> Result<BorderScreen, CoreError> {
        Ok(self.app.border_screen(&trip_id, code_id.as_deref())?)
    }
}
