//! Who drives a trip (`assignment` table): assigning, reassigning and taking a trip off a
//! driver, with the feed entries each driver's phone then pulls.

use super::*;

/// Starts (or restarts) a driver's assignment to a trip.
pub(super) fn begin_assignment(
    tx: &Connection,
    trip_id: &str,
    driver: &str,
    at: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO assignment (trip_id, driver, started_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (trip_id, driver) DO UPDATE SET ended_at = NULL,
             started_at = CASE WHEN ended_at IS NULL THEN started_at ELSE excluded.started_at END",
        params![trip_id, driver, at],
    )?;
    Ok(())
}

/// Ends a driver's assignment to a trip (the trip was given to someone else or taken away).
pub(super) fn end_assignment(
    tx: &Connection,
    trip_id: &str,
    driver: &str,
    at: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE assignment SET ended_at = ?3 WHERE trip_id = ?1 AND driver = ?2 AND ended_at IS NULL",
        params![trip_id, driver, at],
    )?;
    Ok(())
}

/// Assigns a trip to a driver (None: unassigns). The previous driver gets a tombstone.
pub fn assign_trip(
    conn: &mut Connection,
    fleet: &str,
    id: &str,
    driver: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    assign_in(&tx, fleet, id, driver, &stamp(now))?;
    tx.commit()?;
    Ok(())
}

/// [`assign_trip`] inside the caller's transaction: whether anything changed.
pub(super) fn assign_in(
    tx: &Connection,
    fleet: &str,
    id: &str,
    driver: Option<&str>,
    at: &str,
) -> Result<bool, StoreError> {
    let (key, previous, version, state, doc) = fleet_trip(tx, fleet, id)?;
    if let Some(d) = driver {
        check_roster(tx, fleet, d)?;
    }
    if state == "cancelled" && driver.is_some() {
        return Err(StoreError::conflict(
            "id",
            "the trip is cancelled; push a new version first",
        ));
    }
    if previous.as_deref() == driver {
        return Ok(false);
    }
    tx.execute(
        "UPDATE trip SET driver = ?2, updated_at = ?3 WHERE key = ?1",
        params![key, driver, at],
    )?;
    if let Some(old) = &previous {
        end_assignment(tx, &key, old, at)?;
        log_tombstone(tx, old, &key, version, TombstoneReason::Unassigned, at)?;
    }
    if let Some(d) = driver {
        begin_assignment(tx, &key, d, at)?;
        log_upsert(tx, d, &key, version, &doc, at)?;
        log_customs_for(tx, d, &key, version, at)?;
    }
    Ok(true)
}
