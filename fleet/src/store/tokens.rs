//! Bearer tokens (`token` table): made, revoked and checked; only their hashes are stored.

use super::*;

/// Who a bearer token belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A fleet manager of this fleet.
    Manager {
        /// Fleet id.
        fleet: String,
    },
    /// A driver.
    Driver {
        /// Driver id.
        driver: String,
    },
}

/// Role of a new token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewToken {
    /// Manager of a fleet.
    Manager(String),
    /// A driver.
    Driver(String),
}

/// SHA-256 of a token, hex. Only hashes are stored.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Creates a token and returns it (shown once; only its hash is kept).
pub fn create_token(
    conn: &Connection,
    who: &NewToken,
    now: DateTime<Utc>,
) -> Result<String, StoreError> {
    let (role, fleet, driver, prefix) = match who {
        NewToken::Manager(f) => ("manager", Some(f.as_str()), None, "crm_"),
        NewToken::Driver(d) => ("driver", None, Some(d.as_str()), "crd_"),
    };
    let id = fleet.or(driver).unwrap_or_default();
    if !id_ok(id) {
        return Err(StoreError::invalid(
            if fleet.is_some() { "fleet" } else { "driver" },
            "must be 1–64 letters, digits or . _ : -",
        ));
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::internal(format!("random: {e}")))?;
    let token = format!("{prefix}{}", hex::encode(bytes));
    conn.execute(
        "INSERT INTO token (hash, role, fleet, driver, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![hash_token(&token), role, fleet, driver, stamp(now)],
    )?;
    Ok(token)
}

/// Revokes a token. Returns whether it existed.
pub fn revoke_token(
    conn: &Connection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let n = conn.execute(
        "UPDATE token SET revoked_at = ?2 WHERE hash = ?1 AND revoked_at IS NULL",
        params![hash_token(token), stamp(now)],
    )?;
    Ok(n == 1)
}

/// Finds the principal of a token, if it is valid and not revoked.
pub fn authenticate(conn: &Connection, token: &str) -> Result<Option<Principal>, StoreError> {
    let row: Option<(String, Option<String>, Option<String>)> = conn
        .query_row(
            "SELECT role, fleet, driver FROM token WHERE hash = ?1 AND revoked_at IS NULL",
            params![hash_token(token)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(match row {
        Some((role, Some(fleet), _)) if role == "manager" => Some(Principal::Manager { fleet }),
        Some((role, _, Some(driver))) if role == "driver" => Some(Principal::Driver { driver }),
        _ => None,
    })
}
