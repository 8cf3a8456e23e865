//! A small PDF writer: US Letter pages of text in the standard Helvetica faces (WinAnsi, no font
//! file embedded: every viewer carries them) and filled rectangles (barcodes as vector modules).
//! Coordinates are in hundredths of a point from the bottom-left corner, so no float is ever
//! formatted; content streams are uncompressed (a sheet is a few KB).

use crate::metrics::{HELVETICA, HELVETICA_BOLD};

/// US Letter, in hundredths of a point.
pub const PAGE_WIDTH: i32 = 61_200;
/// US Letter height.
pub const PAGE_HEIGHT: i32 = 79_200;
/// The area every mark stays inside so one file prints on Letter and A4 without scaling:
/// A4's width, Letter's height, half an inch in from each edge.
pub const SAFE: Rect = Rect {
    x: 3_600,
    y: 3_600,
    w: 59_528 - 7_200,
    h: PAGE_HEIGHT - 7_200,
};

/// A rectangle in hundredths of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    /// Left.
    pub x: i32,
    /// Bottom.
    pub y: i32,
    /// Width.
    pub w: i32,
    /// Height.
    pub h: i32,
}

impl Rect {
    fn contains(&self, r: &Rect) -> bool {
        r.x >= self.x
            && r.y >= self.y
            && r.x + r.w <= self.x + self.w
            && r.y + r.h <= self.y + self.h
    }
}

/// Millimetres to hundredths of a point.
pub fn mm(v: f64) -> i32 {
    // 72 pt per inch, 25.4 mm per inch; sheet sizes are far inside i32.
    (v * 7_200.0 / 25.4).round() as i32
}

/// The two faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    /// Helvetica.
    Regular,
    /// Helvetica-Bold.
    Bold,
}

impl Font {
    fn resource(self) -> &'static str {
        match self {
            Font::Regular => "/F1",
            Font::Bold => "/F2",
        }
    }

    fn widths(self) -> &'static [u16; 224] {
        match self {
            Font::Regular => &HELVETICA,
            Font::Bold => &HELVETICA_BOLD,
        }
    }
}

/// The cp1252 (WinAnsi) code of a character, if it has one.
pub fn win_ansi(c: char) -> Option<u8> {
    const HIGH: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    match c as u32 {
        0x20..=0x7E | 0xA0..=0xFF => u8::try_from(c as u32).ok(),
        _ => HIGH.iter().find(|(h, _)| *h == c).map(|(_, b)| *b),
    }
}

/// Text in WinAnsi: the bytes, and the characters that had no code (each printed as `?`).
pub fn encode(s: &str) -> (Vec<u8>, Vec<char>) {
    let mut bytes = Vec::with_capacity(s.len());
    let mut missing = Vec::new();
    for c in s.chars() {
        match win_ansi(c) {
            Some(b) => bytes.push(b),
            None => {
                bytes.push(b'?');
                if !missing.contains(&c) {
                    missing.push(c);
                }
            }
        }
    }
    (bytes, missing)
}

/// The width of `s` in `font` at `size` points, in hundredths of a point.
pub fn text_width(font: Font, size: u16, s: &str) -> i32 {
    let units: i32 = encode(s)
        .0
        .iter()
        .map(|&b| i32::from(font.widths()[usize::from(b.max(32) - 32)]))
        .sum();
    units * i32::from(size) / 10
}

/// Writes `v` hundredths as a decimal (`12.5`, `-3`, `0.07`).
fn num(out: &mut String, v: i32) {
    use std::fmt::Write;
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs();
    let (int, frac) = (a / 100, a % 100);
    let _ = match frac {
        0 => write!(out, "{sign}{int}"),
        f if f % 10 == 0 => write!(out, "{sign}{int}.{}", f / 10),
        f => write!(out, "{sign}{int}.{f:02}"),
    };
}

/// One piece of text as placed, for tests and for the layout's own checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The text.
    pub text: String,
    /// Its face.
    pub font: Font,
    /// Its size in points.
    pub size: u16,
    /// Where it sits (its baseline box).
    pub rect: Rect,
}

