import CrossingCore
import Foundation

/// The app's one CrossingCore, as an observable store for SwiftUI. Calls into Rust run off the
/// main actor; published values are set on it. No business rules here: the core decides.
@MainActor
public final class CrossingStore: ObservableObject {
    @Published public private(set) var trips: [TripRow] = []
    @Published public private(set) var syncStatus: SyncStatus?
    @Published public var lastError: String?

    public let core: CrossingCore
    private var observer: TaskHandle?

    /// Opens the data directory (protected, excluded from backup) and starts sync.
    public init(serverURL: String?, tokens: TokenProvider, appVersion: String) throws {
        let dir = try DataDirectory.prepare()
        core = try CrossingCore(
            config: CoreConfig(dataDir: dir.path, serverUrl: serverURL, platform: "ios", appVersion: appVersion),
            tokens: tokens
        )
        observer = try? core.observeSync(observer: StatusForwarder { [weak self] status in
            Task { @MainActor in self?.syncStatus = status }
        })
    }

    deinit {
        observer?.cancel()
        core.shutdown()
    }

    /// Reloads the trips list.
    public func reload() async {
        await run { try self.core.trips() } then: { self.trips = $0 }
    }

    /// The manifest screen of a trip.
    public func manifest(_ tripId: String) async -> Manifest? {
        await value { try self.core.manifest(tripId: tripId) }
    }

    /// A border code of the trip's current version.
    public func code(_ tripId: String, _ choice: CodeChoice) async -> BorderCode? {
        await value { try self.core.borderCode(tripId: tripId, kind: choice.kind, shipment: choice.shipment) }
    }

    /// Records a status event (kept until the fleet has it).
    public func record(_ input: EventInput) async -> Bool {
        await value { try self.core.recordEvent(input: input) } != nil
    }

    /// Syncs now (BGAppRefreshTask, pull-to-refresh).
    @discardableResult
    public func syncNow() async -> Bool {
        do {
            _ = try await core.sync()
            return true
        } catch {
            lastError = Self.message(error)
            return false
        }
    }

    /// The network is back (NWPathMonitor).
    public nonisolated func networkAvailable() {
        try? core.networkAvailable()
    }

    private func value<T>(_ work: @escaping @Sendable () throws -> T) async -> T? {
        do {
            return try await Task.detached(priority: .userInitiated) { try work() }.value
        } catch {
            lastError = Self.message(error)
            return nil
        }
    }

    private func run<T>(_ work: @escaping @Sendable () throws -> T, then apply: (T) -> Void) async {
        if let v = await value(work) { apply(v) }
    }

    /// The core's sentence for an error.
    public static func message(_ error: Error) -> String {
        guard let e = error as? CoreError else { return error.localizedDescription }
        switch e {
        case let .InvalidInput(reason), let .InvalidTrip(reason), let .NotFound(reason),
             let .Storage(reason), let .Network(reason), let .NotConfigured(reason), let .Internal(reason):
            return reason
        case .SignInRequired:
            return "Sign in again. Your events are kept."
        case .UpdateRequired:
            return "Update the app to keep syncing. Your events are kept."
        }
    }
}

/// Adapts the core's observer trait to a closure.
final class StatusForwarder: SyncObserver {
    private let forward: (SyncStatus) -> Void
    init(_ forward: @escaping (SyncStatus) -> Void) { self.forward = forward }
    func onSyncStatus(status: SyncStatus) { forward(status) }
}
