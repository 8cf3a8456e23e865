//! Errors of the fleet server, mapped in one place to an HTTP status and a JSON body
//! (`{"error": code, "field": …, "reason": …}`) that names the field and the rule.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use crossing_trip::protocol::ApiError;

/// A failure on its way to becoming an HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiFailure {
    /// HTTP status.
    pub status: StatusCode,
    /// JSON body.
    pub body: ApiError,
    /// Seconds for a `Retry-After` header (429).
    pub retry_after: Option<u64>,
    /// The reason as messages, to word it in the reader's language when the response is made
    /// (`None`: the reason is sent as written).
    pub worded: Option<Box<Worded>>,
}

/// A reason that can be worded in the reader's language ([`crate::words`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Worded {
    /// A trip that failed validation.
    Rejection(crossing_trip::Rejection),
    /// An input that broke a rule: the field and the rule's message.
    Input(String, crossing_text::Msg),
    /// One of the console's and API's own messages (`fleet/locales`), without arguments.
    Message(&'static str),
}

impl Worded {
    fn reason(&self, t: &crossing_text::Text) -> String {
        match self {
            Worded::Rejection(r) => r.worded(t),
            Worded::Input(field, m) => format!("{field}: {}", t.msg(m)),
            Worded::Message(id) => t.get(id, &[]),
        }
    }
}

/// Result error type of the server's operations.
pub type Fail = ApiFailure;

impl ApiFailure {
    fn new(
        status: StatusCode,
        error: &str,
        field: Option<&str>,
        reason: impl Into<String>,
    ) -> Self {
        ApiFailure {
            status,
            body: ApiError {
                error: error.to_string(),
                field: field.map(str::to_string),
                reason: reason.into(),
            },
            retry_after: None,
            worded: None,
        }
    }

    /// The reason in `t`'s language: as written in English (or when it has no messages),
    /// else worded from its messages.
    pub fn reason_in(&self, t: &crossing_text::Text) -> String {
        match &self.worded {
            Some(w) if t.lang() != crossing_text::Lang::En => w.reason(t),
            _ => self.body.reason.clone(),
        }
    }

    /// The same failure, worded in the reader's language by `worded`.
    fn worded(mut self, worded: Worded) -> Self {
        self.worded = Some(Box::new(worded));
        self
    }

    /// 400: a field broke a rule.
    pub fn invalid(field: &str, reason: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid", Some(field), reason)
    }

