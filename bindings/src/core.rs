//! [`CrossingCore`], the one long-lived object: opening the stores, starting the sync loop,
//! what opening had to repair, and shutting down.

use std::sync::{Arc, Mutex};

use crossing_core::app::App;
use crossing_core::sync::{SyncConfig, SyncService, Syncer};
use crossing_core::Crossing;

use crate::runtime::runtime;
use crate::sync::{ShellTokens, TokenProvider};
pub use crossing_core::Recovery as RecoveryReport;

use crate::CoreError;

/// How the core is set up.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CoreConfig {
    /// Directory for `cache.db` and `outbox.db` (app-private, excluded from backups).
    pub data_dir: String,
    /// Fleet server URL (`https://…`; `http://` only to loopback). `None`: no sync.
    pub server_url: Option<String>,
    /// `android`, `ios`, `jvm-test`.
    pub platform: String,
    /// The app's version (sent to the server, which may answer "update required").
    pub app_version: String,
    /// The phone's IANA time zone (`TimeZone.getDefault().id`, `TimeZone.current.identifier`):
    /// event and sync times on screens are in it. An unknown name reads as UTC.
    pub device_zone: String,
}

/// The Crossing core for a shell. Create one per process, off the main thread (it opens and
/// may repair SQLite files), and keep it for the app's lifetime.
#[derive(uniffi::Object)]
pub struct CrossingCore {
    pub(crate) app: Arc<App>,
    pub(crate) loop_task: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

/// What opening the stores had to repair (all empty on a healthy open).
#[uniffi::remote(Record)]
pub struct RecoveryReport {
    /// The trip cache was damaged and recreated empty; the next sync pulls the trips again.
    pub cache_rebuilt: bool,
    /// Where a damaged event store was moved (kept, never deleted).
    pub outbox_moved_to: Option<String>,
    /// Events copied from the damaged store.
    pub events_salvaged: u64,
    /// Events of the damaged store known to be lost.
    pub events_unreadable: u64,
    /// The event store was found empty (0 bytes): its events, if any, are gone.
    pub outbox_found_empty: bool,
}

impl CrossingCore {
    pub(crate) fn core(&self) -> &Crossing {
        self.app.core()
    }
}

#[uniffi::export]
impl CrossingCore {
    /// Opens the data directory (creating and migrating the databases) and starts the
    /// background sync loop when a server URL is given. On failure, show
    /// [`startup_notice`](crate::startup_notice) of the error instead of crashing.
    #[uniffi::constructor]
    pub fn new(config: CoreConfig, tokens: Arc<dyn TokenProvider>) -> Result<Arc<Self>, CoreError> {
        let core = Arc::new(Crossing::open(&config.data_dir)?);
        let service = match &config.server_url {
            Some(url) => {
                let syncer = Syncer::over_http(
                    Arc::clone(&core),
                    url,
                    Arc::new(ShellTokens(tokens)),
                    SyncConfig {
                        platform: config.platform.clone(),
                        app_version: config.app_version.clone(),
                    },
                )?;
                Some(Arc::new(SyncService::new(syncer)))
            }
            None => None,
        };
        let loop_task = service.as_ref().map(|svc| {
            let svc = Arc::clone(svc);
            runtime().spawn(async move { svc.run().await })
        });
        Ok(Arc::new(CrossingCore {
            app: Arc::new(App::new(core, service, &config.device_zone)),
            loop_task: Mutex::new(loop_task),
        }))
    }

    /// What opening the stores had to repair (a rebuilt cache, a salvaged event store).
    pub fn recovery(&self) -> RecoveryReport {
        self.core().recovery()
    }

    /// This install's device id.
    pub fn device_id(&self) -> String {
        self.core().device_id().to_string()
    }

    /// Imports a trip document (as if pushed), e.g. from a shared file.
    pub fn import_trip_json(&self, json: String) -> Result<String, CoreError> {
        Ok(self.core().import_trip_json(json.as_bytes())?.trip_id)
    }

    /// Stops the background sync loop (the app is going away). Not named `close`.
    pub fn shutdown(&self) {
        if let Some(t) = self
            .loop_task
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
        {
            t.abort();
        }
    }
}

impl Drop for CrossingCore {
    fn drop(&mut self) {
        self.shutdown();
    }
}
