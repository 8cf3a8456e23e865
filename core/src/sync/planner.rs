//! The sync engine's decisions, as pure functions: how to read a failure, how long to wait,
//! how big the next batch is, and what state to show. No I/O, no clock, no randomness: callers
//! pass the attempt number and a jitter draw, so every decision is unit-tested.
//!
//! The status table (docs/sync.md, ADR 0013):
//!
//! | answer | decision |
//! |---|---|
//! | network error, timeout, 408, 500, 502, 503, 504 | retry: full-jitter exponential backoff, capped |
//! | the token store cannot be read (after a 401, or before the first request) | retry with the backoff; not "sign in", not "offline" |
//! | 429 / 503 with `Retry-After` | retry no sooner than `max(Retry-After, backoff)` |
//! | 401 | refresh the token once; still 401 → sign-in required, queue kept |
//! | 403 `device_unknown` | register the device again, then retry |
//! | 410 `cursor_expired` | full re-pull of the cache; outbox untouched |
//! | 413 | halve the batch, retry |
//! | 426 / `client_too_old` | stop; update required; queue kept |
//! | other 4xx, bad response | stop with a long backoff (a client or server bug); queue kept |

use std::time::Duration;

use serde::Serialize;

/// Base of the exponential backoff.
pub const BACKOFF_BASE: Duration = Duration::from_secs(2);
/// Cap of the exponential backoff.
pub const BACKOFF_CAP: Duration = Duration::from_secs(15 * 60);
/// Wait after a failure that retrying soon cannot fix (a client or server bug).
pub const STOP_BACKOFF: Duration = Duration::from_secs(60 * 60);

/// What went wrong with one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No answer: connection refused or reset, DNS, timeout.
    Network(String),
    /// An HTTP answer other than success.
    Http {
        /// Status code.
        status: u16,
        /// The `error` code of the JSON body, if any.
        code: Option<String>,
        /// Parsed `Retry-After`, if any.
        retry_after: Option<Duration>,
    },
    /// A success answer that could not be used (bad JSON, a trip that fails validation).
    BadResponse(String),
    /// The phone's token store could not be read (a locked phone): retry, the network is fine.
    TokenStore(String),
}

/// What to do about a failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Try again after this long.
    Retry {
        /// How long to wait.
        after: Duration,
        /// The device looked offline (no answer at all).
        offline: bool,
    },
    /// Ask the token provider for a fresh token, then retry once.
    RefreshToken,
    /// Stop until the driver signs in again.
    SignInRequired,
    /// Register the device again, then retry.
    Reregister,
    /// Throw the cache cursor away and pull everything again.
    Resync,
    /// Send a smaller batch.
    HalveBatch,
    /// Stop until the app is updated.
    UpdateRequired,
    /// Stop for a long while: retrying soon cannot help.
    Stop {
        /// How long to wait.
        after: Duration,
    },
}

/// Full-jitter exponential backoff: a wait drawn uniformly from `[0, min(cap, base·2^attempt)]`.
/// `attempt` counts failures in a row from 0; `jitter` is a draw from `[0, 1)`.
pub fn backoff(attempt: u32, jitter: f64) -> Duration {
    let ceiling = BACKOFF_BASE
        .checked_mul(1u32.checked_shl(attempt.min(30)).unwrap_or(u32::MAX))
        .unwrap_or(BACKOFF_CAP)
        .min(BACKOFF_CAP);
    ceiling.mul_f64(jitter.clamp(0.0, 1.0))
}

/// Decides what to do about a failure. `refreshed` tells whether the token was already
/// refreshed for this request.
pub fn decide(failure: &Failure, attempt: u32, jitter: f64, refreshed: bool) -> Decision {
    let wait = backoff(attempt, jitter);
    match failure {
        Failure::Network(_) => Decision::Retry {
            after: wait,
            offline: true,
        },
        Failure::TokenStore(_) => Decision::Retry {
            after: wait,
            offline: false,
        },
        Failure::BadResponse(_) => Decision::Stop {
            after: STOP_BACKOFF,
        },
        Failure::Http {
            status,
            code,
            retry_after,
        } => {
            let honour = |d: Duration| retry_after.map_or(d, |r| r.max(d));
            match status {
                401 if refreshed => Decision::SignInRequired,
                401 => Decision::RefreshToken,
                403 if code.as_deref() == Some("device_unknown") => Decision::Reregister,
                410 => Decision::Resync,
                413 => Decision::HalveBatch,
                426 => Decision::UpdateRequired,
                400 if code.as_deref() == Some("client_too_old") => Decision::UpdateRequired,
                408 | 429 | 500 | 502 | 503 | 504 => Decision::Retry {
                    after: honour(wait),
                    offline: false,
                },
                _ => Decision::Stop {
                    after: honour(STOP_BACKOFF),
                },
            }
        }
    }
}

/// Parses a `Retry-After` value: delta seconds, or an HTTP date relative to `now`.
pub fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs.min(24 * 3600)));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let delta = at.with_timezone(&chrono::Utc) - now;
    Some(
        delta
            .to_std()
            .unwrap_or(Duration::ZERO)
            .min(Duration::from_secs(24 * 3600)),
    )
}