/// One page being drawn.
#[derive(Debug, Default, Clone)]
pub struct Page {
    ops: String,
    /// Every text drawn, in order.
    pub texts: Vec<Placed>,
    /// Every filled rectangle, grouped by symbol.
    pub rects: Vec<Vec<Rect>>,
    /// Characters with no WinAnsi code, printed as `?`.
    pub missing: Vec<char>,
}

impl Page {
    /// A blank page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Draws one line of text with its baseline at `y`, starting at `x`. Returns its width.
    pub fn text(&mut self, font: Font, size: u16, x: i32, y: i32, s: &str) -> i32 {
        let (bytes, missing) = encode(s);
        for c in missing {
            if !self.missing.contains(&c) {
                self.missing.push(c);
            }
        }
        let width = text_width(font, size, s);
        self.ops.push_str("BT ");
        self.ops.push_str(font.resource());
        self.ops.push(' ');
        num(&mut self.ops, i32::from(size) * 100);
        self.ops.push_str(" Tf ");
        num(&mut self.ops, x);
        self.ops.push(' ');
        num(&mut self.ops, y);
        self.ops.push_str(" Td (");
        for b in bytes {
            match b {
                b'(' | b')' | b'\\' => {
                    self.ops.push('\\');
                    self.ops.push(char::from(b));
                }
                0x20..=0x7E => self.ops.push(char::from(b)),
                _ => self.ops.push_str(&format!("\\{b:03o}")),
            }
        }
        self.ops.push_str(") Tj ET\n");
        self.texts.push(Placed {
            text: s.to_string(),
            font,
            size,
            rect: Rect {
                x,
                y: y - i32::from(size) * 21,
                w: width,
                h: i32::from(size) * 93,
            },
        });
        width
    }

    /// Draws `s` centred on `cx`.
    pub fn text_centred(&mut self, font: Font, size: u16, cx: i32, y: i32, s: &str) {
        let w = text_width(font, size, s);
        self.text(font, size, cx - w / 2, y, s);
    }

    /// Draws `s` wrapped at word boundaries into lines no wider than `width` (a word longer
    /// than the line is broken), never shrinking the type. Returns the y below the last line.
    pub fn paragraph(&mut self, font: Font, size: u16, x: i32, y: i32, width: i32, s: &str) -> i32 {
        let leading = i32::from(size) * 120;
        let mut y = y;
        for line in wrap(font, size, width, s) {
            self.text(font, size, x, y, &line);
            y -= leading;
        }
        y
    }

    /// Fills one symbol's rectangles with a single fill (no seams between modules).
    pub fn fill(&mut self, rects: Vec<Rect>) {
        for r in &rects {
            for v in [r.x, r.y, r.w, r.h] {
                num(&mut self.ops, v);
                self.ops.push(' ');
            }
            self.ops.push_str("re\n");
        }
        self.ops.push_str("f\n");
        self.rects.push(rects);
    }

    /// Strokes a rectangle's outline (the officer's stamp box), 1 pt wide.
    pub fn outline(&mut self, r: Rect) {
        self.ops.push_str("1 w ");
        for v in [r.x, r.y, r.w, r.h] {
            num(&mut self.ops, v);
            self.ops.push(' ');
        }
        self.ops.push_str("re S\n");
        self.rects.push(vec![r]);
    }

    /// Whether every mark lies inside `area`.
    pub fn inside(&self, area: &Rect) -> bool {
        self.texts.iter().all(|t| area.contains(&t.rect))
            && self.rects.iter().flatten().all(|r| area.contains(r))
    }
}

