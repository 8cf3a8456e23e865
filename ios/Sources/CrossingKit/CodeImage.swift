import CoreGraphics
import CrossingCore

/// A border code as a 1-pixel-per-module grayscale image; draw it with `.interpolation(.none)`
/// scaled by a whole number. Black on white, never inverted. Linear codes get full-height bars.
public enum CodeImage {
    public static let linearBarModules = 40

    public static func cgImage(_ code: BorderCode) -> CGImage? {
        let width = Int(code.width)
        let rows = code.height == 1 ? linearBarModules : Int(code.height)
        var pixels = [UInt8](repeating: 255, count: width * rows)
        for y in 0..<rows {
            let source = code.height == 1 ? 0 : y
            for x in 0..<width where code.modules[source * width + x] == 1 {
                pixels[y * width + x] = 0
            }
        }
        guard let provider = CGDataProvider(data: Data(pixels) as CFData) else { return nil }
        return CGImage(
            width: width, height: rows, bitsPerComponent: 8, bitsPerPixel: 8, bytesPerRow: width,
            space: CGColorSpaceCreateDeviceGray(), bitmapInfo: CGBitmapInfo(rawValue: 0),
            provider: provider, decode: nil, shouldInterpolate: false, intent: .defaultIntent
        )
    }
}