/// How many of the next pending events go in one upload: at most `max_events`, and at most
/// `max_bytes` of encoded events, but always at least one (a single event is never too big:
/// its fields are bounded).
pub fn batch_len(sizes: &[usize], max_events: usize, max_bytes: usize) -> usize {
    let mut total = 0;
    let mut n = 0;
    for &s in sizes.iter().take(max_events.max(1)) {
        if n > 0 && total + s > max_bytes {
            break;
        }
        total += s;
        n += 1;
    }
    n
}

/// What the shells show about sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SyncState {
    /// Nothing to do, or done.
    Idle,
    /// A sync is running.
    Syncing,
    /// No connection; waiting for the network (and retrying by itself).
    Offline {
        /// Next automatic try (RFC 3339).
        retry_at: String,
    },
    /// The server asked to wait, or failed; retrying by itself later.
    BackingOff {
        /// Next automatic try (RFC 3339).
        until: String,
        /// Why, in words.
        reason: String,
    },
    /// The token was refused: the driver must sign in again. Nothing is lost.
    SignInRequired,
    /// The server needs a newer app. Nothing is lost.
    UpdateRequired,
}

impl SyncState {
    /// One line for the driver.
    pub fn label(&self) -> String {
        match self {
            SyncState::Idle => "Up to date".into(),
            SyncState::Syncing => "Syncing…".into(),
            SyncState::Offline { retry_at } => format!("Offline: will retry at {retry_at}"),
            SyncState::BackingOff { until, reason } => {
                format!("Waiting until {until} ({reason})")
            }
            SyncState::SignInRequired => "Sign-in required: events are kept".into(),
            SyncState::UpdateRequired => "Update required: events are kept".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn http(status: u16, retry_after: Option<u64>) -> Failure {
        Failure::Http {
            status,
            code: None,
            retry_after: retry_after.map(Duration::from_secs),
        }
    }

    #[test]
    fn backoff_grows_exponentially_with_full_jitter_and_a_cap() {
        assert_eq!(backoff(0, 1.0), Duration::from_secs(2));
        assert_eq!(backoff(3, 1.0), Duration::from_secs(16));
        assert_eq!(backoff(3, 0.5), Duration::from_secs(8));
        assert_eq!(backoff(3, 0.0), Duration::ZERO);
        assert_eq!(backoff(20, 1.0), BACKOFF_CAP);
        assert_eq!(backoff(u32::MAX, 0.999), BACKOFF_CAP.mul_f64(0.999));
    }

    #[test]
    fn the_status_table() {
        let d = |f: &Failure| decide(f, 2, 1.0, false);
        assert_eq!(
            d(&Failure::Network("refused".into())),
            Decision::Retry {
                after: Duration::from_secs(8),
                offline: true
            }
        );
        assert_eq!(
            d(&Failure::TokenStore("locked".into())),
            Decision::Retry {
                after: Duration::from_secs(8),
                offline: false
            }
        );
        for s in [408, 500, 502, 503, 504, 429] {
            assert_eq!(
                d(&http(s, None)),
                Decision::Retry {
                    after: Duration::from_secs(8),
                    offline: false
                },
                "{s}"
            );
        }
        assert_eq!(
            d(&http(503, Some(120))),
            Decision::Retry {
                after: Duration::from_secs(120),
                offline: false
            }
        );
        assert_eq!(
            d(&http(429, Some(1))),
            Decision::Retry {
                after: Duration::from_secs(8),
                offline: false
            }
        );
        assert_eq!(d(&http(401, None)), Decision::RefreshToken);
        assert_eq!(
            decide(&http(401, None), 0, 0.5, true),
            Decision::SignInRequired
        );
        assert_eq!(d(&http(410, None)), Decision::Resync);
        assert_eq!(d(&http(413, None)), Decision::HalveBatch);
        assert_eq!(d(&http(426, None)), Decision::UpdateRequired);
        assert_eq!(
            d(&http(400, None)),
            Decision::Stop {
                after: STOP_BACKOFF
            }
        );
        assert_eq!(
            d(&http(404, None)),
            Decision::Stop {
                after: STOP_BACKOFF
            }
        );
        assert_eq!(
            d(&Failure::Http {
                status: 403,
                code: Some("device_unknown".into()),
                retry_after: None
            }),
            Decision::Reregister
        );
        assert_eq!(
            d(&Failure::BadResponse("bad page".into())),
            Decision::Stop {
                after: STOP_BACKOFF
            }
        );
    }

    #[test]
    fn retry_after_as_seconds_or_date() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-25T12:00:00Z")
            .expect("d")
            .to_utc();
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Wed, 25 Nov 2026 12:02:00 GMT", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Wed, 25 Nov 2026 11:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn batches_respect_count_and_bytes_but_never_stall() {
        assert_eq!(batch_len(&[10; 250], 100, 1_000_000), 100);
        assert_eq!(batch_len(&[100; 10], 100, 350), 3);
        assert_eq!(
            batch_len(&[5_000, 1], 100, 1_000),
            1,
            "an oversized single event still goes"
        );
        assert_eq!(batch_len(&[], 100, 1_000), 0);
        assert_eq!(batch_len(&[1; 10], 0, 1_000), 1);
    }
}