    /// 401: no or unknown token.
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            Some("authorization"),
            "a valid bearer token is required",
        )
        .worded(Worded::Message("api-unauthorized"))
    }

    /// 403: the token may not do this.
    pub fn forbidden(field: &str, reason: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", Some(field), reason)
    }

    /// 403: the device is not registered to this driver.
    pub fn device_unknown() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "device_unknown",
            Some("device_id"),
            "device not registered for this driver; register it with POST /v1/devices",
        )
    }

    /// 404: not found (or not visible to this principal).
    pub fn not_found(field: &str, reason: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", Some(field), reason)
    }

    /// 409: conflicts with what is stored.
    pub fn conflict(field: &str, reason: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", Some(field), reason)
    }

    /// 410: the change-feed cursor is too old.
    pub fn gone() -> Self {
        Self::new(
            StatusCode::GONE,
            "cursor_expired",
            Some("cursor"),
            "the change log before this cursor was compacted; pull again without a cursor",
        )
    }

    /// 413: body or batch too large.
    pub fn too_large(reason: impl Into<String>) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            Some("body"),
            reason,
        )
    }

    /// 408: the request (body included) took longer than the server allows.
    pub fn timeout(limit: std::time::Duration) -> Self {
        Self::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            None,
            format!("the request took longer than {} s", limit.as_secs()),
        )
    }

    /// 429: this token has used its share for now; try again after `retry_after` seconds.
    pub fn rate_limited(what: &str, retry_after: u64) -> Self {
        let mut f = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            None,
            format!("too many {what} for now; retry in {retry_after} s"),
        );
        f.retry_after = Some(retry_after);
        f
    }

    /// 426: the client is too old.
    pub fn upgrade_required(min: &str) -> Self {
        Self::new(
            StatusCode::UPGRADE_REQUIRED,
            "client_too_old",
            Some(crossing_trip::protocol::CLIENT_VERSION_HEADER),
            format!("this server needs app version {min} or newer; update the app"),
        )
    }

    /// 500: a server fault (details are logged, not sent).
    pub fn internal(reason: impl Into<String>) -> Self {
        let reason = reason.into();
        eprintln!("crossing-fleet: internal error: {reason}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            None,
            "internal server error",
        )
    }

    /// Maps a document error (trip parsing and validation) to 400 or 413.
    pub fn from_document(e: crossing_trip::Error) -> Self {
        use crossing_trip::Error as E;
        match &e {
            E::DocumentTooLarge { .. } | E::DocumentOverLimit { .. } => {
                Self::too_large(e.to_string())
            }
            E::Malformed { path, .. } => Self::new(
                StatusCode::BAD_REQUEST,
                "invalid",
                Some(path),
                e.to_string(),
            ),
            E::UnsupportedFormat { .. } => Self::new(
                StatusCode::BAD_REQUEST,
                "invalid",
                Some("format"),
                e.to_string(),
            ),
            E::ForbiddenField { path, .. } => Self::new(
                StatusCode::BAD_REQUEST,
                "forbidden_field",
                Some(path),
                e.to_string(),
            ),
            E::Invalid(r) => Self::new(
                StatusCode::BAD_REQUEST,
                "invalid",
                r.errors.first().map(|i| i.path.as_str()),
                e.to_string(),
            )
            .worded(Worded::Rejection(r.clone())),
            E::InvalidInput { field, msg, .. } => {
                let f = Self::new(
                    StatusCode::BAD_REQUEST,
                    "invalid",
                    Some(field),
                    e.to_string(),
                );
                match msg {
                    Some(m) => f.worded(Worded::Input(field.clone(), m.clone())),
                    None => f,
                }
            }
        }
    }
}

impl From<rusqlite::Error> for ApiFailure {
    fn from(e: rusqlite::Error) -> Self {
        Self::internal(format!("database: {e}"))
    }
}

impl crate::store::StoreError {
    /// The reason the API would answer with (for operator commands and the demo).
    pub fn into_reason(self) -> String {
        ApiFailure::from(self).body.reason
    }
}

/// The one place a storage failure becomes an HTTP answer.
impl From<crate::store::StoreError> for ApiFailure {
    fn from(e: crate::store::StoreError) -> Self {
        use crate::store::StoreError as S;
        match e {
            S::Invalid { field, reason } => Self::invalid(&field, reason),
            S::NotFound { field, reason } => Self::not_found(&field, reason),
            S::Conflict { field, reason } => Self::conflict(&field, reason),
            S::Gone => Self::gone(),
            S::DeviceUnknown => Self::device_unknown(),
            S::TooLarge(reason) => Self::too_large(reason),
            S::Document(d) => Self::from_document(d),
            S::Database(e) => Self::from(e),
            S::Internal(reason) => Self::internal(reason),
        }
    }
}

impl From<crossing_sqlite::Error> for ApiFailure {
    fn from(e: crossing_sqlite::Error) -> Self {
        Self::internal(format!("database: {e}"))
    }
}

impl IntoResponse for ApiFailure {
    fn into_response(mut self) -> Response {
        // English is the reason as written; another language words it from its messages.
        self.body.reason = self.reason_in(crate::words::words());
        let mut resp = (self.status, Json(self.body)).into_response();
        if let Some(secs) = self.retry_after {
            resp.headers_mut()
                .insert(axum::http::header::RETRY_AFTER, secs.into());
        }
        resp
    }
}