/// Breaks `s` into lines that fit `width` at `size`.
pub fn wrap(font: Font, size: u16, width: i32, s: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(font, size, &candidate) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than the line is cut where it stops fitting.
        let mut rest = word.to_string();
        while text_width(font, size, &rest) > width && rest.chars().count() > 1 {
            let mut head = String::new();
            for c in rest.chars() {
                head.push(c);
                if text_width(font, size, &head) > width {
                    head.pop();
                    break;
                }
            }
            let taken = head.chars().count().max(1);
            lines.push(rest.chars().take(taken).collect());
            rest = rest.chars().skip(taken).collect();
        }
        line = rest;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Writes the document: the pages, the two fonts, `title` in the document information.
pub fn finish(pages: &[Page], title: &str) -> Vec<u8> {
    // All ASCII (text bytes above 0x7E are written as octal escapes), so no binary marker line.
    let mut out: Vec<u8> = b"%PDF-1.4\n".to_vec();
    let mut offsets: Vec<usize> = Vec::new();
    let mut object = |out: &mut Vec<u8>, body: &[u8]| {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    // 1 catalog, 2 pages, 3 and 4 fonts, 5 info, then a page and its content per page.
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", 6 + 2 * i))
        .collect();
    object(
        &mut out,
        b"<< /Type /Catalog /Pages 2 0 R /ViewerPreferences << /PrintScaling /None >> >>",
    );
    object(
        &mut out,
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} /MediaBox [0 0 612 792] >>",
            kids.join(" "),
            pages.len()
        )
        .as_bytes(),
    );
    for face in ["Helvetica", "Helvetica-Bold"] {
        object(
            &mut out,
            format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /{face} /Encoding /WinAnsiEncoding >>"
            )
            .as_bytes(),
        );
    }
    let (title_bytes, _) = encode(title);
    let mut info = b"<< /Producer (Crossing) /Title (".to_vec();
    for b in title_bytes {
        match b {
            b'(' | b')' | b'\\' => info.extend_from_slice(&[b'\\', b]),
            0x20..=0x7E => info.push(b),
            _ => info.push(b'?'),
        }
    }
    info.extend_from_slice(b") >>");
    object(&mut out, &info);
    for (i, page) in pages.iter().enumerate() {
        object(
            &mut out,
            format!(
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
                7 + 2 * i
            )
            .as_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", page.ops.len()).into_bytes();
        stream.extend_from_slice(page.ops.as_bytes());
        stream.extend_from_slice(b"\nendstream");
        object(&mut out, &stream);
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for o in &offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_without_floats() {
        let mut s = String::new();
        for v in [0, 7, 70, 1250, -300, 61_200] {
            num(&mut s, v);
            s.push(' ');
        }
        assert_eq!(s, "0 0.07 0.7 12.5 -3 612 ");
    }

    #[test]
    fn french_and_spanish_letters_encode_and_others_are_reported() {
        let (bytes, missing) = encode("Hélène Côté – Œuvre ¿Año? ł");
        assert_eq!(missing, ['ł']);
        assert_eq!(bytes.last(), Some(&b'?'));
        assert!(bytes.contains(&0xE9) && bytes.contains(&0x96) && bytes.contains(&0x8C));
    }

    #[test]
    fn widths_come_from_the_afm_tables() {
        // "H" is 722 units in both faces; 10 pt → 7.22 pt.
        assert_eq!(text_width(Font::Regular, 10, "H"), 722);
        assert_eq!(text_width(Font::Bold, 10, "i"), 278);
        assert!(text_width(Font::Bold, 22, "W") > text_width(Font::Regular, 22, "W") - 1);
    }

    #[test]
    fn long_text_wraps_and_never_shrinks() {
        let lines = wrap(
            Font::Bold,
            22,
            20_000,
            "Maximiliano Alejandro Hernández de la Cruz",
        );
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines
            .iter()
            .all(|l| text_width(Font::Bold, 22, l) <= 20_000));
        assert_eq!(
            lines.join(" "),
            "Maximiliano Alejandro Hernández de la Cruz"
        );
    }

    #[test]
    fn the_file_has_a_correct_cross_reference_table() {
        let mut p = Page::new();
        p.text(Font::Regular, 12, 7_200, 72_000, "Trip (1) \\ done");
        let pdf = finish(&[p], "Test");
        let text = String::from_utf8_lossy(&pdf);
        let xref: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|s| s.lines().next())
            .and_then(|s| s.parse().ok())
            .expect("startxref");
        assert!(text[xref..].starts_with("xref\n0 8\n"));
        for (n, line) in text[xref..].lines().skip(3).take(7).enumerate() {
            let off: usize = line[..10].parse().expect("offset");
            assert!(
                text[off..].starts_with(&format!("{} 0 obj", n + 1)),
                "object {}",
                n + 1
            );
        }
        assert!(text.contains("(Trip \\(1\\) \\\\ done) Tj"));
    }
}
