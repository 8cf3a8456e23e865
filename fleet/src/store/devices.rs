//! Drivers' devices (`device` table): registration, the app version, the device cap.

use super::*;

/// Registers a device for a driver. Idempotent for the same driver.
pub fn register_device(
    conn: &Connection,
    driver: &str,
    device_id: &str,
    platform: &str,
    app_version: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    if !is_canonical_uuid(device_id, None) {
        return Err(StoreError::invalid(
            "device_id",
            "must be a UUID in lowercase hyphenated form",
        ));
    }
    // Lengths in characters, as the OpenAPI document's maxLength counts them.
    if platform.is_empty() || platform.chars().count() > 32 {
        return Err(StoreError::invalid("platform", "must be 1–32 characters"));
    }
    if app_version.is_empty() || app_version.chars().count() > 32 {
        return Err(StoreError::invalid(
            "app_version",
            "must be 1–32 characters",
        ));
    }
    let owner: Option<String> = conn
        .query_row(
            "SELECT driver FROM device WHERE device_id = ?1",
            params![device_id],
            |r| r.get(0),
        )
        .optional()?;
    match owner {
        Some(d) if d != driver => Err(StoreError::conflict(
            "device_id",
            "is registered to another driver; reinstall to get a new device id",
        )),
        Some(_) => Ok(()),
        None => {
            conn.execute(
                "INSERT INTO device (device_id, driver, platform, app_version, registered_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![device_id, driver, platform, app_version, stamp(now)],
            )?;
            Ok(())
        }
    }
}

/// [`register_device`], refusing a new device once the driver has `max_devices` (each
/// reinstall is one; a token must not be able to register devices without end).
pub fn register_device_within(
    conn: &Connection,
    driver: &str,
    device_id: &str,
    platform: &str,
    app_version: &str,
    now: DateTime<Utc>,
    max_devices: u32,
) -> Result<(), StoreError> {
    let (known, count): (bool, i64) = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM device WHERE device_id = ?1), count(*) FROM device WHERE driver = ?2",
        params![device_id, driver],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if !known && count >= i64::from(max_devices) {
        return Err(StoreError::conflict(
            "device_id",
            format!("this driver already has {count} registered devices, the most allowed"),
        ));
    }
    register_device(conn, driver, device_id, platform, app_version, now)
}
