import CrossingKit
import SwiftUI
#if os(iOS)
import UIKit
#endif

/// "At the border": the code black on white to the edges, its text large, caveats small, the
/// other codes to switch to; awake at full brightness while the core says `keepScreenOn`.
struct BorderView: View {
    @StateObject private var border: ScreenModel<BorderScreen>

    init(session: Session, tripId: String, codeId: String?) {
        _border = StateObject(wrappedValue: session.border(tripId, codeId: codeId))
    }

    var body: some View {
        GeometryReader { geometry in
            ScrollView {
                VStack(spacing: 16) {
                    StateView(state: border.state, retry: border.reload) { content($0, space: geometry.size) }
                }
                .padding()
                .frame(maxWidth: .infinity)
            }
        }
        .foregroundStyle(.black)
        .background(Color.white.ignoresSafeArea())
        .environment(\.colorScheme, .light)
        .toolbarBackground(Color.white, for: .navigationBar)
        .onChange(of: keepScreenOn) { ScreenAwake.set($0) }
        .onAppear { ScreenAwake.set(keepScreenOn) }
        .onDisappear { ScreenAwake.set(false) }
    }

    private var keepScreenOn: Bool {
        guard case let .ready(screen) = border.state else { return false }
        return screen.keepScreenOn
    }

    @ViewBuilder
    private func content(_ screen: BorderScreen, space: CGSize) -> some View {
        Text(screen.title).font(.headline)
        if let code = screen.code {
            CodeView(matrix: code.matrix, space: CGSize(width: space.width - 32, height: space.height * 0.6))
            Text(code.humanReadable)
                .font(.system(size: 34, weight: .bold, design: .monospaced))
                .multilineTextAlignment(.center)
                .textSelection(.enabled)
            Text(code.title).font(.subheadline)
            ForEach(Array(code.caveats.enumerated()), id: \.offset) { Text($0.element).font(.footnote).foregroundStyle(.gray) }
        }
        if let notice = screen.notice { ToneLabel(notice, tone: .attention) }
        if screen.codes.count > 1 {
            ForEach(screen.codes, id: \.id) { code in
                let button = Button { border.selection = code.id } label: { Text(code.label).frame(maxWidth: .infinity) }
                if code.id == screen.selected {
                    button.buttonStyle(.borderedProminent).tint(.black)
                } else {
                    button.buttonStyle(.bordered).tint(.black)
                }
            }
        }
    }
}

/// The code image at floor(width × displayScale / modules) pixels per module, shown at exactly
/// its pixel size: never resampled.
struct CodeView: View {
    let matrix: ModuleMatrix
    let space: CGSize
    @Environment(\.displayScale) var displayScale

    var body: some View {
        let perModule = CodeImage.pixelsPerModule(matrix, points: space, displayScale: displayScale)
        if let image = CodeImage.cgImage(matrix, pixelsPerModule: perModule) {
            Image(decorative: image, scale: displayScale)
                .interpolation(.none)
                .frame(width: CGFloat(image.width) / displayScale, height: CGFloat(image.height) / displayScale)
        }
    }
}

/// Idle timer off and full brightness while a code is shown; the driver's brightness back after.
@MainActor
enum ScreenAwake {
    private static var savedBrightness: CGFloat?

    static func set(_ on: Bool) {
        #if os(iOS)
        UIApplication.shared.isIdleTimerDisabled = on
        guard let screen = UIApplication.shared.connectedScenes.compactMap({ ($0 as? UIWindowScene)?.screen }).first
        else { return }
        if on {
            savedBrightness = savedBrightness ?? screen.brightness
            screen.brightness = 1
        } else if let saved = savedBrightness {
            screen.brightness = saved
            savedBrightness = nil
        }
        #endif
    }
}
