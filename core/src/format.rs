//! Reading and writing the versioned trip document (`docs/trip-format.md`).
//!
//! Order of checks: size (before parsing), then a typed parse that stops at the first unknown
//! field or over-long list. Only when that parse fails do we look closer, to give the most
//! useful reason: a newer `format`, or a customs-filing credential that has no place on a phone.

use serde_json::Value;

use crate::error::{redact_quoted, Error, Result};
use crate::limits::MAX_DOCUMENT_BYTES;
use crate::model::{Trip, FORMAT_VERSION};

/// Parses a trip document. Checks size, syntax, types, unknown fields, list limits, the format
/// version and forbidden fields. Does not apply the validation rules: see [`crate::validate`].
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
    let typed: std::result::Result<Trip, _> = serde_path_to_error::deserialize(&mut de);
    match typed {
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

/// Writes a trip document as compact JSON.
pub fn to_json(trip: &Trip) -> Result<String> {
    serde_json::to_string(trip).map_err(|e| Error::Corrupt(e.to_string()))
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
fn explain_failure(bytes: &[u8], err: serde_path_to_error::Error<serde_json::Error>) -> Error {
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
    let path = err.path().to_string();
    let inner = err.into_inner();
    Error::Malformed {
        path: if path.is_empty() { ".".into() } else { path },
        reason: redact_quoted(&inner.to_string()),
    }
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
