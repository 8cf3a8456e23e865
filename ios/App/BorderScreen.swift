import CrossingCore
import CrossingKit
import SwiftUI
import UIKit

/// Full-screen code at full brightness with the idle timer off; the trip number in large text;
/// a button to switch between the codes the core offers for the trip's regime.
struct BorderScreen: View {
    @EnvironmentObject var store: CrossingStore
    let tripId: String
    @State private var choices: [CodeChoice] = []
    @State private var index = 0
    @State private var code: BorderCode?
    @State private var brightness: CGFloat = 0.5

    var body: some View {
        VStack(spacing: 16) {
            if let code, let image = CodeImage.cgImage(code) {
                Text(code.title).foregroundColor(.black)
                Image(decorative: image, scale: 1)
                    .interpolation(.none)
                    .resizable()
                    .aspectRatio(contentMode: .fit)
                Text(code.humanReadable).font(.system(size: 40, weight: .bold, design: .monospaced)).foregroundColor(.black)
                Text("trip version \(code.tripVersion)").foregroundColor(.black)
                ForEach(code.caveats, id: \.self) { Text($0).font(.footnote).foregroundColor(.gray) }
                if choices.count > 1 {
                    Button("Other code") { Task { await show((index + 1) % choices.count) } }
                }
            }
        }
        .padding()
        .background(Color.white)
        .task {
            choices = await store.manifest(tripId)?.codes ?? []
            if !choices.isEmpty { await show(0) }
        }
        .onAppear {
            brightness = UIScreen.main.brightness
            UIScreen.main.brightness = 1.0
            UIApplication.shared.isIdleTimerDisabled = true
        }
        .onDisappear {
            UIScreen.main.brightness = brightness
            UIApplication.shared.isIdleTimerDisabled = false
        }
    }

    private func show(_ i: Int) async {
        index = i
        code = await store.code(tripId, choices[i])
    }
}
