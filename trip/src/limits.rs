//! Input limits: how big a trip document may be, and how many items each list may hold.
//!
//! The size is checked before a byte is parsed. List counts are checked while parsing: the
//! bounded deserializer stops at the first item over the limit, so a document with a million
//! shipments is refused after reading one more than the limit, not after building them all.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

/// Whether a character is a bidirectional embedding, override or isolate (U+202A–U+202E,
/// U+2066–U+2069). They reorder how the text around them is shown ("Trojan Source"), so a
/// name or a note could display as something it is not; no field needs them. The marks
/// (U+200E, U+200F, U+061C) and the zero-width joiners that Gurmukhi and other scripts need
/// stay allowed.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The rule broken by a text with a control or bidirectional-override character, if any.
/// `newlines`: whether line breaks are allowed (notes).
pub fn text_rule(value: &str, newlines: bool) -> Option<&'static str> {
    text_rule_id(value, newlines).map(|id| match id {
        "rule-control-characters" => "must not contain control characters",
        _ => "must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069)",
    })
}

/// [`text_rule`] as the id of its message in the catalogues.
pub fn text_rule_id(value: &str, newlines: bool) -> Option<&'static str> {
    if value
        .chars()
        .any(|c| c.is_control() && !(newlines && c == '\n'))
    {
        Some("rule-control-characters")
    } else if value.chars().any(is_bidi_control) {
        Some("rule-bidi")
    } else {
        None
    }
}

/// Largest trip document accepted, in bytes (5 MiB). A 500-shipment trip is about 0.3 MiB.
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;
/// Most shipments on one trip.
pub const MAX_SHIPMENTS: usize = 2_000;
/// Most commodity lines in one shipment.
pub const MAX_COMMODITIES: usize = 999;
/// Most crew members on one trip.
pub const MAX_CREW: usize = 10;
/// Most trailers on one trip.
pub const MAX_TRAILERS: usize = 6;
/// Most plates on one truck or trailer.
pub const MAX_PLATES: usize = 4;
/// Most seals on one truck or trailer.
pub const MAX_SEALS: usize = 30;
/// Most travel documents of one person.
pub const MAX_TRAVEL_DOCUMENTS: usize = 8;
/// Most marks-and-numbers lines of one commodity.
pub const MAX_MARKS: usize = 20;

/// Most characters of a document's own text echoed in an error: a refused value, or an unknown
/// field name. A huge one (a 15 MiB trip number from a hostile page) must not become a huge error
/// message, log line or UI string.
pub const MAX_ECHOED_CHARS: usize = 64;

/// Deserializes a list, refusing it as soon as it holds more than `N` items.
pub(crate) fn bounded<'de, D, T, const N: usize>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct BoundedVisitor<T, const N: usize>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for BoundedVisitor<T, N> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a list of at most {N} items")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let hint = seq.size_hint().unwrap_or(0).min(N);
            let mut items = Vec::with_capacity(hint.min(64));
            while let Some(item) = seq.next_element()? {
                if items.len() == N {
                    return Err(serde::de::Error::custom(format!(
                        "more than {N} items: the limit is {N}"
                    )));
                }
                items.push(item);
            }
            Ok(items)
        }
    }

    deserializer.deserialize_seq(BoundedVisitor::<T, N>(PhantomData))
}
