//! Shared helpers for Crossing's cross-crate integration tests: example documents, PNG
//! decoding, and independent barcode readers (`rqrr` and `rxing` for QR, `rxing` for 1D).
//! The readers share no code with the encoders the core uses (`qrcode`, `barcoders`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crossing_core::{Crossing, FixedClock};

/// The instant the example trips are written for: the morning before their ETAs
/// (`aci-trip.json` and `aci-trip-500.json` arrive 2026-11-26 14:30 in Toronto, `ace-trip.json`
/// 2026-11-27 08:15 in Detroit). Tests that read the examples as they are run on a clock fixed
/// here, so they pass on any date; tests against a live server shift the ETAs instead.
pub const EXAMPLES_NOW: &str = "2026-11-25T08:00:00-05:00";

/// A clock standing at [`EXAMPLES_NOW`].
pub fn examples_clock() -> Arc<FixedClock> {
    FixedClock::parse(EXAMPLES_NOW).expect("EXAMPLES_NOW")
}

/// A phone core in `dir` whose clock stands at [`EXAMPLES_NOW`].
pub fn phone_at_examples_time(dir: impl AsRef<Path>) -> Crossing {
    Crossing::open_with_clock(dir, examples_clock()).expect("open core")
}

/// Path of a file in the repository's `examples/` folder.
pub fn example_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("examples")
        .join(name)
}

/// Bytes of an example trip document.
pub fn example(name: &str) -> Vec<u8> {
    std::fs::read(example_path(name)).expect("example file")
}

/// An example trip document as a JSON value, for building variants in tests.
pub fn example_value(name: &str) -> serde_json::Value {
    serde_json::from_slice(&example(name)).expect("example JSON")
}

/// An 8-bit grayscale image.
#[derive(Debug, Clone)]
pub struct Gray {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// One byte per pixel, row-major.
    pub pixels: Vec<u8>,
}

/// Decodes a PNG (any bit depth, grayscale) into 8-bit gray pixels.
pub fn decode_png(bytes: &[u8]) -> Gray {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    assert_eq!(info.color_type, png::ColorType::Grayscale, "grayscale PNG");
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "expanded to 8 bits");
    buf.truncate(info.buffer_size());
    Gray {
        width: info.width,
        height: info.height,
        pixels: buf,
    }
}

/// Reads a QR code with `rqrr`. Returns the payload of the first code found.
pub fn read_qr_rqrr(img: &Gray) -> Result<String, String> {
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        img.width as usize,
        img.height as usize,
        |x, y| img.pixels[y * img.width as usize + x],
    );
    let grids = prepared.detect_grids();
    let grid = grids.first().ok_or("rqrr found no QR code")?;
    grid.decode()
        .map(|(_, text)| text)
        .map_err(|e| format!("rqrr: {e}"))
}

/// Reads a code of the given format with `rxing`.
pub fn read_rxing(img: &Gray, format: rxing::BarcodeFormat) -> Result<String, String> {
    rxing::helpers::detect_in_luma(img.pixels.clone(), img.width, img.height, Some(format))
        .map(|r| r.getText().to_string())
        .map_err(|e| format!("rxing: {e}"))
}

pub mod fleet;
