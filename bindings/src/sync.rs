//! Sync for the shells: the token callback they implement, the badge they show, the one
//! "sync now" every caller uses, and the observer that tells screens to redraw.

use std::sync::{Arc, Mutex};

pub use crossing_core::app::{Need, SyncAdvice, SyncOutcome, SyncView};
pub use crossing_core::planner::SyncState as SyncPhase;
use crossing_core::sync::TokenUnavailable;

use crate::runtime::{runtime, TaskHandle};
use crate::{CoreError, CrossingCore, Tone};

/// Supplies the driver's bearer token from Keystore/Keychain.
#[uniffi::export(with_foreign)]
pub trait TokenProvider: Send + Sync {
    /// The current token, or a fresh one when `force_refresh` (after a 401). `None`: signed
    /// out. Throw when the store cannot be read now (a locked phone): the sync is retried
    /// later and the driver is not asked to sign in.
    fn token(&self, force_refresh: bool) -> Result<Option<String>, CoreError>;
}

pub(crate) struct ShellTokens(pub(crate) Arc<dyn TokenProvider>);

impl crossing_core::sync::TokenProvider for ShellTokens {
    fn token(&self, force_refresh: bool) -> Result<Option<String>, TokenUnavailable> {
        // The shell's words are not passed on: they may hold anything.
        self.0
            .token(force_refresh)
            .map_err(|_| TokenUnavailable("the token provider threw".into()))
    }
}

/// Tells the shell what to redraw. Called on the core's thread: hop to the main thread, keep
/// it quick, never throw.
#[uniffi::export(with_foreign)]
pub trait AppObserver: Send + Sync {
    /// These trips changed (their screens and the list redraw); `all`: redraw everything.
    fn on_trips_changed(&self, trip_ids: Vec<String>, all: bool);
    /// The sync badge changed (also called once at once with the current badge).
    fn on_sync_changed(&self, sync: SyncView);
}

/// The machine state behind the badge (its words are in [`SyncView`]).
#[uniffi::remote(Enum)]
pub enum SyncPhase {
    /// Up to date.
    Idle,
    /// Running.
    Syncing,
    /// No network; retries by itself.
    Offline {
        /// Next try (RFC 3339; the badge says it in local time).
        retry_at: String,
    },
    /// Waiting (server asked, or failed).
    BackingOff {
        /// Next try (RFC 3339; the badge says it in local time).
        until: String,
        /// Why.
        reason: String,
    },
    /// Sign in again; events kept.
    SignInRequired,
    /// Update the app; events kept.
    UpdateRequired,
}

/// What the driver must do before sync can go on.
#[uniffi::remote(Enum)]
pub enum Need {
    /// Sign in again.
    SignIn,
    /// Install a newer app.
    UpdateApp,
}

/// The sync badge and status screen.
#[uniffi::remote(Record)]
pub struct SyncView {
    /// The machine state (for icons).
    pub phase: SyncPhase,
    /// One line ("Offline · retrying at 14:37").
    pub headline: String,
    /// The second line ("Last sync 2 min ago · 3 events waiting to be sent").
    pub detail: String,
    /// How it stands out.
    pub tone: Tone,
    /// Events waiting to be sent.
    pub pending: u32,
    /// Events refused for good.
    pub dead: u32,
    /// Offer "sync now".
    pub can_sync_now: bool,
    /// What the driver must do first.
    pub needs: Option<Need>,
}

/// What a background task or "sync now" should do next.
#[uniffi::remote(Enum)]
pub enum SyncAdvice {
    /// It worked.
    Done,
    /// A retry can fix it (WorkManager `retry()`).
    RetryLater,
    /// Only the driver can fix it (sign in, update): do not retry.
    NeedsDriver,
    /// Storage failed: do not retry.
    Failed,
}

/// The result of a sync a shell asked for.
#[uniffi::remote(Record)]
pub struct SyncOutcome {
    /// What to do next.
    pub advice: SyncAdvice,
    /// One sentence for the driver.
    pub message: String,
    /// The badge after the run.
    pub view: SyncView,
}

#[uniffi::export]
impl CrossingCore {
    /// One sync through the one sync service (pull-to-refresh, WorkManager, BGTask): joins a
    /// run in flight instead of starting another, shares the loop's backoff, publishes its
    /// result to observers. It runs to its end (bounded by the transport's timeouts) even if
    /// the caller stops waiting: uniffi cannot cancel it, and nothing is lost if the app is
    /// suspended meanwhile.
    pub async fn sync_now(&self) -> Result<SyncOutcome, CoreError> {
        let app = Arc::clone(&self.app);
        runtime()
            .spawn(async move { app.sync_now().await })
            .await
            .map_err(|e| CoreError::Internal {
                reason: format!("sync task: {e}"),
            })?
            .map_err(Into::into)
    }

    /// The sync badge now.
    pub fn sync_view(&self) -> Result<SyncView, CoreError> {
        Ok(self.app.sync_view()?)
    }

    /// Asks the background loop for a sync soon (foreground, network back); coalesces.
    pub fn request_sync(&self) {
        if let Some(s) = self.app.sync_service() {
            s.request_sync();
        }
    }

    /// Calls `observer` with the current badge, then on every trip change and badge change,
    /// until the returned handle is cancelled or dropped.
    pub fn observe(
        self: Arc<Self>,
        observer: Arc<dyn AppObserver>,
    ) -> Result<Arc<TaskHandle>, CoreError> {
        let mut changes = self.core().subscribe_changes();
        let mut sync = self.app.sync_service().map(|s| s.subscribe());
        // Taken here, not in the task, so the observer starts from the state it subscribed in.
        let initial = self.app.sync_view()?;
        let app = Arc::clone(&self.app);
        let task = runtime().spawn(async move {
            observer.on_sync_changed(initial);
            loop {
                let sync_changed = async {
                    match sync.as_mut() {
                        Some(rx) => rx.changed().await.is_ok(),
                        None => std::future::pending().await,
                    }
                };
                tokio::select! {
                    change = changes.recv() => match change {
                        Ok(c) => observer.on_trips_changed(c.trip_ids, c.all),
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                            observer.on_trips_changed(Vec::new(), true);
                        }
                        Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                    },
                    alive = sync_changed => {
                        if !alive {
                            return;
                        }
                        if let Ok(view) = app.sync_view() {
                            observer.on_sync_changed(view);
                        }
                    }
                }
            }
        });
        Ok(Arc::new(TaskHandle {
            task: Mutex::new(Some(task)),
        }))
    }
}
