//! Border paperwork for the shells: which sheets a trip can print, and the PDF of one, for the
//! share sheet or the print dialog (Android `PrintManager`, iOS `ShareLink`).

pub use crossing_core::app::{PaperButton, PaperFile};

use crate::{CoreError, CrossingCore};

/// A printable sheet of the trip.
#[uniffi::remote(Record)]
pub struct PaperButton {
    /// Stable id, passed back to [`CrossingCore::paper`].
    pub id: String,
    /// Button label.
    pub label: String,
}

/// A sheet to share or print.
#[uniffi::remote(Record)]
pub struct PaperFile {
    /// The PDF bytes.
    pub pdf: Vec<u8>,
    /// A file name for the share sheet.
    pub file_name: String,
    /// `application/pdf`.
    pub mime_type: String,
    /// The print dialog's title.
    pub title: String,
    /// Said before sharing, if anything could not be printed as written.
    pub notice: Option<String>,
}

#[uniffi::export]
impl CrossingCore {
    /// The PDF of one sheet of the trip's current version (`paper_id` from
    /// `TripScreen.papers`), made on the phone with no network.
    pub fn paper(
        &self,
        trip_id: String,
        paper_id: String,
        detailed: bool,
    ) -> Result<PaperFile, CoreError> {
        Ok(self.app.paper(&trip_id, &paper_id, detailed)?)
    }
}
