import CrossingCore
@testable import CrossingKit
import Security
import XCTest

/// The shell against a mock core (CrossingCoreProtocol): redraws follow the observer, and
/// every record outcome is shown.
final class ShellTests: XCTestCase {
    @MainActor
    func testTripListAndBadgeFollowTheObserver() async throws {
        let core = MockCore()
        let session = Session(core: core, tokens: MemoryTokens("t"))
        let list = session.tripList()
        try await eventually { list.rows == ["t1"] }
        core.set { $0.rows = ["t1", "t2"] }
        try core.observer().onTripsChanged(tripIds: ["t2"], all: false)
        try await eventually { list.rows == ["t1", "t2"] }
        try core.observer().onSyncChanged(sync: MockCore.badge("Offline", pending: 2))
        try await eventually { session.sync?.headline == "Offline" && session.sync?.pending == 2 }
    }

    @MainActor
    func testBorderScreenRedrawsOnlyForItsTripAndKeepsTheSelection() async throws {
        let core = MockCore()
        let session = Session(core: core, tokens: MemoryTokens("t"))
        let border = session.border("t1", codeId: "qr")
        try await eventually { core.get { $0.borderCalls } == [["t1", "qr"]] }
        let observer = try core.observer()
        observer.onTripsChanged(tripIds: ["t2"], all: false)
        observer.onTripsChanged(tripIds: ["t1"], all: false)
        try await eventually { core.get { $0.borderCalls.count } == 2 }
        border.selection = "ace"
        try await eventually { core.get { $0.borderCalls.last } == ["t1", "ace"] }
        XCTAssertEqual(core.get { $0.borderCalls.count }, 3)
        withExtendedLifetime(session) {}
    }

    @MainActor
    func testRefusalIsShownNextToItsInputAndRecordedClosesTheForm() async {
        let core = MockCore()
        let record = RecordModel(session: Session(core: core, tokens: MemoryTokens("t")), tripId: "t1")
        await record.tap(ActionButton(id: "x", kind: .exception, label: "Exception", recommended: false, opensForm: true))
        XCTAssertEqual(record.form?.form.title, "Exception")

        core.set { $0.outcome = .refused(input: "note", message: "Say what happened") }
        await record.submit([])
        XCTAssertEqual(record.form?.refusal, Refusal(input: "note", message: "Say what happened"))

        core.set { $0.outcome = .recorded(eventId: "e1", message: "Recorded") }
        await record.submit([InputValue(id: "note", value: "flat tyre")])
        XCTAssertNil(record.form)
        XCTAssertEqual(record.message?.text, "Recorded")
        XCTAssertEqual(core.get { $0.intents.last?.values }, [InputValue(id: "note", value: "flat tyre")])

        // A refused button with no form is a message, never silence.
        core.set { $0.outcome = .refused(input: nil, message: "Already recorded") }
        await record.tap(ActionButton(id: "d", kind: .departedOrigin, label: "Departed", recommended: true, opensForm: false))
        XCTAssertEqual(record.message?.text, "Already recorded")
        XCTAssertEqual(record.message?.tone, .problem)
    }

    func testDraftSendsThePreselectedChoiceATypedOtherAndCutText() {
        let inputs: [FormInput] = [
            .choice(id: "port", label: "Port", options: [ChoiceOption(id: "0901", label: "0901")],
                    selected: "0901", required: true, otherHint: "Another port"),
            .text(id: "note", label: "Note", hint: "", required: false, maxChars: 4, value: ""),
        ]
        var draft = FormDraft(inputs)
        XCTAssertEqual(draft.intentValues(inputs), [InputValue(id: "port", value: "0901")])
        draft[other: "port"] = "0453"
        draft[text: "note", limit: 4] = "abcdef"
        XCTAssertEqual(draft.intentValues(inputs), [InputValue(id: "port", value: "0453"), InputValue(id: "note", value: "abcd")])
        draft[choice: "port"] = "0901"
        XCTAssertEqual(draft.intentValues(inputs).first, InputValue(id: "port", value: "0901"))
    }

    func testALockedTokenStoreIsNotSignedOut() {
        let locked = MemoryTokens(nil, fails: true)
        XCTAssertThrowsError(try StoredTokens(locked).token(forceRefresh: false)) {
            XCTAssertEqual($0 as? CoreError, .Internal(reason: "token store unavailable"))
        }
        XCTAssertTrue(StoredTokens.signedIn(locked))
        XCTAssertFalse(StoredTokens.signedIn(MemoryTokens(nil)))
    }
}

extension ScreenModel where Screen == TripListScreen {
    var rows: [String]? {
        guard case let .ready(screen) = state else { return nil }
        return screen.rows.map(\.id)
    }
}

