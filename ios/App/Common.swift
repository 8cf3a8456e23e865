import CrossingKit
import SwiftUI

/// A sentence with its tone as a symbol (described for VoiceOver): never colour alone.
struct ToneLabel: View {
    let text: String
    let tone: Tone

    init(_ text: String, tone: Tone) {
        self.text = text
        self.tone = tone
    }

    var body: some View {
        Label { Text(text) } icon: {
            Image(systemName: look.symbol).foregroundStyle(look.color).accessibilityLabel(look.words)
        }
        .accessibilityElement(children: .combine)
    }

    private var look: (symbol: String, color: Color, words: String) {
        let words = ShellTexts.current
        switch tone {
        case .neutral: return ("info.circle", .secondary, words.toneNeutral)
        case .good: return ("checkmark.circle.fill", .green, words.toneGood)
        case .attention: return ("exclamationmark.triangle.fill", .orange, words.toneAttention)
        case .problem: return ("xmark.octagon.fill", .red, words.toneProblem)
        }
    }
}

/// The sync badge in the core's words; `detail` adds its second line and "sync now".
struct SyncBadge: View {
    let sync: SyncView?
    var detail = false
    var syncNow: (@MainActor () -> Void)?

    var body: some View {
        if let sync {
            VStack(alignment: .leading, spacing: 4) {
                HStack(spacing: 8) {
                    ToneLabel(sync.headline, tone: sync.tone)
                    if sync.pending > 0 { Label(String(sync.pending), systemImage: "arrow.up.circle") }
                    if sync.dead > 0 { Label(String(sync.dead), systemImage: "exclamationmark.arrow.circlepath") }
                }
                if detail {
                    Text(sync.detail).font(.footnote).foregroundStyle(.secondary)
                    if sync.canSyncNow, let syncNow { Button(ShellTexts.current.syncNow) { syncNow() } }
                }
            }
            .font(detail ? .subheadline : .caption)
        }
    }
}

/// The core's notice (can't open, recovery), with its dismiss button when it has one.
struct NoticeView: View {
    let notice: Notice
    let dismiss: (@MainActor () -> Void)?

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            ToneLabel(notice.title, tone: notice.tone).font(.title3.bold())
            ForEach(Array(notice.lines.enumerated()), id: \.offset) { Text($0.element) }
            if let label = notice.dismissLabel, let dismiss {
                Button(label) { dismiss() }.buttonStyle(.borderedProminent)
            }
        }
        .padding()
        .frame(maxWidth: .infinity, alignment: .leading)
    }
}

/// A screen's state: a spinner, the core's view model, or its problem with "try again" (or
/// "back" when the trip is gone).
struct StateView<Screen, Content: View>: View {
    let state: ScreenState<Screen>
    let retry: @MainActor () -> Void
    @ViewBuilder let content: (Screen) -> Content
    @Environment(\.dismiss) var dismiss

    var body: some View {
        switch state {
        case .loading:
            ProgressView()
        case let .failed(problem):
            VStack(spacing: 16) {
                ToneLabel(problem.message, tone: .problem)
                if problem.gone {
                    Button(ShellTexts.current.back) { dismiss() }.buttonStyle(.bordered)
                } else {
                    Button(ShellTexts.current.retry) { retry() }.buttonStyle(.bordered)
                }
            }
            .padding()
        case let .ready(screen):
            content(screen)
        }
    }
}

extension View {
    /// A message at the bottom until tapped or replaced.
    func toast(_ message: Binding<Message?>) -> some View {
        safeAreaInset(edge: .bottom) {
            if let shown = message.wrappedValue {
                ToneLabel(shown.text, tone: shown.tone)
                    .padding()
                    .frame(maxWidth: .infinity, alignment: .leading)
                    .background(.regularMaterial)
                    .onTapGesture { message.wrappedValue = nil }
            }
        }
    }
}
