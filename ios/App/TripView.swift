import CrossingKit
import SwiftUI

/// A trip as the core draws it; status buttons one per row (long labels never overflow), the
/// recommended one prominent. Redraws when the core says the trip changed.
struct TripView: View {
    @ObservedObject var session: Session
    @StateObject private var trip: ScreenModel<TripScreen>
    @StateObject private var record: RecordModel

    init(session: Session, tripId: String) {
        self.session = session
        _trip = StateObject(wrappedValue: session.trip(tripId))
        _record = StateObject(wrappedValue: RecordModel(session: session, tripId: tripId))
    }

    var body: some View {
        StateView(state: trip.state, retry: trip.reload) { screen in
            List {
                SwiftUI.Section {
                    ToneLabel(screen.headline, tone: screen.tone).font(.headline)
                    if let customs = screen.customs { Text(customs) }
                    Text(screen.eta)
                    if let notice = screen.notice { ToneLabel(notice, tone: .attention) }
                }
                if let banner = screen.banner { BannerSection(banner: banner, record: record) }
                if !screen.codes.isEmpty {
                    SwiftUI.Section(ShellTexts.current.showCodes) {
                        // The first code is the one to show at the border.
                        ForEach(screen.codes, id: \.id) { code in
                            NavigationLink(value: Route.border(tripId: screen.tripId, codeId: code.id)) {
                                Label(code.label, systemImage: "qrcode").fontWeight(code.id == screen.codes.first?.id ? .bold : nil)
                            }
                        }
                    }
                }
                SwiftUI.Section {
                    ForEach(screen.actions, id: \.id) { action in ActionRow(action: action, record: record) }
                }
                SwiftUI.Section { // the core's PDF in the system print dialog (which also saves and shares)
                    ForEach(screen.papers, id: \.id) { p in Button(p.label) { Task { await printPaper(screen.tripId, p.id) } } }
                }
                ForEach(screen.sections, id: \.id) { section in
                    SwiftUI.Section(section.title) {
                        ForEach(section.fields, id: \.id) { LabeledContent($0.label, value: $0.value) }
                    }
                }
                SwiftUI.Section {
                    ForEach(Array(screen.warnings.enumerated()), id: \.offset) { ToneLabel($0.element, tone: .attention) }
                }
                SwiftUI.Section {
                    ForEach(screen.history, id: \.id) { EventRowView(event: $0) }
                }
            }
            .navigationTitle(screen.title)
        }
        .toolbar { ToolbarItem(placement: .status) { SyncBadge(sync: session.sync) } }
        .sheet(item: $record.form) { RecordFormView(open: $0, record: record) }
        .toast($record.message)
    }

    private func printPaper(_ tripId: String, _ paperId: String) async {
        #if os(iOS)
        switch await session.paper(tripId: tripId, paperId: paperId) {
        case let .success(file): UIPrintInteractionController.shared.printingItem = file.pdf; UIPrintInteractionController.shared.present(animated: true)
        case let .failure(problem): record.message = Message(problem: problem)
        }
        #endif
    }
}

/// A status button: full width, prominent when the core recommends it.
private struct ActionRow: View {
    let action: ActionButton
    @ObservedObject var record: RecordModel

    var body: some View {
        let button = Button {
            Task { await record.tap(action) }
        } label: {
            Text(action.label).frame(maxWidth: .infinity)
        }
        .disabled(record.sending)
        if action.recommended { button.buttonStyle(.borderedProminent) } else { button.buttonStyle(.bordered) }
    }
}

/// The amendment banner in the core's words, with its acknowledge button.
private struct BannerSection: View {
    let banner: Banner
    @ObservedObject var record: RecordModel

    var body: some View {
        SwiftUI.Section {
            ToneLabel(banner.title, tone: .attention).font(.headline)
            ForEach(Array(banner.lines.enumerated()), id: \.offset) { Text($0.element) }
            if let acknowledge = banner.acknowledge { ActionRow(action: acknowledge, record: record) }
        }
    }
}

/// One recorded event with its delivery state in the core's words.
private struct EventRowView: View {
    let event: EventRow

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(event.text).strikethrough(event.corrected)
            HStack {
                Text(event.time)
                Spacer()
                Label(event.stateText, systemImage: symbol)
            }
            .font(.caption)
            .foregroundStyle(.secondary)
        }
    }

    private var symbol: String {
        switch event.state {
        case .pending: "clock"
        case .sent: "checkmark"
        case .dead: "exclamationmark.triangle"
        }
    }
}
