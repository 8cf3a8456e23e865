import CrossingKit
import SwiftUI

/// A place in the navigation stack, by the core's ids.
enum Route: Hashable {
    case trip(String)
    case border(tripId: String, codeId: String?)
}

/// The trips on the phone with the sync badge. Redraws on every trip change; pull-to-refresh
/// runs one sync through the core and shows what it said.
struct TripListView: View {
    @ObservedObject var session: Session
    @StateObject private var list: ScreenModel<TripListScreen>
    @State private var said: Message?

    init(session: Session) {
        self.session = session
        _list = StateObject(wrappedValue: session.tripList())
    }

    var body: some View {
        NavigationStack {
            StateView(state: list.state, retry: list.reload) { screen in
                List {
                    SwiftUI.Section { SyncBadge(sync: session.sync ?? screen.sync, detail: true) { syncNow() } }
                    if screen.rows.isEmpty, let empty = screen.emptyText { Text(empty).foregroundStyle(.secondary) }
                    ForEach(screen.rows, id: \.id) { row in
                        NavigationLink(value: Route.trip(row.id)) { TripRowView(row: row) }
                    }
                }
                .refreshable { @MainActor in said = await session.syncNow() }
                .navigationTitle(screen.title)
            }
            .navigationDestination(for: Route.self) { route in
                switch route {
                case let .trip(id): TripView(session: session, tripId: id)
                case let .border(tripId, codeId): BorderView(session: session, tripId: tripId, codeId: codeId)
                }
            }
            .toast($said)
        }
    }

    private func syncNow() { Task { said = await session.syncNow() } }
}

/// One trip: the core's title, detail and status with its tone; the current trip stands out.
struct TripRowView: View {
    let row: TripRow

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            HStack {
                Text(row.title).font(.headline)
                if row.current { Image(systemName: "location.fill").accessibilityLabel(ShellTexts.current.currentTrip) }
            }
            Text(row.detail).font(.subheadline)
            ToneLabel(row.status, tone: row.tone).font(.subheadline)
        }
        .padding(.vertical, 2)
    }
}
