import CrossingCore
import CrossingKit
import SwiftUI

/// The trips on the phone, with the sync badge.
struct TripsView: View {
    @EnvironmentObject var store: CrossingStore

    var body: some View {
        List(store.trips, id: \.id) { trip in
            NavigationLink(value: trip.id) {
                VStack(alignment: .leading) {
                    Text("\(trip.regime) \(trip.tripNumber)").font(.headline)
                    Text("Port \(trip.portOfEntry) · ETA \(trip.eta) (\(trip.etaZone))").font(.caption)
                }
            }
        }
        .navigationTitle("Trips")
        .navigationDestination(for: String.self) { id in ManifestScreen(tripId: id) }
        .toolbar { SyncBadge() }
        .task { await store.reload() }
        .refreshable {
            await store.syncNow()
            await store.reload()
        }
    }
}

/// Events waiting to be sent, and the sync state in the core's words.
struct SyncBadge: View {
    @EnvironmentObject var store: CrossingStore

    var body: some View {
        if let s = store.syncStatus {
            HStack {
                Text(s.label).font(.caption)
                if s.pending > 0 {
                    Text("\(s.pending)").font(.caption2).padding(4).background(Circle().fill(.red))
                }
            }
        }
    }
}
