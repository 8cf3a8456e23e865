//! Errors of a trip document and of the inputs checked against it, in one place.
//!
//! Every message names the field path and the rule that failed. Messages never carry personal
//! data (names, dates of birth, document numbers, plates) nor credentials: validation issues on
//! personal fields omit the value, and parser messages have quoted values blanked out.

use std::fmt;

use crate::limits::MAX_ECHOED_CHARS;

/// Result type of the document crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How serious a validation finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The trip is refused.
    Error,
    /// The trip is accepted and the driver is shown the warning (rules without a primary source).
    Warning,
}

/// One validation finding: where, what value (unless personal), and which rule.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Issue {
    /// Error or warning.
    pub severity: Severity,
    /// Field path, e.g. `shipments[3].controlNumber`.
    pub path: String,
    /// The offending value, or `None` when the field holds personal data.
    pub value: Option<String>,
    /// The rule, in words, e.g. `must start with the trip's carrier code "1234"` (English:
    /// logs, the API).
    pub rule: String,
    /// The rule as a message, to word it in the reader's language (`None`: shown as written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msg: Option<crossing_text::Msg>,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Some(v) => write!(f, "{} {:?}: {}", self.path, v, self.rule),
            None => write!(f, "{}: {}", self.path, self.rule),
        }
    }
}

impl Issue {
    /// The finding in the reader's language: the path and value as written, the rule worded
    /// from its message (or as written when it has none).
    pub fn worded(&self, t: &crossing_text::Text) -> String {
        use crossing_text::tr;
        let rule = self
            .msg
            .as_ref()
            .map_or_else(|| self.rule.clone(), |m| t.msg(m));
        match &self.value {
            Some(v) => tr!(
                t,
                "warning-line-value",
                path = self.path.as_str(),
                value = v.as_str(),
                rule = rule
            ),
            None => tr!(t, "warning-line", path = self.path.as_str(), rule = rule),
        }
    }
}

/// The errors of a trip that failed validation (at least one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Every error found, in document order.
    pub errors: Vec<Issue>,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 3;
        let n = self.errors.len();
        write!(
            f,
            "trip refused: {n} error{}: ",
            if n == 1 { "" } else { "s" }
        )?;
        for (i, issue) in self.errors.iter().take(SHOWN).enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{issue}")?;
        }
        if n > SHOWN {
            write!(f, "; and {} more", n - SHOWN)?;
        }
        Ok(())
    }
}

impl Rejection {
    /// [`Rejection`]'s sentence in the reader's language (the first three findings, then how
    /// many more).
    pub fn worded(&self, t: &crossing_text::Text) -> String {
        use crossing_text::tr;
        const SHOWN: usize = 3;
        let n = self.errors.len();
        let listed: Vec<String> = self
            .errors
            .iter()
            .take(SHOWN)
            .map(|i| i.worded(t))
            .collect();
        let mut issues = listed.join("; ");
        if n > SHOWN {
            issues = tr!(t, "refused-more", issues = issues, rest = n - SHOWN);
        }
        tr!(t, "refused-trip", count = n, issues = issues)
    }
}

/// Everything that can go wrong in the core.
/// A document or an input that breaks a rule. Exhaustive on purpose: every consumer (the
/// phone core, the FFI, the fleet server) maps each variant itself, checked by the compiler.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The trip document is larger than [`crate::limits::MAX_DOCUMENT_BYTES`].
    #[error("trip document is {size} bytes; the limit is {limit} bytes")]
    DocumentTooLarge {
        /// Size of the document.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// A trip document read from a stream (a pipe, a device file) went past the limit; its
    /// whole size is not known because reading stopped there.
    #[error("trip document is larger than the limit of {limit} bytes")]
    DocumentOverLimit {
        /// The limit.
        limit: usize,
    },
    /// The document is not a well-formed trip (syntax, type, unknown field, list too long).
    #[error("{path}: {reason}")]
    Malformed {
        /// Where parsing stopped (`.` for the whole document).
        path: String,
        /// What was wrong.
        reason: String,
    },
    /// The document's `format` is not the one this core reads.
    #[error("format: trip document format {found} is not supported; this app reads format {supported}{hint}")]
    UnsupportedFormat {
        /// The format found in the document.
        found: String,
        /// The format this core reads.
        supported: u32,
        /// What to do about it.
        hint: &'static str,
    },
    /// The document carries a customs-filing credential.
    #[error("{path}: refused: {what} does not belong on a driver's phone; customs filing credentials stay on the carrier's server (the phone only shows trips and records events)")]
    ForbiddenField {
        /// Path of the offending field.
        path: String,
        /// What it looks like (e.g. "a CBSA Shared Secret").
        what: &'static str,
    },
    /// The trip failed validation; nothing was stored.
    #[error("{0}")]
    Invalid(Rejection),
    /// Input to a core call was bad (an event field, a barcode request, an id).
    #[error("{field}: {rule}")]
    InvalidInput {
        /// The field or argument, e.g. `port` or `shipment`.
        field: String,
        /// The rule it broke, in English (logs, the API).
        rule: String,
        /// The rule as a message, for showing it in the reader's language (`None`: the rule is
        /// for developers and is shown as written).
        msg: Option<crossing_text::Msg>,
    },
}

