import CrossingKit
import SwiftUI

/// The app: opens the core off the main thread, then start → trips → trip → border. Every
/// screen draws a view model the core decided; the shell only lays it out.
@main
struct CrossingApp: App {
    @StateObject private var model = AppModel(
        serverURL: Bundle.main.object(forInfoDictionaryKey: "CrossingServerURL") as? String,
        appVersion: Bundle.main.object(forInfoDictionaryKey: "CFBundleShortVersionString") as? String ?? "0"
    )
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup { RootView(model: model) }
        .onChange(of: scenePhase) { phase in
            if phase == .active { model.becameActive() }
            if phase == .background { Background.scheduleRefresh() }
        }
        .backgroundTask(.appRefresh(Background.refreshTask)) { [model = self.model] in
            await model.backgroundSync()
        }
    }
}

/// Opening, the core's "can't open" notice, or the start screen.
struct RootView: View {
    @ObservedObject var model: AppModel

    var body: some View {
        switch model.phase {
        case .opening: ProgressView(ShellTexts.current.opening)
        case let .cannotOpen(notice): NoticeView(notice: notice, dismiss: nil)
        case let .open(session): StartView(session: session)
        }
    }
}
