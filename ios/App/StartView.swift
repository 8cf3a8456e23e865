import CrossingKit
import SwiftUI

/// Where the app starts, as the core says: sign-in, the first sync, or the trips. The
/// recovery notice (what opening repaired) stays on top until dismissed.
struct StartView: View {
    @ObservedObject var session: Session
    @StateObject private var start: ScreenModel<StartScreen>

    init(session: Session) {
        self.session = session
        _start = StateObject(wrappedValue: session.startScreen())
    }

    var body: some View {
        StateView(state: start.state, retry: start.reload) { screen in
            if screen.step == .ready {
                TripListView(session: session)
            } else {
                StepView(session: session, screen: screen, reload: start.reload)
            }
        }
        .safeAreaInset(edge: .top) {
            if let notice = session.recovery {
                NoticeView(notice: notice) { session.dismissRecovery() }.background(.regularMaterial)
            }
        }
    }
}

/// Sign-in (the core's input and button, its sentence when refused) or "getting your trips".
private struct StepView: View {
    @ObservedObject var session: Session
    let screen: StartScreen
    let reload: @MainActor () -> Void
    @State private var draft: FormDraft
    @State private var error: String?

    init(session: Session, screen: StartScreen, reload: @escaping @MainActor () -> Void) {
        self.session = session
        self.screen = screen
        self.reload = reload
        _draft = State(initialValue: FormDraft(screen.input.map { [$0] } ?? []))
    }

    var body: some View {
        Form {
            SwiftUI.Section {
                Text(screen.title).font(.title2.bold())
                if !screen.message.isEmpty { Text(screen.message) }
            }
            if let input = screen.input {
                SwiftUI.Section {
                    FormInputView(input: input, draft: $draft)
                        .textInputAutocapitalization(.never)
                        .autocorrectionDisabled()
                    if let error { ToneLabel(error, tone: .problem) }
                }
                if let label = screen.submitLabel {
                    Button(label) { Task { await submit(input) } }.buttonStyle(.borderedProminent)
                }
            } else {
                SwiftUI.Section {
                    SyncBadge(sync: session.sync ?? screen.sync, detail: true)
                    ProgressView()
                }
            }
        }
    }

    private func submit(_ input: FormInput) async {
        let typed = draft.intentValues([input]).first?.value ?? ""
        error = await session.signIn(typed)
        if error == nil { reload() }
    }
}