struct Timeout: Error {}

/// Polls `condition` on the main actor until it holds (signals arrive asynchronously).
@MainActor
func eventually(timeout: TimeInterval = 2, _ condition: () -> Bool) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
        guard Date() < deadline else { throw Timeout() }
        try await Task.sleep(nanoseconds: 5_000_000)
    }
}

final class MemoryTokens: TokenStore, @unchecked Sendable {
    private let lock = NSLock()
    private var token: String?
    private let fails: Bool

    init(_ token: String?, fails: Bool = false) {
        self.token = token
        self.fails = fails
    }

    func read() throws -> String? {
        if fails { throw KeychainError(status: errSecInteractionNotAllowed) }
        return lock.withLock { token }
    }

    func save(_ token: String) throws { lock.withLock { self.token = token } }
}

/// Fixtures behind the core's protocol; state behind a lock (the shell calls it off main).
final class MockCore: CrossingCoreProtocol, @unchecked Sendable {
    struct State {
        var rows = ["t1"], borderCalls: [[String]] = [], intents: [RecordIntent] = []
        var outcome = RecordOutcome.recorded(eventId: "e0", message: "Recorded")
        var observer: AppObserver?
    }

    private let lock = NSLock()
    private var state = State()

    func get<T>(_ read: (State) -> T) -> T { lock.withLock { read(state) } }
    func set(_ change: (inout State) -> Void) { lock.withLock { change(&state) } }
    func observer() throws -> AppObserver { try XCTUnwrap(get { $0.observer }, "the shell did not observe") }

    static func badge(_ headline: String, pending: UInt32 = 0) -> SyncView {
        SyncView(phase: .idle, headline: headline, detail: "", tone: .neutral, pending: pending, dead: 0, canSyncNow: true, needs: nil)
    }

    func checkToken(token: String) -> SignInOutcome { .accepted(token: token) }
    func setPreferredLocales(locales: [String]) -> String { locales.first ?? "en" }
    func recoveryNotice() -> Notice? { nil }
    func signedIn() {}; func dismissRecovery() {}
    func deviceId() -> String { "device" }
    func importTripJson(json: String) throws -> String { throw CoreError.InvalidTrip(reason: "mock") }
    func paper(tripId: String, paperId: String, detailed: Bool) throws -> PaperFile { throw CoreError.NotFound(reason: "no paper") }
    func recovery() -> RecoveryReport { RecoveryReport(cacheRebuilt: false, outboxMovedTo: nil, eventsSalvaged: 0,
                                                       eventsUnreadable: 0, outboxFoundEmpty: false) }
    func shutdown() {}
    func requestSync() {}
    func syncView() throws -> SyncView { Self.badge("Up to date") }
    func syncNow() async throws -> SyncOutcome { SyncOutcome(advice: .done, message: "Synced", view: Self.badge("Up to date")) }
    func tripScreen(tripId: String) throws -> TripScreen { throw CoreError.NotFound(reason: "no trip \(tripId)") }
    func startScreen(signedIn: Bool) throws -> StartScreen {
        StartScreen(step: signedIn ? .ready : .signIn, title: "Trips", message: "", input: nil, submitLabel: nil, sync: Self.badge(""))
    }
    func tripList() throws -> TripListScreen {
        let rows = get { $0.rows }.map {
            TripRow(id: $0, title: "PAPS \($0)", detail: "", status: "", tone: .neutral, current: false, state: .active)
        }
        return TripListScreen(title: "Trips", rows: rows, emptyText: nil, sync: Self.badge(""))
    }
    func borderScreen(tripId: String, codeId: String?) throws -> BorderScreen {
        set { $0.borderCalls.append([tripId, codeId ?? ""]) }
        return BorderScreen(tripId: tripId, title: "Border", codes: [], selected: codeId, code: nil, notice: "No code", keepScreenOn: false)
    }
    func recordForm(tripId: String, kind: EventKind) throws -> RecordForm {
        let note = FormInput.text(id: "note", label: "Note", hint: "", required: true, maxChars: 500, value: "")
        return RecordForm(tripId: tripId, kind: kind, title: "Exception", explanation: "", inputs: [note], submitLabel: "Record")
    }
    func record(intent: RecordIntent) throws -> RecordOutcome {
        set { $0.intents.append(intent) }
        return get { $0.outcome }
    }
    func observe(observer: AppObserver) throws -> TaskHandle {
        set { $0.observer = observer }
        return TaskHandle(noHandle: TaskHandle.NoHandle()) // a fake: handle 0 is never freed or called
    }
}