impl Error {
    /// An [`Error::InvalidInput`] for `field` breaking `rule`.
    pub fn input(field: impl Into<String>, rule: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            rule: rule.into(),
            msg: None,
        }
    }

    /// An [`Error::InvalidInput`] for `field` breaking a rule a driver may read (worded in
    /// English for `rule`, and in the driver's language by whoever shows it).
    pub fn input_msg(field: impl Into<String>, msg: crossing_text::Msg) -> Self {
        Error::InvalidInput {
            field: field.into(),
            rule: msg.english(),
            msg: Some(msg),
        }
    }
}

/// Blanks out values in a parser message (`invalid type: string "Jane"` →
/// `invalid type: string "…"`, ``unknown variant `Jane` `` → ``unknown variant `…` ``), so a
/// malformed personal field never reaches a log. Field names (``unknown field `x` ``) and the
/// list of what was expected are kept: they come from the schema, not from the document.
pub fn redact_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    let mut quote: Option<char> = None;
    let mut keep = false;
    // Characters kept inside the current quote: an unknown field name comes from the document,
    // so it is cut like any value the core echoes.
    let mut kept = 0;
    for c in message.chars() {
        match quote {
            Some(q) if c == q => {
                if !keep || kept > MAX_ECHOED_CHARS {
                    out.push('…');
                }
                out.push(c);
                quote = None;
            }
            Some(_) => {
                if keep {
                    kept += 1;
                    if kept <= MAX_ECHOED_CHARS {
                        out.push(c);
                    }
                }
            }
            None if c == '"' || c == '`' => {
                keep = c == '`' && (out.ends_with("field ") || out.contains("expected"));
                kept = 0;
                out.push(c);
                quote = Some(c);
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_field_names_are_cut() {
        let long = "k".repeat(10_000);
        let m = redact_quoted(&format!("unknown field `{long}`, expected `a`"));
        assert_eq!(
            m,
            format!(
                "unknown field `{}…`, expected `a`",
                "k".repeat(MAX_ECHOED_CHARS)
            )
        );
    }

    #[test]
    fn redacts_quoted_values_but_keeps_the_rest() {
        assert_eq!(
            redact_quoted("invalid type: string \"Jane Doe\", expected u32 at line 3"),
            "invalid type: string \"…\", expected u32 at line 3"
        );
        assert_eq!(
            redact_quoted("unknown field `x`, expected one of `a`, `b`"),
            "unknown field `x`, expected one of `a`, `b`"
        );
        assert_eq!(
            redact_quoted("unknown variant `Jane Doe`, expected `DRIVER` or `PASSENGER`"),
            "unknown variant `…`, expected `DRIVER` or `PASSENGER`"
        );
        assert_eq!(
            redact_quoted("invalid type: integer `42705555555501`, expected a string"),
            "invalid type: integer `…`, expected a string"
        );
    }

    #[test]
    fn rejection_lists_first_errors_and_counts_the_rest() {
        let issue = |p: &str| Issue {
            severity: Severity::Error,
            path: p.into(),
            value: Some("V".into()),
            rule: "rule".into(),
            msg: None,
        };
        let r = Rejection {
            errors: vec![issue("a"), issue("b"), issue("c"), issue("d"), issue("e")],
        };
        let s = r.to_string();
        assert!(
            s.starts_with("trip refused: 5 errors: a \"V\": rule; b"),
            "{s}"
        );
        assert!(s.ends_with("; and 2 more"), "{s}");
    }
}
