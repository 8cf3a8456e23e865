import BackgroundTasks
import Foundation
import Network

/// Background refresh (BGTaskScheduler) and "network is back" (NWPathMonitor).
public enum Background {
    public static let refreshTask = "app.crossing.sync"

    /// Call once at launch, before the app finishes launching.
    public static func register(store: CrossingStore) {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: refreshTask, using: nil) { task in
            schedule()
            let work = Task { @MainActor in
                let ok = await store.syncNow()
                task.setTaskCompleted(success: ok)
            }
            // Out of time: cancel the sync (it is cancel-safe) and report.
            task.expirationHandler = {
                work.cancel()
                task.setTaskCompleted(success: false)
            }
        }
    }

    /// Asks iOS for a refresh in about 15 minutes.
    public static func schedule() {
        let request = BGAppRefreshTaskRequest(identifier: refreshTask)
        request.earliestBeginDate = Date(timeIntervalSinceNow: 15 * 60)
        try? BGTaskScheduler.shared.submit(request)
    }

    /// Tells the core when a path becomes satisfied.
    public static func watchNetwork(store: CrossingStore) -> NWPathMonitor {
        let monitor = NWPathMonitor()
        monitor.pathUpdateHandler = { path in
            if path.status == .satisfied { store.networkAvailable() }
        }
        monitor.start(queue: DispatchQueue(label: "app.crossing.network"))
        return monitor
    }
}
