//! Sync for the shells: the token and observer callbacks they implement, the status they
//! show, and the calls that run or watch the one sync service.

use std::sync::{Arc, Mutex};

pub use crossing_core::planner::SyncState as SyncPhase;
use crossing_core::sync::SyncService;

use crate::runtime::{runtime, TaskHandle};
use crate::{n, CoreError, CrossingCore};

/// Supplies the driver's bearer token from Keystore/Keychain.
#[uniffi::export(with_foreign)]
pub trait TokenProvider: Send + Sync {
    /// The current token, or a fresh one when `force_refresh` (after a 401). `None`: signed out.
    fn token(&self, force_refresh: bool) -> Result<Option<String>, CoreError>;
}

pub(crate) struct ShellTokens(pub(crate) Arc<dyn TokenProvider>);

impl crossing_core::sync::TokenProvider for ShellTokens {
    fn token(&self, force_refresh: bool) -> Option<String> {
        self.0.token(force_refresh).ok().flatten()
    }
}

/// Receives sync state changes. Must return quickly and not throw.
#[uniffi::export(with_foreign)]
pub trait SyncObserver: Send + Sync {
    /// The sync status changed (also called once with the current status).
    fn on_sync_status(&self, status: SyncStatus);
}

/// Sync state for the shells.
#[uniffi::remote(Enum)]
pub enum SyncPhase {
    /// Up to date.
    Idle,
    /// Running.
    Syncing,
    /// No network; retries by itself.
    Offline {
        /// Next try (RFC 3339).
        retry_at: String,
    },
    /// Waiting (server asked, or failed).
    BackingOff {
        /// Next try (RFC 3339).
        until: String,
        /// Why.
        reason: String,
    },
    /// Sign in again; events kept.
    SignInRequired,
    /// Update the app; events kept.
    UpdateRequired,
}

/// Sync state plus counts (the badge).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncStatus {
    /// State.
    pub phase: SyncPhase,
    /// One line for the driver.
    pub label: String,
    /// Events waiting to be sent.
    pub pending: u32,
    /// Events refused by the server.
    pub dead: u32,
    /// Last successful sync.
    pub last_success: Option<String>,
}

/// What one sync did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncReport {
    /// Events stored by the server.
    pub uploaded: u32,
    /// Events the server already had.
    pub duplicates: u32,
    /// Events dead-lettered.
    pub dead_lettered: u32,
    /// Trips stored or amended.
    pub trips_updated: u32,
    /// Trips removed.
    pub trips_removed: u32,
    /// HTTP requests.
    pub requests: u32,
}

impl CrossingCore {
    pub(crate) fn status(&self) -> Result<SyncStatus, CoreError> {
        let s = self.core.sync_status()?;
        // The live state of the running service wins over the saved one.
        let phase = match &self.service {
            Some(svc) => svc.subscribe().borrow().clone(),
            None => s.state.clone(),
        };
        Ok(SyncStatus {
            label: phase.label(),
            phase,
            pending: n(s.pending),
            dead: n(s.dead),
            last_success: s.last_success,
        })
    }

    pub(crate) fn service(&self) -> Result<&Arc<SyncService>, CoreError> {
        self.service
            .as_ref()
            .ok_or_else(|| CoreError::NotConfigured {
                reason: "no server URL was configured".into(),
            })
    }
}

#[uniffi::export]
impl CrossingCore {
    /// One sync now (push, then pull), on the core's runtime. Safe to cancel.
    pub async fn sync(&self) -> Result<SyncReport, CoreError> {
        let service = Arc::clone(self.service()?);
        let report = runtime()
            .spawn(async move { service.syncer().sync_once(0).await })
            .await
            .map_err(|e| CoreError::Internal {
                reason: format!("sync task: {e}"),
            })??;
        Ok(SyncReport {
            uploaded: n(report.uploaded),
            duplicates: n(report.duplicates),
            dead_lettered: n(report.dead_lettered),
            trips_updated: n(report.trips_updated),
            trips_removed: n(report.trips_removed),
            requests: n(report.requests),
        })
    }

    /// Sync state and counts.
    pub fn sync_status(&self) -> Result<SyncStatus, CoreError> {
        self.status()
    }

    /// Asks the background loop for a sync soon (coalesces with other requests).
    pub fn request_sync(&self) -> Result<(), CoreError> {
        self.service()?.request_sync();
        Ok(())
    }

    /// The network is back: sync promptly (unless the server asked to wait longer).
    pub fn network_available(&self) -> Result<(), CoreError> {
        self.service()?.network_available();
        Ok(())
    }

    /// Calls `observer` with the current sync status, then on every change, until the
    /// returned handle is cancelled or dropped.
    pub fn observe_sync(
        self: Arc<Self>,
        observer: Arc<dyn SyncObserver>,
    ) -> Result<Arc<TaskHandle>, CoreError> {
        let mut rx = self.service()?.subscribe();
        // The status as of this call, taken here rather than in the task: the task may
        // first run after a sync has already started, and the observer must still see the
        // state it subscribed in first. Changes after `subscribe` wake the loop below.
        let initial = self.status()?;
        let me = Arc::clone(&self);
        let task = runtime().spawn(async move {
            observer.on_sync_status(initial);
            while rx.changed().await.is_ok() {
                if let Ok(status) = me.status() {
                    observer.on_sync_status(status);
                }
            }
        });
        Ok(Arc::new(TaskHandle {
            task: Mutex::new(Some(task)),
        }))
    }
}
