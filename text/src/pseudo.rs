//! The pseudo-locale `en-XA`: English with every letter accented and every vowel doubled (about
//! a third longer, like German or French), so a screen test sees at once a sentence that did
//! not go through the catalogue (plain ASCII English) and a layout too tight for translations.
//! [`crate::Text::get`] also wraps each message in `⟦…⟧`, so text cut short loses its `⟧`.

use std::borrow::Cow;

/// Fluent's transform for text elements (not arguments: identifiers stay as they are).
/// Words in capitals (CRN, PARS, ACI, ETA) are official terms and stay as written, as in every
/// real language.
pub fn transform(s: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(s.len() * 2);
    let chars: Vec<char> = s.chars().collect();
    let capital = |i: usize| chars.get(i).is_some_and(char::is_ascii_uppercase);
    for (i, &c) in chars.iter().enumerate() {
        let in_acronym = capital(i) && ((i > 0 && capital(i - 1)) || capital(i + 1));
        if in_acronym {
            out.push(c);
            continue;
        }
        let accented = match c {
            'a' => "àà",
            'e' => "éé",
            'i' => "îî",
            'o' => "ôô",
            'u' => "ûû",
            'A' => "ÀÀ",
            'E' => "ÉÉ",
            'I' => "ÎÎ",
            'O' => "ÔÔ",
            'U' => "ÛÛ",
            'c' => "ç",
            'C' => "Ç",
            'n' => "ñ",
            'N' => "Ñ",
            's' => "š",
            'S' => "Š",
            'y' => "ý",
            'Y' => "Ý",
            'z' => "ž",
            'Z' => "Ž",
            'd' => "ð",
            'D' => "Ð",
            'g' => "ĝ",
            'G' => "Ĝ",
            'h' => "ĥ",
            'H' => "Ĥ",
            'k' => "ķ",
            'K' => "Ķ",
            'l' => "ļ",
            'L' => "Ļ",
            'r' => "ŕ",
            'R' => "Ŕ",
            't' => "ţ",
            'T' => "Ţ",
            'w' => "ŵ",
            'W' => "Ŵ",
            'b' => "ƀ",
            'B' => "Ɓ",
            'f' => "ƒ",
            'F' => "Ƒ",
            'j' => "ĵ",
            'J' => "Ĵ",
            'm' => "ɱ",
            'M' => "Ṁ",
            'p' => "þ",
            'P' => "Þ",
            'q' => "ǫ",
            'Q' => "Ǫ",
            'v' => "ṽ",
            'V' => "Ṽ",
            'x' => "ẋ",
            'X' => "Ẋ",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(accented);
    }
    Cow::Owned(out)
}
