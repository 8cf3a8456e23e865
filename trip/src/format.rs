//! Reading and writing the versioned trip document (`docs/trip-format.md`).
//!
//! Order of checks: size (before parsing), then a typed parse that stops at the first unknown
//! field or over-long list. Only when that parse fails do we look closer, to give the most
//! useful reason: a newer `format`, or a customs-filing credential that has no place on a phone.

use serde::Deserialize;
use serde_json::Value;

use crate::error::{redact_quoted, Error, Result};
use crate::limits::MAX_DOCUMENT_BYTES;
use crate::limits::MAX_ECHOED_CHARS;
use crate::model::{Trip, FORMAT_VERSION};

/// Parses a trip document. Checks size, syntax, types, unknown fields, list limits, the format
/// version and forbidden fields. Does not apply the validation rules: see [`crate::validate`].
#[inline]
pub fn parse_trip(bytes: &[u8]) -> Result<Trip> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::DocumentTooLarge {
            size: bytes.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(Error::Malformed {
            path: ".".into(),
            reason: "a trip document is a JSON object ({ … })".into(),
        });
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match Trip::deserialize(&mut de) {
        Ok(trip) => {
            // Trailing garbage after the object is an error too.
            de.end().map_err(|e| Error::Malformed {
                path: ".".into(),
                reason: redact_quoted(&e.to_string()),
            })?;
            if trip.format == FORMAT_VERSION {
                Ok(trip)
            } else {
                Err(unsupported(trip.format.to_string()))
            }
        }
        Err(err) => Err(explain_failure(bytes, err)),
    }
}

/// Writes a trip document as compact JSON (a trip has no map with non-string keys, so this
/// fails only on a bug; callers say how they report one).
#[inline]
pub fn to_json(trip: &Trip) -> serde_json::Result<String> {
    serde_json::to_string(trip)
}

fn unsupported(found: String) -> Error {
    let newer = found
        .parse::<u64>()
        .is_ok_and(|f| f > u64::from(FORMAT_VERSION));
    Error::UnsupportedFormat {
        found,
        supported: FORMAT_VERSION,
        hint: if newer {
            " (it is newer: update the app)"
        } else {
            ""
        },
    }
}

/// Turns a failed typed parse into the most helpful error.
#[inline]
fn explain_failure(bytes: &[u8], err: serde_json::Error) -> Error {
    // The document is bounded by MAX_DOCUMENT_BYTES, so a second, untyped look is affordable
    // on this (failure) path only.
    if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
        if let Some((path, what)) = find_forbidden(&value, "") {
            return Error::ForbiddenField { path, what };
        }
        match value.get("format") {
            Some(Value::Number(n)) if n.as_u64() != Some(u64::from(FORMAT_VERSION)) => {
                return unsupported(n.to_string());
            }
            Some(Value::String(s)) => return unsupported(format!("{s:?}")),
            None if value.is_object() => {
                return Error::Malformed {
                    path: "format".into(),
                    reason: format!(
                        "missing: a trip document starts with \"format\": {FORMAT_VERSION}"
                    ),
                }
            }
            _ => {}
        }
    }
    let path = path_at(bytes, err.line(), err.column());
    Error::Malformed {
        path: if path.is_empty() { ".".into() } else { path },
        reason: redact_quoted(&err.to_string()),
    }
}

/// The path (`shipments[2].consignee.name`) of the JSON value being read at the position
/// serde_json reports an error at (1-based line, bytes into that line).
///
/// Only runs on the failure path. It re-reads the document up to that position with a small
/// scanner instead of wrapping every deserializer in a path-tracking one (the
/// `serde_path_to_error` crate, ~130 KB of the phone library: docs/benchmarks.md).
pub(crate) fn path_at(bytes: &[u8], line: usize, column: usize) -> String {
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(i, _)| i + 1)
    };
    let end = line_start.saturating_add(column).min(bytes.len());
    let prefix = &bytes[..end];

    /// One open container: an object and the key whose value is being read, or an array,
    /// the index of its current element and whether that element has started (a value's
    /// first byte was read: an error between elements is about the list itself).
    enum Frame {
        Object(Option<String>),
        Array(usize, bool),
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < prefix.len() {
        let byte = prefix[i];
        if let Some(Frame::Array(_, started @ false)) = stack.last_mut() {
            *started = matches!(
                byte,
                b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'
            );
        }
        match byte {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0, false)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => *key = None,
                Some(Frame::Array(n, started)) => {
                    *n += 1;
                    *started = false;
                }
                None => {}
            },
            b'"' => {
                // Find the closing quote, skipping escapes. An unterminated string is where
                // the error is: stop there.
                let start = i;
                i += 1;
                while i < prefix.len() && prefix[i] != b'"' {
                    i += if prefix[i] == b'\\' { 2 } else { 1 };
                }
                if i >= prefix.len() {
                    break;
                }
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    let name =
                        serde_json::from_slice::<String>(&prefix[start..=i]).unwrap_or_else(|_| {
                            String::from_utf8_lossy(&prefix[start + 1..i]).into_owned()
                        });
                    // A key is the document's, not the schema's, when it is unknown: cut it.
                    *key = Some(if name.chars().count() > MAX_ECHOED_CHARS {
                        name.chars().take(MAX_ECHOED_CHARS).chain(['…']).collect()
                    } else {
                        name
                    });
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(n, true) => path.push_str(&format!("[{n}]")),
            Frame::Array(_, false) => {}
        }
    }
    path
}

