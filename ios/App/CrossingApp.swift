import CrossingKit
import Network
import SwiftUI

/// The SwiftUI app: trips → manifest → at the border. The store owns the one CrossingCore.
@main
struct CrossingApp: App {
    @StateObject private var store: CrossingStore
    private let monitor: NWPathMonitor

    init() {
        let tokens = KeychainTokenProvider()
        let version = Bundle.main.infoDictionary?["CFBundleShortVersionString"] as? String ?? "0"
        // A failure to open the databases is fatal for the app: nothing can be shown or kept.
        guard let store = try? CrossingStore(serverURL: "https://fleet.crossing.app", tokens: tokens, appVersion: version) else {
            fatalError("Crossing could not open its data directory")
        }
        _store = StateObject(wrappedValue: store)
        Background.register(store: store)
        Background.schedule()
        monitor = Background.watchNetwork(store: store)
    }

    var body: some Scene {
        WindowGroup {
            NavigationStack {
                TripsView()
            }
            .environmentObject(store)
        }
    }
}
