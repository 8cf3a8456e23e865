//! Trips (`trip` table): a manager's push (checked outside the database lock, then stored
//! with its version), cancellation, the fleet's list, and the copy a driver may read.

use super::*;

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PushOutcome {
    /// Trip id.
    pub id: String,
    /// Stored version.
    pub version: i64,
    /// `created`, `amended` or `unchanged`.
    pub outcome: &'static str,
    /// Driver assigned after the push.
    pub driver: Option<String>,
    /// Validation warnings.
    pub warnings: Vec<String>,
}

/// A pushed trip, parsed and validated, ready to store.
#[derive(Debug)]
pub struct PreparedTrip {
    trip: Trip,
    doc: String,
    version: i64,
    warnings: Vec<crossing_trip::Issue>,
}

/// Parses and validates a pushed trip document (the core's rules, fleet policy at `now`). Needs
/// no database: the server runs it before taking the database lock, so a large push never
/// holds up other fleets' drivers while it is parsed.
pub fn prepare_push(body: &[u8], now: DateTime<Utc>) -> Result<PreparedTrip, StoreError> {
    let mut trip = format::parse_trip(body).map_err(StoreError::from_document)?;
    validate::normalize(&mut trip);
    let mut warnings = validate::validate(&trip, &validate::Policy::fleet(now))
        .into_result()
        .map_err(|r| StoreError::from_document(crossing_trip::Error::Invalid(r)))?;
    warnings.extend(validate::code_list_warnings(&trip));
    if trip.id.chars().count() > 64 {
        return Err(StoreError::invalid("id", "must be 1–64 characters"));
    }
    let doc = format::to_json(&trip).map_err(|e| StoreError::internal(e.to_string()))?;
    let version =
        i64::try_from(trip.version).map_err(|_| StoreError::invalid("version", "is too large"))?;
    Ok(PreparedTrip {
        trip,
        doc,
        version,
        warnings,
    })
}

impl PreparedTrip {
    /// The trip, as it will be stored.
    pub fn trip(&self) -> &Trip {
        &self.trip
    }

    /// The stored document.
    pub fn doc(&self) -> &str {
        &self.doc
    }

    /// Its warnings.
    pub fn warnings(&self) -> &[crossing_trip::Issue] {
        &self.warnings
    }

    /// Gives the trip another version (the importer numbers versions itself).
    pub fn renumber(&mut self, version: i64) -> Result<(), StoreError> {
        self.trip.version =
            u64::try_from(version).map_err(|_| StoreError::invalid("version", "is negative"))?;
        self.doc = format::to_json(&self.trip).map_err(|e| StoreError::internal(e.to_string()))?;
        self.version = version;
        Ok(())
    }
}

/// Pushes (creates or amends) a trip for a fleet: [`prepare_push`], then [`store_push`].
pub fn push_trip(
    conn: &mut Connection,
    fleet: &str,
    body: &[u8],
    driver: Option<&str>,
    now: DateTime<Utc>,
) -> Result<PushOutcome, StoreError> {
    let prepared = prepare_push(body, now)?;
    store_push(conn, fleet, prepared, driver, now)
}

/// Stores a prepared trip for a fleet. `driver`: assign to this driver (on the fleet's
/// roster; None keeps the current assignment).
pub fn store_push(
    conn: &mut Connection,
    fleet: &str,
    prepared: PreparedTrip,
    driver: Option<&str>,
    now: DateTime<Utc>,
) -> Result<PushOutcome, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let out = store_push_in(&tx, fleet, prepared, driver, &stamp(now))?;
    tx.commit()?;
    Ok(out)
}

