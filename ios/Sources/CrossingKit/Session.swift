import Combine
import CrossingCore
import Foundation
import Network

/// Trips whose screens must redraw; `all`: every screen.
public struct TripsChanged: Equatable, Sendable {
    public let tripIds: [String]
    public let all: Bool

    public func touches(_ tripId: String) -> Bool { all || tripIds.contains(tripId) }
}

/// A redraw signal from the core.
public enum Signal: Sendable {
    case trips(TripsChanged)
    case sync(SyncView)
}

/// The opened core for the app's lifetime: the one observer (trip changes and the sync badge,
/// delivered on the main actor in the core's order), the recovery notice, sign-in and syncs.
@MainActor
public final class Session: ObservableObject {
    @Published public private(set) var sync: SyncView?
    @Published public private(set) var recovery: Notice?
    public let core: CrossingCoreProtocol
    public let tokens: TokenStore
    private var handle: TaskHandle?
    private var listeners: [@MainActor (Signal) -> Bool] = []
    private let monitor = NWPathMonitor()

    public init(core: CrossingCoreProtocol, tokens: TokenStore) {
        self.core = core
        self.tokens = tokens
        var continuation: AsyncStream<Signal>.Continuation?
        let stream = AsyncStream<Signal>(bufferingPolicy: .unbounded) { continuation = $0 }
        do {
            if let continuation { handle = try core.observe(observer: Forwarder(continuation)) }
        } catch {
            Log.shell.error("observe: \(Problem.of(error).message, privacy: .public)")
            sync = try? core.syncView()
        }
        recovery = core.recoveryNotice()
        Task { [weak self] in
            for await signal in stream { self?.dispatch(signal) }
        }
        monitor.pathUpdateHandler = Self.syncWhenOnline(core)
        monitor.start(queue: DispatchQueue(label: "app.crossing.network"))
    }

    /// A satisfied path asks the core for a sync (it coalesces). Built outside the main actor:
    /// NWPathMonitor calls it on its own queue.
    private nonisolated static func syncWhenOnline(_ core: CrossingCoreProtocol) -> @Sendable (NWPath) -> Void {
        { path in
            if path.status == .satisfied { core.requestSync() }
        }
    }

    /// Calls `listener` on every signal while it returns true (a screen model that is gone
    /// returns false and is dropped).
    public func listen(_ listener: @escaping @MainActor (Signal) -> Bool) {
        listeners.append(listener)
    }

    private func dispatch(_ signal: Signal) {
        if case let .sync(view) = signal { sync = view }
        listeners = listeners.filter { $0(signal) }
    }

    /// Pull-to-refresh and "sync now": one sync through the core's one sync service.
    public func syncNow() async -> Message {
        do {
            let outcome = try await core.syncNow()
            return Message(outcome.message, tone: outcome.view.tone)
        } catch {
            return Message(problem: Problem.of(error))
        }
    }

    /// A sheet of the trip as PDF for the print dialog or the share sheet, or the sentence why not.
    public func paper(tripId: String, paperId: String) async -> Result<PaperFile, Problem> {
        do { return .success(try await offMain { [core] in try core.paper(tripId: tripId, paperId: paperId, detailed: false) }) } catch { return .failure(Problem.of(error)) }
    }

    /// The sign-in button: the core checks the token, the Keychain keeps it. Returns the
    /// sentence to show, nil when the token was kept.
    public func signIn(_ text: String) async -> String? {
        switch core.checkToken(token: text) {
        case let .refused(message):
            return message
        case let .accepted(token):
            let store = tokens
            do {
                try await offMain { try store.save(token) }
            } catch {
                Log.shell.error("token not kept: \(error.localizedDescription, privacy: .public)")
                return ShellTexts.current.tokenStoreLocked
            }
            core.signedIn()
            return nil
        }
    }

    /// The driver read the recovery notice.
    public func dismissRecovery() {
        core.dismissRecovery()
        recovery = nil
    }
}

/// The core's observer: queues each call for the main actor, in order, and returns at once.
final class Forwarder: AppObserver {
    private let continuation: AsyncStream<Signal>.Continuation

    init(_ continuation: AsyncStream<Signal>.Continuation) { self.continuation = continuation }

    func onTripsChanged(tripIds: [String], all: Bool) {
        continuation.yield(.trips(TripsChanged(tripIds: tripIds, all: all)))
    }

    func onSyncChanged(sync: SyncView) { continuation.yield(.sync(sync)) }
}
