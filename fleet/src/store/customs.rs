//! Customs' answers (`customs_answer`), the documents they came in (`provider_document`,
//! secrets removed) and each trip's derived standing (`customs_state`), which its driver's
//! phone gets as a `customs` feed entry: not a trip version, no amendment.

use crossing_trip::customs::{CustomsSignal, CustomsState, Standing};

use super::*;

/// A stored customs standing, as the phone reads it.
pub(super) fn customs_doc(doc: &str) -> Result<CustomsState, StoreError> {
    serde_json::from_str(doc)
        .map_err(|e| StoreError::internal(format!("stored customs state unreadable: {e}")))
}

/// Keeps a provider's document (already without secrets); returns its row.
pub(super) fn keep_document(
    tx: &Connection,
    fleet: &str,
    trip_key: Option<&str>,
    data: &str,
    body: &str,
    at: &str,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO provider_document (fleet, trip_key, data, body, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![fleet, trip_key, data, body, at],
    )?;
    Ok(tx.last_insert_rowid())
}

/// One answer about one subject (`None`: the trip; else a control number).
#[derive(Debug, Clone)]
pub(super) struct NewAnswer<'a> {
    pub subject: Option<&'a str>,
    pub source: &'a str,
    pub code: &'a str,
    pub signal: Option<CustomsSignal>,
    pub text: Option<&'a str>,
    pub customs_time: Option<&'a str>,
}

fn signal_name(s: CustomsSignal) -> Result<String, StoreError> {
    match serde_json::to_value(s) {
        Ok(serde_json::Value::String(name)) => Ok(name),
        _ => Err(StoreError::internal("customs signal without a name")),
    }
}

/// Records an answer for a trip unless the same one is already recorded. Returns whether it
/// was new.
pub(super) fn record_answer(
    tx: &Connection,
    trip_key: &str,
    a: &NewAnswer<'_>,
    document: i64,
    at: &str,
) -> Result<bool, StoreError> {
    let signal = a.signal.map(signal_name).transpose()?;
    let subject = a.subject.unwrap_or("");
    let seen: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM customs_answer WHERE trip_key = ?1 AND subject = ?2
             AND source = ?3 AND code = ?4 AND text IS ?5 AND customs_time IS ?6)",
        params![trip_key, subject, a.source, a.code, a.text, a.customs_time],
        |r| r.get(0),
    )?;
    if seen {
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO customs_answer
             (trip_key, subject, source, code, signal, text, customs_time, received_at, document)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            trip_key,
            subject,
            a.source,
            a.code,
            signal,
            a.text,
            a.customs_time,
            at,
            document
        ],
    )?;
    Ok(true)
}

/// One recorded answer, as the manager lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomsAnswer {
    /// Order of arrival.
    pub seq: i64,
    /// The standing it gave (its `controlNumber` absent: about the trip).
    #[serde(flatten)]
    pub standing: Standing,
}

fn answers_of(conn: &Connection, trip_key: &str) -> Result<Vec<CustomsAnswer>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, subject, source, code, signal, text, customs_time, received_at
         FROM customs_answer WHERE trip_key = ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![trip_key], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, String>(7)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, subject, source, code, signal, text, customs_time, received_at) = row?;
        let signal = signal
            .map(|s| serde_json::from_value(serde_json::Value::String(s)))
            .transpose()
            .map_err(|e| StoreError::internal(format!("stored customs signal: {e}")))?;
        out.push(CustomsAnswer {
            seq,
            standing: Standing {
                control_number: (!subject.is_empty()).then_some(subject),
                source,
                code,
                signal,
                text,
                customs_time,
                received_at,
            },
        });
    }
    Ok(out)
}

/// The latest standing of the trip and of each shipment, from its answers in arrival order.
fn derive(answers: &[CustomsAnswer]) -> CustomsState {
    let mut state = CustomsState::default();
    for a in answers {
        match &a.standing.control_number {
            None => state.trip = Some(a.standing.clone()),
            Some(n) => match state
                .shipments
                .iter_mut()
                .find(|s| s.control_number.as_ref() == Some(n))
            {
                Some(s) => *s = a.standing.clone(),
                None => state.shipments.push(a.standing.clone()),
            },
        }
    }
    state
}

/// Re-derives a trip's standing after new answers; when it changed, stores it and tells the
/// trip's driver (if the trip is active and assigned). Returns whether it changed.
pub(super) fn refresh_state(tx: &Connection, trip_key: &str, at: &str) -> Result<bool, StoreError> {
    let state = derive(&answers_of(tx, trip_key)?);
    let doc = serde_json::to_string(&state).map_err(|e| StoreError::internal(e.to_string()))?;
    let old: Option<String> = tx
        .query_row(
            "SELECT doc FROM customs_state WHERE key = ?1",
            params![trip_key],
            |r| r.get(0),
        )
        .optional()?;
    if old.as_deref() == Some(doc.as_str()) {
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO customs_state (key, doc, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET doc = excluded.doc, updated_at = excluded.updated_at",
        params![trip_key, doc, at],
    )?;
    let trip: Option<(Option<String>, i64, String)> = tx
        .query_row(
            "SELECT driver, version, state FROM trip WHERE key = ?1",
            params![trip_key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some((Some(driver), version, state)) = trip {
        if state == "active" {
            log_customs(tx, &driver, trip_key, version, &doc, at)?;
        }
    }
    Ok(true)
}

/// Gives a driver who now has a trip its customs standing, if customs spoke about it.
pub(super) fn log_customs_for(
    tx: &Connection,
    driver: &str,
    trip_key: &str,
    version: i64,
    at: &str,
) -> Result<(), StoreError> {
    let doc: Option<String> = tx
        .query_row(
            "SELECT doc FROM customs_state WHERE key = ?1",
            params![trip_key],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(doc) = doc {
        log_customs(tx, driver, trip_key, version, &doc, at)?;
    }
    Ok(())
}

/// A trip's customs history for its manager: the standing now and every answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomsHistory {
    /// Trip id.
    pub id: String,
    /// The latest standing of the trip and of each shipment.
    pub state: CustomsState,
    /// Every answer, in the order it arrived.
    pub answers: Vec<CustomsAnswer>,
}

/// [`CustomsHistory`] of a fleet's trip.
pub fn customs_history(
    conn: &Connection,
    fleet: &str,
    id: &str,
) -> Result<CustomsHistory, StoreError> {
    let (key, ..) = fleet_trip(conn, fleet, id)?;
    let answers = answers_of(conn, &key)?;
    Ok(CustomsHistory {
        id: id.to_string(),
        state: derive(&answers),
        answers,
    })
}
