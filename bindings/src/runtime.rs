//! The library's tokio runtime and the handle of a background task it runs.

use std::sync::{Mutex, OnceLock};

/// The library's one tokio runtime: a current-thread runtime driven by a background thread
/// named `crossing`. Sync is I/O-bound and one at a time; the multi-thread scheduler cost 47 KB
/// of the library for nothing (docs/benchmarks.md). Tasks are spawned through this handle.
pub(crate) fn runtime() -> &'static tokio::runtime::Handle {
    static RUNTIME: OnceLock<tokio::runtime::Handle> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("the tokio runtime can be built (a timer is available)");
        let handle = rt.handle().clone();
        std::thread::Builder::new()
            .name("crossing".into())
            .spawn(move || rt.block_on(std::future::pending::<()>()))
            .expect("the runtime thread can be started");
        handle
    })
}

/// A background task (e.g. a sync observer). Dropping it, or `cancel`, stops the task.
#[derive(Debug, uniffi::Object)]
pub struct TaskHandle {
    pub(crate) task: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

#[uniffi::export]
impl TaskHandle {
    /// Stops the task.
    pub fn cancel(&self) {
        if let Some(t) = self
            .task
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
        {
            t.abort();
        }
    }

    /// Whether the task has ended.
    pub fn is_finished(&self) -> bool {
        self.task
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .as_ref()
            .is_none_or(tokio::task::JoinHandle::is_finished)
    }
}

impl Drop for TaskHandle {
    fn drop(&mut self) {
        self.cancel();
    }
}
