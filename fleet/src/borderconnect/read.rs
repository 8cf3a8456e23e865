//! Lenient reading of BorderConnect JSON: strings or numbers, one object or an array, every
//! key that Crossing does not know reported as a warning, never dropped in silence. Every
//! finding names the BorderConnect path (`shipments[1].cargoControlNumber`).

use crossing_trip::limits::MAX_ECHOED_CHARS;
use crossing_trip::{Issue, Severity};
use serde_json::{Map, Value};

/// What reading found: errors refuse the document, warnings travel with the result.
#[derive(Debug, Default)]
pub struct Findings {
    /// Refuse the document.
    pub errors: Vec<Issue>,
    /// Reported to the manager; the document is imported.
    pub warnings: Vec<Issue>,
}

impl Findings {
    fn push(&mut self, severity: Severity, path: String, value: Option<&str>, rule: String) {
        let issue = Issue {
            severity,
            path,
            value: value.map(|v| v.chars().take(MAX_ECHOED_CHARS).collect()),
            rule,
            msg: None,
        };
        match severity {
            Severity::Error => self.errors.push(issue),
            Severity::Warning => self.warnings.push(issue),
        }
    }

    /// An error at `path`; `value` only when it is not personal data.
    pub fn error(&mut self, path: &str, value: Option<&str>, rule: impl Into<String>) {
        self.push(Severity::Error, path.to_string(), value, rule.into());
    }

    /// A warning at `path`.
    pub fn warn(&mut self, path: &str, value: Option<&str>, rule: impl Into<String>) {
        self.push(Severity::Warning, path.to_string(), value, rule.into());
    }
}

/// A JSON object being read, with its BorderConnect path.
#[derive(Debug, Clone, Copy)]
pub struct Obj<'v> {
    map: &'v Map<String, Value>,
    path: &'v str,
}

/// Owns the path strings of nested objects (an [`Obj`] borrows its path).
pub struct At<'v> {
    map: &'v Map<String, Value>,
    path: String,
}

impl<'v> At<'v> {
    /// A view of this object.
    pub fn obj(&self) -> Obj<'_> {
        Obj {
            map: self.map,
            path: &self.path,
        }
    }
}

/// The path of `key` under `path` (`truck` + `number` → `truck.number`).
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl<'v> Obj<'v> {
    /// Reads `value` as an object at `path`.
    pub fn root(value: &'v Value, path: &'v str) -> Option<Self> {
        value.as_object().map(|map| Obj { map, path })
    }

    /// This object's path.
    pub fn path(&self) -> &str {
        self.path
    }

    /// The path of one of its keys.
    pub fn at(&self, key: &str) -> String {
        join(self.path, key)
    }

    /// The raw value of a key.
    pub fn raw(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// A text field: a string, or a number written as text. `personal` keeps the value out of
    /// messages.
    pub fn text(&self, f: &mut Findings, key: &str) -> Option<String> {
        match self.raw(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => {
                f.error(&self.at(key), Some(&b.to_string()), "must be text");
                None
            }
            _ => {
                f.error(&self.at(key), None, "must be text");
                None
            }
        }
    }

    /// A text field that must be there.
    pub fn required(&self, f: &mut Findings, key: &str) -> String {
        match self.text(f, key) {
            Some(s) => s,
            None => {
                if self.raw(key).is_none() {
                    f.error(&self.at(key), None, "is required");
                }
                String::new()
            }
        }
    }

    /// A true/false field.
    pub fn flag(&self, f: &mut Findings, key: &str) -> Option<bool> {
        match self.raw(key)? {
            Value::Bool(b) => Some(*b),
            Value::String(s) if s == "true" || s == "false" => Some(s == "true"),
            _ => {
                f.error(&self.at(key), None, "must be true or false");
                None
            }
        }
    }

    /// A whole number above zero: a JSON number or digits in a string.
    pub fn count(&self, f: &mut Findings, key: &str) -> Option<u32> {
        let raw = self.raw(key);
        let n = match raw {
            Some(Value::Number(n)) => n.as_u64(),
            Some(Value::String(s)) => s.trim().parse::<u64>().ok(),
            None => {
                f.error(&self.at(key), None, "is required");
                return None;
            }
            _ => None,
        };
        match n.and_then(|n| u32::try_from(n).ok()).filter(|n| *n > 0) {
            Some(n) => Some(n),
            None => {
                let shown = raw.map(Value::to_string);
                f.error(
                    &self.at(key),
                    shown.as_deref(),
                    "must be a whole number above 0",
                );
                None
            }
        }
    }

    /// A nested object.
    pub fn child(&self, f: &mut Findings, key: &str) -> Option<At<'v>> {
        match self.raw(key)? {
            Value::Object(map) => Some(At {
                map,
                path: self.at(key),
            }),
            _ => {
                f.error(&self.at(key), None, "must be an object");
                None
            }
        }
    }

    /// An array of objects (a lone object is read as an array of one).
    pub fn list(&self, f: &mut Findings, key: &str) -> Vec<At<'v>> {
        match self.raw(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| match v {
                    Value::Object(map) => Some(At {
                        map,
                        path: format!("{}[{i}]", self.at(key)),
                    }),
                    _ => {
                        f.error(&format!("{}[{i}]", self.at(key)), None, "must be an object");
                        None
                    }
                })
                .collect(),
            Some(Value::Object(map)) => vec![At {
                map,
                path: self.at(key),
            }],
            Some(_) => {
                f.error(&self.at(key), None, "must be an array of objects");
                Vec::new()
            }
        }
    }

    /// Strings: an array of them, or one string (BorderConnect's ACI `marksAndNumbers`).
    pub fn strings(&self, f: &mut Findings, key: &str) -> Vec<String> {
        match self.raw(key) {
            None => Vec::new(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Number(n)) => vec![n.to_string()],
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| match v {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => {
                        f.error(&format!("{}[{i}]", self.at(key)), None, "must be text");
                        None
                    }
                })
                .collect(),
            Some(_) => {
                f.error(&self.at(key), None, "must be text or an array of text");
                Vec::new()
            }
        }
    }

    /// Warns about every key not in `known` (read, or deliberately not carried to the phone):
    /// nothing a fleet sent is dropped without a word.
    pub fn unknown_keys(&self, f: &mut Findings, known: &[&str]) {
        for key in self.map.keys() {
            if !known.contains(&key.as_str()) {
                f.warn(
                    &self.at(key),
                    None,
                    "is not a field Crossing imports; it stays in the server's copy of the document and does not reach the phone",
                );
            }
        }
    }
}

/// Keys that must never be stored or forwarded: provider account keys, API keys, passwords.
pub fn is_secret_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase().replace(['_', '-'], "");
    k == "companykey"
        || k.contains("apikey")
        || k.contains("password")
        || k.contains("secret")
        || k == "authorization"
        || k == "token"
}

/// A copy of a document with every secret key removed, at any depth: what the server keeps.
pub fn without_secrets(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !is_secret_key(k))
                .map(|(k, v)| (k.clone(), without_secrets(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_secrets).collect()),
        other => other.clone(),
    }
}
