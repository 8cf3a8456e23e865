//! Writing a module matrix out: PNG (1-bit), SVG and the terminal (CLI, tests, sharing).

use crate::error::{Error, Result};
use crossing_codes::ModuleMatrix;

/// Height of linear codes in modules when drawn as images (about 15% of a typical width).
pub const LINEAR_BAR_HEIGHT: u32 = 40;

/// Writes a code as a 1-bit grayscale PNG, `scale` pixels per module.
pub fn to_png(matrix: &ModuleMatrix, scale: u32) -> Result<Vec<u8>> {
    let scale = scale.clamp(1, 64);
    let rows = if matrix.is_2d() {
        matrix.height
    } else {
        LINEAR_BAR_HEIGHT
    };
    let (w, h) = (matrix.width * scale, rows * scale);
    let stride = w.div_ceil(8) as usize;
    let mut data = vec![0u8; stride * h as usize];
    for py in 0..h {
        let my = if matrix.is_2d() { py / scale } else { 0 };
        for px in 0..w {
            if !matrix.dark(px / scale, my) {
                data[py as usize * stride + (px / 8) as usize] |= 0x80 >> (px % 8);
            }
        }
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::One);
        enc.set_compression(png::Compression::Fast);
        let png_err = |e: png::EncodingError| Error::Barcode {
            kind: "png",
            reason: e.to_string(),
        };
        let mut writer = enc.write_header().map_err(png_err)?;
        writer.write_image_data(&data).map_err(png_err)?;
        writer.finish().map_err(png_err)?;
    }
    Ok(out)
}

/// Writes a code as SVG: one rectangle per run of dark modules, crisp edges, `scale` user
/// units per module, the quiet zone included.
pub fn to_svg(matrix: &ModuleMatrix, scale: u32) -> String {
    let scale = scale.clamp(1, 64);
    let rows = if matrix.is_2d() {
        matrix.height
    } else {
        LINEAR_BAR_HEIGHT
    };
    let (w, h) = (matrix.width * scale, rows * scale);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" shape-rendering=\"crispEdges\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\""
    );
    for y in 0..matrix.height {
        let mut x = 0;
        while x < matrix.width {
            if matrix.dark(x, y) {
                let start = x;
                while x < matrix.width && matrix.dark(x, y) {
                    x += 1;
                }
                let bar_h = if matrix.is_2d() { scale } else { h };
                s.push_str(&format!(
                    "M{} {}h{}v{}h-{}z",
                    start * scale,
                    y * scale,
                    (x - start) * scale,
                    bar_h,
                    (x - start) * scale
                ));
            } else {
                x += 1;
            }
        }
    }
    s.push_str("\"/>\n</svg>\n");
    s
}

/// Draws a code with Unicode blocks for a terminal. Dark modules are drawn as ink, so pass
/// `ansi = true` to force black on white (needed on dark terminals); without ANSI the output
/// reads correctly on a light background.
pub fn to_terminal(matrix: &ModuleMatrix, ansi: bool) -> String {
    let (start, end) = if ansi {
        ("\x1b[30;107m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut s = String::new();
    if matrix.is_2d() {
        // Two module rows per text line: ▀ top dark, ▄ bottom dark.
        let mut y = 0;
        while y < matrix.height {
            s.push_str(start);
            for x in 0..matrix.width {
                let (top, bottom) = (matrix.dark(x, y), matrix.dark(x, y + 1));
                s.push(match (top, bottom) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                });
            }
            s.push_str(end);
            s.push('\n');
            y += 2;
        }
    } else {
        // Two modules per character: ▌ left dark, ▐ right dark.
        let mut line = String::from(start);
        let mut x = 0;
        while x < matrix.width {
            line.push(match (matrix.dark(x, 0), matrix.dark(x + 1, 0)) {
                (true, true) => '█',
                (true, false) => '▌',
                (false, true) => '▐',
                (false, false) => ' ',
            });
            x += 2;
        }
        line.push_str(end);
        for _ in 0..6 {
            s.push_str(&line);
            s.push('\n');
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_qr_uses_two_rows_per_line() {
        let m = ModuleMatrix {
            width: 2,
            height: 3,
            quiet_zone: 0,
            modules: vec![1, 0, 1, 1, 0, 1],
        };
        assert_eq!(to_terminal(&m, false), "█▄\n ▀\n");
    }

    #[test]
    fn svg_has_one_run_per_dark_stretch() {
        let m = ModuleMatrix {
            width: 5,
            height: 1,
            quiet_zone: 0,
            modules: vec![0, 1, 1, 0, 1],
        };
        let svg = to_svg(&m, 2);
        assert!(svg.contains("M2 0h4v80h-4z"), "{svg}");
        assert!(svg.contains("M8 0h2v80h-2z"), "{svg}");
    }
}
