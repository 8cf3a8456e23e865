import CrossingCore
import CrossingKit
import SwiftUI

/// Sections from the core, the amendment banner, and the status buttons allowed now.
struct ManifestScreen: View {
    @EnvironmentObject var store: CrossingStore
    let tripId: String
    @State private var manifest: Manifest?

    var body: some View {
        List {
            if let m = manifest {
                Section {
                    Text(m.status.headline)
                    if let customs = m.status.customs { Text(customs) }
                    if let a = m.amendment {
                        VStack(alignment: .leading) {
                            Text("Manifest amended: v\(a.fromVersion) → v\(a.toVersion)").bold()
                            ForEach(a.changes, id: \.self) { Text($0) }
                            ForEach(a.shipmentsAdded, id: \.self) { Text("Shipment added: \($0)") }
                            ForEach(a.shipmentsRemoved, id: \.self) { Text("Shipment removed: \($0)") }
                            if a.codesChanged { Text("Border codes changed: printed sheets are void") }
                        }
                    }
                    NavigationLink("At the border") { BorderScreen(tripId: tripId) }
                    ForEach(m.actions, id: \.label) { action in
                        Button(action.label) { Task { await record(action) } }
                            .bold(action.recommended)
                    }
                }
                ForEach(m.sections, id: \.title) { section in
                    Section(section.title) {
                        ForEach(section.fields, id: \.label) { f in
                            LabeledContent(f.label, value: f.value)
                        }
                    }
                }
                if !m.warnings.isEmpty {
                    Section("Warnings") { ForEach(m.warnings, id: \.self) { Text($0) } }
                }
            }
        }
        .navigationTitle(manifest?.title ?? "")
        .toolbar { SyncBadge() }
        .task { manifest = await store.manifest(tripId) }
    }

    private func record(_ action: StatusAction) async {
        let input = EventInput(
            tripId: tripId, kind: action.kind, port: nil,
            shipment: action.needsShipment ? action.shipments.first : nil,
            inspection: action.needsInspection ? .primary : nil,
            corrects: nil, note: nil
        )
        _ = await store.record(input)
        manifest = await store.manifest(tripId)
    }
}
