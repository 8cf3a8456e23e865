//! Drawing a payload as modules: QR (ISO/IEC 18004) with qrcode, Code 128 (with the character
//! sets chosen here) and Code 39 with barcoders, each with its quiet zone.

use barcoders::sym::{code128::Code128, code39::Code39};
use qrcode::{EcLevel, QrCode};

use super::*;

pub(super) const QR_QUIET: u32 = 4;
pub(super) const LINEAR_QUIET: u32 = 10;

pub(super) fn qr(kind: CodeKind, payload: &str) -> Result<ModuleMatrix> {
    qr_at(kind, payload, EcLevel::M)
}

/// QR at error correction Q: the windshield placard (same symbol size as M for the 60-character
/// ACE payload, more damage tolerated through a dirty windshield).
pub(super) fn qr_q(kind: CodeKind, payload: &str) -> Result<ModuleMatrix> {
    qr_at(kind, payload, EcLevel::Q)
}

fn qr_at(kind: CodeKind, payload: &str, level: EcLevel) -> Result<ModuleMatrix> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), level).map_err(|e| {
        Error::Barcode {
            kind: kind.as_str(),
            reason: e.to_string(),
        }
    })?;
    let inner = u32::try_from(code.width()).map_err(|_| Error::Barcode {
        kind: kind.as_str(),
        reason: "symbol too large".into(),
    })?;
    let width = inner + 2 * QR_QUIET;
    let mut modules = vec![0u8; (width * width) as usize];
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            let i = i as u32;
            let (x, y) = (i % inner + QR_QUIET, i / inner + QR_QUIET);
            modules[(y * width + x) as usize] = 1;
        }
    }
    Ok(ModuleMatrix {
        width,
        height: width,
        quiet_zone: QR_QUIET,
        modules,
    })
}

pub(super) fn linear(bars: Vec<u8>) -> ModuleMatrix {
    let mut modules = vec![0u8; LINEAR_QUIET as usize];
    modules.extend(bars.into_iter().map(|b| u8::from(b != 0)));
    modules.extend(std::iter::repeat_n(0u8, LINEAR_QUIET as usize));
    ModuleMatrix {
        width: modules.len() as u32,
        height: 1,
        quiet_zone: LINEAR_QUIET,
        modules,
    }
}

/// Chooses Code 128 character sets: set B for text, set C for runs of digits long enough to
/// pay for the switch (≥ 4 at either end, ≥ 6 inside), keeping set C runs even.
/// Returns the input in barcoders' notation (`Ɓ` = set B, `Ć` = set C).
pub(crate) fn code128_sets(payload: &str) -> String {
    const B: char = '\u{0181}';
    const C: char = '\u{0106}';
    let chars: Vec<char> = payload.chars().collect();
    let mut runs: Vec<(bool, usize, usize)> = Vec::new(); // (digits, start, end)
    for (i, c) in chars.iter().enumerate() {
        let d = c.is_ascii_digit();
        match runs.last_mut() {
            Some((rd, _, end)) if *rd == d => *end = i + 1,
            _ => runs.push((d, i, i + 1)),
        }
    }
    let last = runs.len().saturating_sub(1);
    let mut out = String::new();
    let mut set: Option<char> = None;
    let mut emit = |out: &mut String, want: char, text: &[char]| {
        if set != Some(want) {
            out.push(want);
            set = Some(want);
        }
        out.extend(text);
    };
    for (idx, &(digits, start, end)) in runs.iter().enumerate() {
        let n = end - start;
        let at_edge = idx == 0 || idx == last;
        let use_c = digits && (n >= 6 || (at_edge && n >= 4));
        if use_c {
            // An odd run leaves its first digit in set B.
            let split = start + n % 2;
            if split > start {
                emit(&mut out, B, &chars[start..split]);
            }
            emit(&mut out, C, &chars[split..end]);
        } else {
            emit(&mut out, B, &chars[start..end]);
        }
    }
    out
}

pub(super) fn code128(kind: CodeKind, payload: &str) -> Result<ModuleMatrix> {
    if payload.is_empty() || !payload.chars().all(|c| (' '..='~').contains(&c)) {
        return Err(Error::Barcode {
            kind: kind.as_str(),
            reason: "Code 128 here takes printable ASCII only".into(),
        });
    }
    let code = Code128::new(code128_sets(payload)).map_err(|e| Error::Barcode {
        kind: kind.as_str(),
        reason: e.to_string(),
    })?;
    Ok(linear(code.encode()))
}

pub(super) fn code39(kind: CodeKind, payload: &str) -> Result<ModuleMatrix> {
    if let Some(bad) = payload
        .chars()
        .find(|c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || "-. $/%".contains(*c)))
    {
        return Err(Error::Barcode {
            kind: kind.as_str(),
            reason: format!(
                "{bad:?} is not in the Code 39 character set (0-9 A-Z - . space $ / %)"
            ),
        });
    }
    let code = Code39::new(payload).map_err(|e| Error::Barcode {
        kind: kind.as_str(),
        reason: e.to_string(),
    })?;
    Ok(linear(code.encode()))
}
