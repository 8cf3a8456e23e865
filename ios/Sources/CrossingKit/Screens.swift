import Combine
import CrossingCore
import Foundation

/// A screen's view model from the core: loaded off the main actor, one load at a time (requests
/// coalesce), reloaded when a core signal touches it; a failure is `.failed`, never a throw.
@MainActor
public final class ScreenModel<Screen: Sendable>: ObservableObject {
    public typealias Load = @Sendable (CrossingCoreProtocol, String?) throws -> Screen

    @Published public private(set) var state: ScreenState<Screen> = .loading
    /// Passed to the load (the border screen's code id); setting it reloads.
    public var selection: String? { didSet { reload() } }
    private let core: CrossingCoreProtocol
    private let load: Load
    private var loading = false, again = false

    public init(session: Session, selection: String? = nil,
                reloadOn touches: @escaping @MainActor (Signal) -> Bool, load: @escaping Load) {
        core = session.core
        self.selection = selection
        self.load = load
        session.listen { [weak self] signal in
            guard let self else { return false }
            if touches(signal) { self.reload() }
            return true
        }
        reload()
    }

    /// Asks for a fresh view model.
    public func reload() {
        if loading {
            again = true
            return
        }
        loading = true
        Task {
            repeat {
                again = false
                let core = self.core, load = self.load, selection = self.selection
                do {
                    let screen = try await offMain { try load(core, selection) }
                    state = .ready(screen)
                } catch {
                    state = .failed(Problem.of(error))
                }
            } while again
            loading = false
        }
    }
}

public extension Session {
    /// Where the app starts (sign-in, first sync, trips); redraws on every signal.
    func startScreen() -> ScreenModel<StartScreen> {
        let store = tokens
        return ScreenModel(session: self, reloadOn: { _ in true }) { core, _ in
            try core.startScreen(signedIn: StoredTokens.signedIn(store))
        }
    }

    /// The trip list; redraws on every trip change.
    func tripList() -> ScreenModel<TripListScreen> {
        ScreenModel(session: self, reloadOn: Self.trips { _ in true }) { core, _ in try core.tripList() }
    }

    /// A trip screen; redraws when its trip changed.
    func trip(_ tripId: String) -> ScreenModel<TripScreen> {
        ScreenModel(session: self, reloadOn: Self.trips { $0.touches(tripId) }) { core, _ in try core.tripScreen(tripId: tripId) }
    }

    /// The border screen showing a code id (nil: the core's first); an amendment redraws it.
    func border(_ tripId: String, codeId: String?) -> ScreenModel<BorderScreen> {
        ScreenModel(session: self, selection: codeId, reloadOn: Self.trips { $0.touches(tripId) }) { core, codeId in
            try core.borderScreen(tripId: tripId, codeId: codeId)
        }
    }

    private static func trips(_ touches: @escaping (TripsChanged) -> Bool) -> @MainActor (Signal) -> Bool {
        { signal in
            guard case let .trips(change) = signal else { return false }
            return touches(change)
        }
    }
}

/// A refused form: the input to mark (nil: the whole form), and the core's sentence.
public struct Refusal: Equatable, Sendable {
    public let input: String?
    public let message: String
}

/// The open form, with what the last send said.
public struct OpenForm: Identifiable {
    public let id = UUID()
    public let form: RecordForm
    public var refusal: Refusal?
}

/// A trip's status buttons: opens the core's form or records at once, and shows every outcome
/// (recorded, refused next to its input, or an error).
@MainActor
public final class RecordModel: ObservableObject {
    @Published public var form: OpenForm?
    @Published public var message: Message?
    @Published public private(set) var sending = false
    private let core: CrossingCoreProtocol
    private let tripId: String

    public init(session: Session, tripId: String) {
        core = session.core
        self.tripId = tripId
    }

    /// A status button.
    public func tap(_ action: ActionButton) async {
        guard !sending else { return }
        guard action.opensForm else {
            return await send(RecordIntent(tripId: tripId, kind: action.kind, values: []))
        }
        let core = self.core, tripId = self.tripId, kind = action.kind
        do {
            let form = try await offMain { try core.recordForm(tripId: tripId, kind: kind) }
            self.form = OpenForm(form: form)
        } catch {
            message = Message(problem: Problem.of(error))
        }
    }

    /// Sends the open form with the driver's values.
    public func submit(_ values: [InputValue]) async {
        guard let open = form, !sending else { return }
        await send(RecordIntent(tripId: open.form.tripId, kind: open.form.kind, values: values))
    }

    private func send(_ intent: RecordIntent) async {
        sending = true
        defer { sending = false }
        let core = self.core
        let outcome: RecordOutcome
        do {
            outcome = try await offMain { try core.record(intent: intent) }
        } catch {
            return refuse(Refusal(input: nil, message: Problem.of(error).message))
        }
        switch outcome {
        case let .recorded(_, text):
            form = nil
            message = Message(text, tone: .good)
        case let .refused(input, text):
            refuse(Refusal(input: input, message: text))
        }
    }

    /// Into the open form, next to its input; a message when no form is open.
    private func refuse(_ refusal: Refusal) {
        if form != nil { form?.refusal = refusal } else { message = Message(refusal.message, tone: .problem) }
    }
}

public extension FormInput {
    /// The id the value is sent back under.
    var id: String {
        switch self {
        case let .text(id, _, _, _, _, _), let .choice(id, _, _, _, _, _): return id
        }
    }
}

/// What the driver typed or chose, by input id; starts from the core's values and
/// preselected options. Sends one value per input in the form's order, empty ones left out.
public struct FormDraft: Equatable {
    private var values: [String: String] = [:]
    private var other: [String: String] = [:]

    public init(_ inputs: [FormInput]) {
        for input in inputs {
            switch input {
            case let .text(id, _, _, _, _, value): values[id] = value
            case let .choice(id, _, _, selected, _, _): values[id] = selected
            }
        }
    }

    /// A text input, cut at the core's `maxChars`.
    public subscript(text id: String, limit limit: UInt32) -> String {
        get { values[id] ?? "" }
        set { values[id] = String(newValue.prefix(Int(limit))) }
    }

    /// A choice's option id; choosing clears a typed other value.
    public subscript(choice id: String) -> String? {
        get { values[id] }
        set {
            values[id] = newValue
            other[id] = nil
        }
    }

    /// A value typed outside a choice's list; typing one clears the chosen option.
    public subscript(other id: String) -> String {
        get { other[id] ?? "" }
        set {
            other[id] = newValue
            if !newValue.isEmpty { values[id] = nil }
        }
    }

    public func intentValues(_ inputs: [FormInput]) -> [InputValue] {
        inputs.compactMap { input in
            let typed = other[input.id] ?? ""
            let value = typed.isEmpty ? values[input.id] ?? "" : typed
            return value.isEmpty ? nil : InputValue(id: input.id, value: value)
        }
    }
}