/// [`store_push`] inside the caller's transaction.
pub(super) fn store_push_in(
    tx: &Connection,
    fleet: &str,
    prepared: PreparedTrip,
    driver: Option<&str>,
    at: &str,
) -> Result<PushOutcome, StoreError> {
    let PreparedTrip {
        trip,
        doc,
        version,
        warnings,
    } = prepared;
    if let Some(d) = driver {
        check_roster(tx, fleet, d)?;
    }
    // Trip ids are the fleet's own: another fleet may use the same id for another trip.
    let key = trip_key(fleet, &trip.id);
    let stored: Option<(Option<String>, i64, String, String)> = tx
        .query_row(
            "SELECT driver, version, state, doc FROM trip WHERE key = ?1",
            params![key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let (outcome, previous_driver) = match &stored {
        Some((_, v, state, old_doc))
            if *v == version && *old_doc == doc && state == "cancelled" =>
        {
            return Err(StoreError::conflict(
                "version",
                format!("trip version {v} is cancelled; push a higher version to reactivate it"),
            ));
        }
        Some((d, v, _, old_doc))
            if *v == version && *old_doc == doc && (driver.is_none() || driver == d.as_deref()) =>
        {
            let out = PushOutcome {
                id: trip.id.clone(),
                version,
                outcome: "unchanged",
                driver: d.clone(),
                warnings: warnings.iter().map(ToString::to_string).collect(),
            };
            return Ok(out);
        }
        Some((_, v, _, _)) if *v >= version => {
            return Err(StoreError::conflict(
                "version",
                format!("must be greater than the stored version {v} to amend the trip"),
            ))
        }
        Some((d, _, _, _)) => ("amended", d.clone()),
        None => ("created", None),
    };
    let new_driver = driver.map(str::to_string).or(previous_driver.clone());
    tx.execute(
        "INSERT INTO trip (key, id, fleet, driver, version, state, trip_number, doc, updated_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'active', ?6, ?7, ?8, ?8)
         ON CONFLICT (key) DO UPDATE SET driver = excluded.driver, version = excluded.version,
             state = 'active', trip_number = excluded.trip_number, doc = excluded.doc,
             updated_at = excluded.updated_at",
        params![
            key,
            trip.id,
            fleet,
            new_driver,
            version,
            trip.trip_number,
            doc,
            at
        ],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO trip_version (key, version, doc, at) VALUES (?1, ?2, ?3, ?4)",
        params![key, version, doc, at],
    )?;
    if let Some(old) = &previous_driver {
        if Some(old) != new_driver.as_ref() {
            end_assignment(tx, &key, old, at)?;
            log_tombstone(tx, old, &key, version, TombstoneReason::Unassigned, at)?;
        }
    }
    if let Some(d) = &new_driver {
        begin_assignment(tx, &key, d, at)?;
        log_upsert(tx, d, &key, version, &doc, at)?;
        if previous_driver.as_ref() != Some(d) {
            log_customs_for(tx, d, &key, version, at)?;
        }
    }
    Ok(PushOutcome {
        id: trip.id,
        version,
        outcome,
        driver: new_driver,
        warnings: warnings.iter().map(ToString::to_string).collect(),
    })
}

/// The identity of a fleet's trip everywhere outside the manager API: `<fleet>:<id>`. The
/// driver's phone sees it as the trip id (two fleets may both number a trip `T-1`, and one driver
/// may drive for both); assignments, the change log and events refer to it.
pub fn trip_key(fleet: &str, id: &str) -> String {
    format!("{fleet}:{id}")
}

/// A fleet's trip: (key, driver, version, state, document). Another fleet's trip is reported
/// exactly like a missing one (ids are per fleet, so it is one).
pub(super) fn fleet_trip(
    tx: &Connection,
    fleet: &str,
    id: &str,
) -> Result<(String, Option<String>, i64, String, String), StoreError> {
    tx.query_row(
        "SELECT key, driver, version, state, doc FROM trip WHERE fleet = ?1 AND id = ?2",
        params![fleet, id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )
    .optional()?
    .ok_or_else(|| StoreError::not_found("id", "no such trip in this fleet"))
}

/// A fleet's active trip as its document, for the paperwork (a cancelled trip has none to print).
pub fn fleet_trip_document(conn: &Connection, fleet: &str, id: &str) -> Result<Trip, StoreError> {
    let (_, _, _, state, doc) = fleet_trip(conn, fleet, id)?;
    if state != "active" {
        return Err(StoreError::conflict(
            "id",
            format!("the trip is {state}; it has no paper to print"),
        ));
    }
    Ok(format::parse_trip(doc.as_bytes())?)
}

/// Cancels a trip: tombstone for its driver. Idempotent.
pub fn cancel_trip(
    conn: &mut Connection,
    fleet: &str,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    cancel_in(&tx, fleet, id, &stamp(now))?;
    tx.commit()?;
    Ok(())
}

/// [`cancel_trip`] inside the caller's transaction: whether it was active until now.
pub(super) fn cancel_in(
    tx: &Connection,
    fleet: &str,
    id: &str,
    at: &str,
) -> Result<bool, StoreError> {
    let (key, driver, version, state, _) = fleet_trip(tx, fleet, id)?;
    if state == "cancelled" {
        return Ok(false);
    }
    tx.execute(
        "UPDATE trip SET state = 'cancelled', updated_at = ?2 WHERE key = ?1",
        params![key, at],
    )?;
    if let Some(d) = driver {
        log_tombstone(tx, &d, &key, version, TombstoneReason::Cancelled, at)?;
    }
    Ok(true)
}

/// A trip as the manager lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FleetTrip {
    /// Trip id.
    pub id: String,
    /// Version.
    pub version: i64,
    /// `active` or `cancelled`.
    pub state: String,
    /// Assigned driver.
    pub driver: Option<String>,
    /// CRN / ACE trip number.
    pub trip_number: String,
    /// Status events received.
    pub events: i64,
}

/// The fleet's trips.
pub fn list_trips(conn: &Connection, fleet: &str) -> Result<Vec<FleetTrip>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.version, t.state, t.driver, t.trip_number,
                (SELECT count(*) FROM event e WHERE e.trip_id = t.key)
         FROM trip t WHERE t.fleet = ?1 ORDER BY t.id",
    )?;
    let rows = stmt.query_map(params![fleet], |r| {
        Ok(FleetTrip {
            id: r.get(0)?,
            version: r.get(1)?,
            state: r.get(2)?,
            driver: r.get(3)?,
            trip_number: r.get(4)?,
            events: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn doc_to_trip(doc: &str) -> Result<Box<Trip>, StoreError> {
    serde_json::from_str(doc)
        .map(Box::new)
        .map_err(|e| StoreError::internal(format!("stored trip unreadable: {e}")))
}

/// A stored trip as its driver gets it: the document with the fleet-qualified key as its id.
pub(super) fn driver_doc(key: &str, doc: &str) -> Result<Box<Trip>, StoreError> {
    let mut trip = doc_to_trip(doc)?;
    trip.id = key.to_string();
    Ok(trip)
}

/// A trip for its driver: (version, document) if assigned to them and active.
/// A trip for its driver, by the key the feed gave them: (version, document with the key as
/// its id) if assigned to them and active.
pub fn driver_trip(
    conn: &Connection,
    driver: &str,
    key: &str,
) -> Result<(i64, String), StoreError> {
    let (version, doc): (i64, String) = conn
        .query_row(
            "SELECT version, doc FROM trip WHERE key = ?1 AND driver = ?2 AND state = 'active'",
            params![key, driver],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| StoreError::not_found("id", "no such trip assigned to you"))?;
    let trip = driver_doc(key, &doc)?;
    Ok((
        version,
        format::to_json(&trip).map_err(|e| StoreError::internal(e.to_string()))?,
    ))
}
