//! Applies a BorderConnect import (`crate::borderconnect`) in one transaction: trips become
//! versions (the same content again changes nothing), `DELETE` cancels, standalone shipments
//! amend their trip, customs' answers become the trip's customs standing. Any error refuses
//! the whole body and changes nothing.

use crossing_trip::model::Shipment;
use crossing_trip::{Issue, Regime, Trip};

use super::customs::{keep_document, record_answer, refresh_state, NewAnswer};
use super::*;
use crate::borderconnect::{self as bc, trip::PathMap, Document, Message, Operation};

/// What an import did with one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportResult {
    /// Where the message was in the body (`""` alone, `[2]` in an array).
    pub path: String,
    /// Its kind.
    pub data: String,
    /// `created`, `amended`, `unchanged`, `cancelled`, `customs`, `unmatched` or `ignored`.
    pub outcome: &'static str,
    /// The trip it touched (the fleet's id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The trip's version after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// The trip's driver after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    /// Why nothing was done, for `unmatched` and `ignored`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Warnings, with BorderConnect paths.
    pub warnings: Vec<String>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// One result per message, in body order.
    pub results: Vec<ImportResult>,
}

/// Imports a BorderConnect body for a fleet. `driver`: assign every imported trip to this
/// driver (on the fleet's roster).
pub fn import_borderconnect(
    conn: &mut Connection,
    fleet: &str,
    body: &[u8],
    driver: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ImportReport, StoreError> {
    import_audited(conn, fleet, body, driver, None, now)
}

/// [`import_borderconnect`], with one audit line per message for the console session `session`
/// (its label), in the same transaction.
pub fn import_audited(
    conn: &mut Connection,
    fleet: &str,
    body: &[u8],
    driver: Option<&str>,
    session: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ImportReport, StoreError> {
    let documents = bc::read_body(body).map_err(|r| refused(r.0))?;
    let at = stamp(now);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(d) = driver {
        check_roster(&tx, fleet, d)?;
    }
    let mut errors = Vec::new();
    let mut results = Vec::new();
    let ctx = Ctx {
        tx: &tx,
        fleet,
        driver,
        now,
        at: &at,
    };
    for doc in documents {
        match ctx.apply(doc) {
            Ok(r) => results.push(r),
            Err(Failed::Issues(issues)) => errors.extend(issues),
            Err(Failed::Store(e)) => return Err(e),
        }
    }
    if !errors.is_empty() {
        return Err(refused(errors));
    }
    if let Some(label) = session {
        for r in &results {
            let line = format!(
                "{} {}{}: {}{}",
                r.data,
                r.id.as_deref().unwrap_or(""),
                r.version.map(|v| format!(" v{v}")).unwrap_or_default(),
                r.outcome,
                r.driver
                    .as_deref()
                    .map(|d| format!(", driver {d}"))
                    .unwrap_or_default()
            );
            super::console::audit_in(&tx, fleet, label, "import", r.id.as_deref(), &line, &at)?;
        }
    }
    tx.commit()?;
    Ok(ImportReport { results })
}

/// A refused body as one error: the first path as the field, every finding in the reason.
fn refused(errors: Vec<Issue>) -> StoreError {
    const SHOWN: usize = 20;
    let field = errors
        .first()
        .map_or_else(|| "body".to_string(), |e| e.path.clone());
    let n = errors.len();
    let mut reason = format!(
        "BorderConnect document refused, nothing was imported: {n} error{}: ",
        if n == 1 { "" } else { "s" }
    );
    let listed: Vec<String> = errors.iter().take(SHOWN).map(ToString::to_string).collect();
    reason.push_str(&listed.join("; "));
    if n > SHOWN {
        reason.push_str(&format!("; and {} more", n - SHOWN));
    }
    StoreError::Invalid { field, reason }
}

enum Failed {
    Issues(Vec<Issue>),
    Store(StoreError),
}

impl From<StoreError> for Failed {
    fn from(e: StoreError) -> Self {
        Failed::Store(e)
    }
}

impl From<rusqlite::Error> for Failed {
    fn from(e: rusqlite::Error) -> Self {
        Failed::Store(e.into())
    }
}

fn issue(path: String, value: Option<&str>, rule: impl Into<String>) -> Failed {
    Failed::Issues(vec![Issue {
        severity: crossing_trip::Severity::Error,
        path,
        value: value.map(str::to_string),
        rule: rule.into(),
        msg: None,
    }])
}

struct Ctx<'a> {
    tx: &'a Connection,
    fleet: &'a str,
    driver: Option<&'a str>,
    now: DateTime<Utc>,
    at: &'a str,
}

/// A stored trip of the fleet: key, id, version, state, driver, document.
struct Stored {
    key: String,
    id: String,
    version: i64,
    state: String,
    doc: String,
    trip_number: String,
}

impl Ctx<'_> {
    fn apply(&self, doc: Document) -> Result<ImportResult, Failed> {
        let Document {
            path,
            data,
            message,
            warnings,
            kept,
        } = doc;
        let mut result = ImportResult {
            path: path.clone(),
            data: data.clone(),
            outcome: "ignored",
            id: None,
            version: None,
            driver: None,
            reason: None,
            warnings: warnings.iter().map(ToString::to_string).collect(),
        };
        let kept = kept.to_string();
        match message {
            Message::Ignored { reason } => {
                result.reason = Some(reason);
            }
            Message::Trip {
                operation: Operation::Upsert,
                trip,
                paths,
            } => {
                let stored = self.stored_by_id(&trip.id)?;
                let out = self.store_trip(*trip, stored, &paths, &mut result.warnings)?;
                self.keep(Some(&trip_key(self.fleet, &out.id)), &data, &kept)?;
                result.outcome = out.outcome;
                result.id = Some(out.id);
                result.version = Some(out.version);
                result.driver = out.driver;
            }
            Message::Trip {
                operation: Operation::Delete,
                trip,
                paths,
            } => {
                let Some(stored) = self.stored_by_id(&trip.id)? else {
                    return Err(issue(
                        paths.theirs("tripNumber"),
                        Some(&trip.trip_number),
                        "DELETE names no trip of this fleet",
                    ));
                };
                let cancelled = cancel_in(self.tx, self.fleet, &stored.id, self.at)?;
                self.keep(Some(&stored.key), &data, &kept)?;
                result.outcome = if cancelled { "cancelled" } else { "unchanged" };
                result.id = Some(stored.id);
                result.version = Some(stored.version);
            }
            Message::Shipment {
                regime,
                operation,
                trip_number,
                shipment,
                path,
            } => {
                let out = self.store_shipment(
                    regime,
                    operation,
                    trip_number.as_deref(),
                    *shipment,
                    &path,
                    &mut result.warnings,
                )?;
                self.keep(Some(&trip_key(self.fleet, &out.id)), &data, &kept)?;
                result.outcome = out.outcome;
                result.id = Some(out.id);
                result.version = Some(out.version);
                result.driver = out.driver;
            }
            Message::Answer(answer) => {
                let Some(stored) = self.trip_of_answer(&answer)? else {
                    result.outcome = "unmatched";
                    result.reason = Some(
                        "no trip of this fleet has its trip number or carries its cargo; import the trip first, then this answer again"
                            .into(),
                    );
                    return Ok(result);
                };
                if let Some(n) = answer
                    .trip_number
                    .as_ref()
                    .filter(|n| **n != stored.trip_number)
                {
                    result.warnings.push(format!(
                        "{}: {n:?} is not the number of trip {} ({}), which carries its cargo; matched by cargo",
                        bc::read::join(&path, "tripNumber"),
                        stored.id,
                        stored.trip_number
                    ));
                }
                let document = self.keep(Some(&stored.key), &data, &kept)?;
                for (subject, e) in &answer.entries {
                    record_answer(
                        self.tx,
                        &stored.key,
                        &NewAnswer {
                            subject: subject.as_deref(),
                            source: answer.source,
                            code: &e.code,
                            signal: e.signal,
                            text: e.text.as_deref(),
                            customs_time: e.customs_time.as_deref(),
                        },
                        document,
                        self.at,
                    )?;
                }
                let changed = refresh_state(self.tx, &stored.key, self.at)?;
                result.outcome = if changed { "customs" } else { "unchanged" };
                result.id = Some(stored.id);
                result.version = Some(stored.version);
            }
        }
        Ok(result)
    }

    fn keep(&self, key: Option<&str>, data: &str, body: &str) -> Result<i64, Failed> {
        Ok(keep_document(
            self.tx, self.fleet, key, data, body, self.at,
        )?)
    }

    fn stored_by_id(&self, id: &str) -> Result<Option<Stored>, Failed> {
        Ok(self
            .tx
            .query_row(
                "SELECT key, id, version, state, doc, trip_number FROM trip WHERE fleet = ?1 AND id = ?2",
                params![self.fleet, id],
                stored_row,
            )
            .optional()?)
    }

    /// The fleet's trip with this trip number (of `regime`, when given), active ones first.
    fn stored_by_number(
        &self,
        trip_number: &str,
        regime: Option<Regime>,
    ) -> Result<Option<Stored>, Failed> {
        let regime = regime.map_or(String::new(), |r| format!("\"regime\":\"{}\"", r.as_str()));
        Ok(self
            .tx
            .query_row(
                "SELECT key, id, version, state, doc, trip_number FROM trip
                 WHERE fleet = ?1 AND trip_number = ?2 AND instr(doc, ?3) > 0
                 ORDER BY state = 'active' DESC, updated_at DESC LIMIT 1",
                params![self.fleet, trip_number, regime],
                stored_row,
            )
            .optional()?)
    }

    /// The fleet's trip that carries a shipment (active ones first).
    fn stored_by_cargo(&self, control_number: &str) -> Result<Option<Stored>, Failed> {
        let needle = format!("\"controlNumber\":{}", serde_json::json!(control_number));
        let mut stmt = self.tx.prepare_cached(
            "SELECT key, id, version, state, doc, trip_number FROM trip WHERE fleet = ?1 AND instr(doc, ?2) > 0
             ORDER BY state = 'active' DESC, updated_at DESC",
        )?;
        let rows = stmt.query_map(params![self.fleet, needle], stored_row)?;
        for row in rows {
            let stored = row?;
            if doc_to_trip(&stored.doc)?.shipment(control_number).is_some() {
                return Ok(Some(stored));
            }
        }
        Ok(None)
    }

    fn trip_of_answer(&self, answer: &bc::answers::Answer) -> Result<Option<Stored>, Failed> {
        if let Some(n) = &answer.trip_number {
            if let Some(s) = self.stored_by_number(n, answer.regime)? {
                return Ok(Some(s));
            }
        }
        for n in answer.control_numbers() {
            if let Some(s) = self.stored_by_cargo(n)? {
                return Ok(Some(s));
            }
        }
        Ok(None)
    }

    /// Stores a trip as its next version, or leaves it when nothing changed.
    fn store_trip(
        &self,
        mut trip: Trip,
        stored: Option<Stored>,
        paths: &PathMap,
        warnings: &mut Vec<String>,
    ) -> Result<PushOutcome, Failed> {
        let current = stored.as_ref().map_or(1, |s| s.version);
        trip.version = u64::try_from(current).unwrap_or(1);
        let mut prepared = self.prepare(&trip, paths)?;
        warnings.extend(
            prepared
                .warnings()
                .iter()
                .map(|w| paths.issue(w.clone()).to_string()),
        );
        if let Some(s) = &stored {
            if s.state == "active" && s.doc == prepared.doc() {
                // The same content again: no new version (a new driver is still assigned).
                if self.driver.is_some() {
                    assign_in(self.tx, self.fleet, &s.id, self.driver, self.at)?;
                }
                let driver: Option<String> = self.tx.query_row(
                    "SELECT driver FROM trip WHERE key = ?1",
                    params![s.key],
                    |r| r.get(0),
                )?;
                return Ok(PushOutcome {
                    id: s.id.clone(),
                    version: s.version,
                    outcome: "unchanged",
                    driver,
                    warnings: Vec::new(),
                });
            }
            prepared.renumber(s.version + 1)?;
        }
        let mut out = store_push_in(self.tx, self.fleet, prepared, self.driver, self.at)?;
        if out.outcome == "amended" && stored.as_ref().is_some_and(|s| s.state != "active") {
            out.outcome = "created";
        }
        Ok(out)
    }

    fn prepare(&self, trip: &Trip, paths: &PathMap) -> Result<PreparedTrip, Failed> {
        let json = format::to_json(trip).map_err(|e| StoreError::internal(e.to_string()))?;
        match prepare_push(json.as_bytes(), self.now) {
            Ok(p) => Ok(p),
            Err(StoreError::Document(crossing_trip::Error::Invalid(r))) => Err(Failed::Issues(
                r.errors.into_iter().map(|i| paths.issue(i)).collect(),
            )),
            Err(StoreError::Document(e)) => Err(issue(paths.theirs("body"), None, e.to_string())),
            Err(StoreError::Invalid { field, reason }) => {
                Err(issue(paths.theirs(&field), None, reason))
            }
            Err(e) => Err(Failed::Store(e)),
        }
    }

    /// Adds, changes or removes one shipment of the trip it names, as the trip's next version.
    fn store_shipment(
        &self,
        regime: Regime,
        operation: Operation,
        trip_number: Option<&str>,
        shipment: Shipment,
        path: &str,
        warnings: &mut Vec<String>,
    ) -> Result<PushOutcome, Failed> {
        let number_key = match regime {
            Regime::Aci => "cargoControlNumber",
            Regime::Ace => "shipmentControlNumber",
        };
        let at = |k: &str| bc::read::join(path, k);
        let stored = match trip_number {
            Some(n) => match self.stored_by_id(&bc::trip::trip_id(regime, n))? {
                Some(s) => Some(s),
                None => self.stored_by_number(n, Some(regime))?,
            },
            None => self.stored_by_cargo(&shipment.control_number)?,
        };
        let Some(stored) = stored else {
            return Err(match trip_number {
                Some(n) => issue(at("tripNumber"), Some(n), "names no trip of this fleet"),
                None => issue(
                    at(number_key),
                    Some(&shipment.control_number),
                    "is on no trip of this fleet; a new standalone shipment must name its trip (tripNumber)",
                ),
            });
        };
        if stored.state != "active" {
            return Err(issue(
                at(number_key),
                Some(&shipment.control_number),
                format!(
                    "its trip {} is cancelled; import the trip again first",
                    stored.id
                ),
            ));
        }
        let mut trip = *doc_to_trip(&stored.doc)?;
        if trip.regime != regime {
            return Err(issue(
                at("data"),
                None,
                format!(
                    "is a {} shipment but trip {} is {}",
                    regime.as_str(),
                    stored.id,
                    trip.regime.as_str()
                ),
            ));
        }
        let position = trip
            .shipments
            .iter()
            .position(|s| s.control_number == shipment.control_number);
        let index = match (operation, position) {
            (Operation::Delete, Some(i)) => {
                trip.shipments.remove(i);
                None
            }
            (Operation::Delete, None) => {
                return Err(issue(
                    at(number_key),
                    Some(&shipment.control_number),
                    format!("DELETE names no shipment of trip {}", stored.id),
                ))
            }
            (Operation::Upsert, Some(i)) => {
                trip.shipments[i] = shipment;
                Some(i)
            }
            (Operation::Upsert, None) => {
                trip.shipments.push(shipment);
                Some(trip.shipments.len() - 1)
            }
        };
        let mut paths = PathMap::for_shipment(regime);
        if let Some(i) = index {
            paths.shipment_at(i, path);
        }
        self.store_trip(trip, Some(stored), &paths, warnings)
    }
}

fn stored_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Stored> {
    Ok(Stored {
        key: r.get(0)?,
        id: r.get(1)?,
        version: r.get(2)?,
        state: r.get(3)?,
        doc: r.get(4)?,
        trip_number: r.get(5)?,
    })
}
