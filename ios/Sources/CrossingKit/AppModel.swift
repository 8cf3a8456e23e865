import Combine
import CrossingCore
import Foundation
#if os(iOS)
import BackgroundTasks
#endif

/// Launch: opens the core off the main actor and holds the session, or the core's notice
/// saying why it cannot open (never a crash).
@MainActor
public final class AppModel: ObservableObject {
    public enum Phase { case opening, cannotOpen(Notice), open(Session) }
    /// What opening gave: the core, or the notice to draw instead.
    public enum Opened: Sendable { case core(CrossingCoreProtocol), notice(Notice) }

    @Published public private(set) var phase = Phase.opening
    private var opening: Task<Session?, Never>?

    /// Starts opening at once (a background refresh can launch the app with no UI).
    public init(tokens: TokenStore, open: @escaping @Sendable () async -> Opened) {
        opening = Task {
            switch await open() {
            case let .core(core):
                let session = Session(core: core, tokens: tokens)
                phase = .open(session)
                return session
            case let .notice(notice):
                phase = .cannotOpen(notice)
                return nil
            }
        }
    }

    /// The real core over the Keychain.
    public convenience init(serverURL: String?, appVersion: String) {
        let tokens = KeychainTokenStore()
        self.init(tokens: tokens) { await AppModel.openCore(serverURL: serverURL, appVersion: appVersion, tokens: tokens) }
    }

    /// Opens the stores (SQLite, migrations, a possible salvage) on a background thread, the
    /// log sink set first. A failure becomes the core's startup notice.
    public nonisolated static func openCore(serverURL: String?, appVersion: String, tokens: TokenStore) async -> Opened {
        await Task.detached(priority: .userInitiated) { () -> Opened in
            setLogSink(sink: OSLogSink())
            do {
                let config = CoreConfig(
                    dataDir: try DataDirectory.prepare().path, serverUrl: serverURL, platform: "ios",
                    appVersion: appVersion, deviceZone: TimeZone.current.identifier
                )
                let core = try CrossingCore(config: config, tokens: StoredTokens(tokens))
                _ = core.setPreferredLocales(locales: Languages.current)
                return .core(core)
            } catch {
                let coreError = error as? CoreError ?? .Storage(reason: error.localizedDescription)
                Log.shell.error("open: \(Problem.of(coreError).message, privacy: .public)")
                return .notice(startupNotice(error: coreError, locales: Languages.current))
            }
        }.value
    }

    /// The scene became active: sync soon.
    public func becameActive() {
        if case let .open(session) = phase { session.core.requestSync() }
    }

    /// The BGAppRefreshTask (SwiftUI `.backgroundTask`): asks for the next one, then one sync
    /// through the core's sync service. If iOS suspends the app first, the sync is retried
    /// later; nothing is lost and nothing is cancelled.
    public func backgroundSync() async {
        Background.scheduleRefresh()
        guard let session = await opening?.value else { return }
        do {
            let outcome = try await session.core.syncNow()
            Log.shell.info("background sync: \(outcome.message, privacy: .public)")
        } catch {
            Log.shell.error("background sync: \(Problem.of(error).message, privacy: .public)")
        }
    }
}

/// The databases' home: Application Support (no App Group: avoids 0xdead10cc), excluded from
/// backup, protected "until first unlock" so background sync can open SQLite while locked.
enum DataDirectory {
    static func prepare() throws -> URL {
        let fm = FileManager.default
        var dir = try fm.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
            .appendingPathComponent("crossing", isDirectory: true)
        try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [
            .protectionKey: FileProtectionType.completeUntilFirstUserAuthentication,
        ])
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try dir.setResourceValues(values)
        return dir
    }
}

/// Background refresh: SwiftUI's `.backgroundTask(.appRefresh(refreshTask))` runs and completes
/// the task; this only asks iOS for the next one. The core's sync is never cancelled (safe to suspend).
public enum Background {
    /// Also in Info.plist `BGTaskSchedulerPermittedIdentifiers`.
    public static let refreshTask = "app.crossing.sync"

    /// Asks iOS for a refresh in about 15 minutes. A refused request (simulator, Background
    /// App Refresh off) is logged; the core still syncs whenever the app is open.
    public static func scheduleRefresh() {
        #if os(iOS)
        let request = BGAppRefreshTaskRequest(identifier: refreshTask)
        request.earliestBeginDate = Date(timeIntervalSinceNow: 15 * 60)
        do {
            try BGTaskScheduler.shared.submit(request)
        } catch {
            Log.shell.error("background refresh not scheduled: \(error.localizedDescription, privacy: .public)")
        }
        #endif
    }
}