/// Looks for a key that names a customs-filing credential anywhere in the document.
/// Returns the path of the first one and what it looks like.
pub(crate) fn find_forbidden(value: &Value, path: &str) -> Option<(String, &'static str)> {
    match value {
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let here = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            match forbidden_key(k) {
                Some(what) => Some((here, what)),
                None => find_forbidden(v, &here),
            }
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| find_forbidden(v, &format!("{path}[{i}]"))),
        _ => None,
    }
}

/// Classifies a field name that looks like a filing credential.
pub(crate) fn forbidden_key(key: &str) -> Option<&'static str> {
    let k: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let has = |needles: &[&str]| needles.iter().any(|n| k.contains(n));
    if has(&["sharedsecret"]) {
        Some("a CBSA Shared Secret")
    } else if has(&[
        "apikey",
        "companykey",
        "accesskey",
        "secretkey",
        "clientsecret",
        "privatekey",
    ]) {
        Some("a customs provider API key")
    } else if k.starts_with("edi")
        && has(&[
            "key",
            "user",
            "login",
            "pass",
            "credential",
            "mailbox",
            "sender",
            "id",
        ])
    {
        Some("an EDI credential")
    } else if has(&["password", "passwd", "passphrase", "pwd"]) {
        Some("a customs portal password")
    } else if has(&[
        "portallogin",
        "portaluser",
        "portalaccount",
        "credential",
        "username",
    ]) {
        Some("a customs portal login")
    } else if has(&["secret", "token"]) {
        Some("a secret or access token")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path serde_json's own error position leads to, for a typed parse of `json`.
    fn failing_path<T: for<'de> Deserialize<'de> + std::fmt::Debug>(json: &str) -> String {
        let err = serde_json::from_str::<T>(json).expect_err("must fail");
        path_at(json.as_bytes(), err.line(), err.column())
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        name: String,
        weight: u32,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        #[serde(rename = "we\"ird")]
        weird: Option<u8>,
        items: Vec<Item>,
        nested: Option<std::collections::BTreeMap<String, Vec<u8>>>,
    }

    #[test]
    fn error_positions_map_to_the_field_being_read() {
        let ok = r#"{"name": "a", "weight": 1}"#;
        assert_eq!(
            failing_path::<Doc>(&format!(
                r#"{{"items": [{ok}, {{"name": "b", "weight": "x"}}]}}"#
            )),
            "items[1].weight"
        );
        assert_eq!(
            failing_path::<Doc>(&format!(
                "{{\n \"items\": [\n{ok},\n{ok},\n {{\"name\": 7}}]}}"
            )),
            "items[2].name"
        );
        // A missing field is reported at the end of its object: the path is the object.
        assert_eq!(
            failing_path::<Doc>(r#"{"items": [{"name": "a, [b] {c}"}]}"#),
            "items[0]"
        );
        // A value that ends early is reported at the last field read.
        assert_eq!(failing_path::<Doc>(r#"{"items": []"#), "items");
        assert_eq!(failing_path::<Doc>(r#"{"items": [], "#), "");
        assert_eq!(
            failing_path::<Doc>(r#"{"items": [], "colour": 1}"#),
            "colour"
        );
        assert_eq!(
            failing_path::<Doc>(r#"{"we\"ird": 300, "items": []}"#),
            "we\"ird"
        );
        assert_eq!(
            failing_path::<Doc>(r#"{"items": [], "nested": {"a": [1, 2], "b\u0041": [3, -1]}}"#),
            "nested.bA[1]"
        );
        // Between elements, the error is about the list.
        assert_eq!(
            failing_path::<Doc>(r#"{"items": [{"name": "a", "weight": 1}, @]}"#),
            "items"
        );
        let long = "x".repeat(100_000);
        let path = failing_path::<Doc>(&format!(r#"{{"items": [], "{long}": 1}}"#));
        assert_eq!(path, format!("{}…", "x".repeat(MAX_ECHOED_CHARS)));
        // Positions past the end or on a line that does not exist are clamped.
        assert_eq!(path_at(b"{\"a\": [1", 9, 99), "a[0]");
    }

    #[test]
    fn credential_names_are_recognised() {
        for k in [
            "sharedSecret",
            "shared_secret",
            "CBSA-Shared-Secret",
            "apiKey",
            "companyKey",
            "portalPassword",
            "password",
            "ediLogin",
            "edi_password",
            "ediSenderId",
            "portalLogin",
            "credentials",
            "accessToken",
        ] {
            assert!(forbidden_key(k).is_some(), "{k} should be refused");
        }
        for k in [
            "description",
            "editor",
            "emergencyContact",
            "controlNumber",
            "id",
            "seals",
        ] {
            assert_eq!(forbidden_key(k), None, "{k} is an ordinary field");
        }
    }

    #[test]
    fn forbidden_key_path_is_reported() {
        let v: Value = serde_json::json!({"a": [{"b": 1}, {"portalPassword": "x"}]});
        assert_eq!(
            find_forbidden(&v, ""),
            Some((
                "a[1].portalPassword".to_string(),
                "a customs portal password"
            ))
        );
    }
}
