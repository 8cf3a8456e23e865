//! What the core tells support, through a sink the shell provides (Logcat, `os_log`, a file).
//!
//! Lines are made here from counts, kinds, field paths and rules, never from the trip's values:
//! no token, name, document number, plate, trip or control number is written into a line. Every
//! line also passes [`redact`] before it reaches the sink, a second guard for words a rule may
//! quote: anything in quotes, and any word of six or more characters that holds a digit (trip
//! numbers, CCNs, plates, tokens, ids), is replaced by `…`. Four-digit port codes stay.
//!
//! With no sink installed, nothing is logged.

use std::sync::{Arc, RwLock};

/// How much a line matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// A normal step (a sync run, its result).
    Info,
    /// Something the driver may see as a problem (a refusal, a retry).
    Warn,
    /// Data had to be repaired or could not be read.
    Error,
}

/// Where log lines go; the shells implement it.
pub trait LogSink: Send + Sync {
    /// One line: `area` is a short word (`sync`, `store`, `record`), `message` is redacted.
    fn log(&self, level: Level, area: &str, message: &str);
}

static SINK: RwLock<Option<Arc<dyn LogSink>>> = RwLock::new(None);

/// Installs the sink for this process (replacing any earlier one); `None` turns logging off.
pub fn set_sink(sink: Option<Arc<dyn LogSink>>) {
    *SINK
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = sink;
}

/// Writes a line, redacted, to the installed sink.
pub fn write(level: Level, area: &str, message: &str) {
    let sink = SINK
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    if let Some(sink) = sink {
        sink.log(level, area, &redact(message));
    }
}

/// [`write`] at [`Level::Info`].
pub fn info(area: &str, message: &str) {
    write(Level::Info, area, message);
}

/// [`write`] at [`Level::Warn`].
pub fn warn(area: &str, message: &str) {
    write(Level::Warn, area, message);
}

/// Replaces quoted text and identifier-like words (six or more characters with a digit) by `…`.
pub fn redact(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut word = String::new();
    let mut quoted = false;
    let flush = |word: &mut String, out: &mut String| {
        let long = word.chars().count() >= 6;
        if long && word.chars().any(|c| c.is_ascii_digit()) {
            out.push('…');
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in message.chars() {
        if c == '"' {
            flush(&mut word, &mut out);
            if quoted {
                out.push_str("…\"");
            } else {
                out.push('"');
            }
            quoted = !quoted;
        } else if quoted {
            // Quoted text is dropped whole.
        } else if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '=' | '/' | '+') {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// One line for a finished sync run: its counts, or the kind of failure.
pub(crate) fn describe_run(number: u64, result: &crate::sync::RunResult) -> String {
    use crate::sync::SyncError as E;
    match result {
        Ok(r) => format!(
            "run {number} ok: {} sent, {} duplicates, {} refused, {} retry later; {} trips updated, {} removed; {} requests",
            r.uploaded, r.duplicates, r.dead_lettered, r.retry_later, r.trips_updated, r.trips_removed, r.requests
        ),
        Err(E::Retry { after, offline, .. }) => format!(
            "run {number} failed: retry in {} s ({})",
            after.as_secs(),
            if *offline { "no connection" } else { "server busy or failing" }
        ),
        Err(E::SignInRequired) => format!("run {number} failed: sign-in required"),
        Err(E::UpdateRequired) => format!("run {number} failed: update required"),
        Err(E::Stop { after, reason }) => {
            format!("run {number} stopped for {} min: {reason}", after.as_secs() / 60)
        }
        Err(E::Local { failure, .. }) => format!("run {number} failed on the phone: {failure:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_removes_quoted_text_and_identifiers_and_keeps_ports_and_counts() {
        assert_eq!(
            redact(r#"shipment "ABCD1234567": is not on trip "T-1""#),
            r#"shipment "…": is not on trip "…""#
        );
        assert_eq!(
            redact("token crx_d_9f8e7d6c5b sent to 0453 with 12 events"),
            "token … sent to 0453 with 12 events"
        );
        assert_eq!(redact("plate ZQCNRY77 trip 1234ABC"), "plate … trip …");
    }
}
