//! A fleet's roster (`roster` table): the drivers its managers may give trips to.

use super::*;

/// Puts a driver on a fleet's roster (idempotent). Only drivers on its roster can be given a
/// fleet's trips; a driver may be on several fleets' rosters. This is an operator action (the
/// `crossing-fleet` command line with the database), never a manager's API call: a manager
/// who could add any driver id could put trips on another fleet's drivers.
pub fn add_to_roster(
    conn: &Connection,
    fleet: &str,
    driver: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    for (field, id) in [("fleet", fleet), ("driver", driver)] {
        if !id_ok(id) {
            return Err(StoreError::invalid(
                field,
                "must be 1–64 letters, digits or . _ : -",
            ));
        }
    }
    conn.execute(
        "INSERT OR IGNORE INTO roster (fleet, driver, added_at) VALUES (?1, ?2, ?3)",
        params![fleet, driver, stamp(now)],
    )?;
    Ok(())
}

/// Refuses a driver who is not on the fleet's roster (the same answer whether or not the
/// driver exists elsewhere: nothing about other fleets leaks).
pub(super) fn check_roster(conn: &Connection, fleet: &str, driver: &str) -> Result<(), StoreError> {
    if !id_ok(driver) {
        return Err(StoreError::invalid(
            "driver",
            "must be 1–64 letters, digits or . _ : -",
        ));
    }
    let on: bool = conn
        .query_row(
            "SELECT 1 FROM roster WHERE fleet = ?1 AND driver = ?2",
            params![fleet, driver],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if on {
        Ok(())
    } else {
        Err(StoreError::not_found(
            "driver",
            "is not a driver of this fleet (crossing-fleet roster add)",
        ))
    }
}
