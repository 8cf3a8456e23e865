import CoreGraphics
import CrossingCore
import Foundation

/// A code's modules (quiet zone included) as black-on-white pixels, a whole number of pixels per
/// module, drawn 1:1 with `.interpolation(.none)`. Linear codes (height 1) become full-height bars.
public enum CodeImage {
    /// Height of a linear code in modules when drawn.
    public static let linearBarModules = 40

    /// Rows to draw.
    public static func rows(_ matrix: ModuleMatrix) -> Int { matrix.height == 1 ? linearBarModules : Int(matrix.height) }

    /// The largest whole pixels-per-module that fits the space, at least 1:
    /// floor(pixels across / modules across), and likewise down.
    public static func pixelsPerModule(_ matrix: ModuleMatrix, pixelsWide: Int, pixelsHigh: Int = .max) -> Int {
        guard matrix.width > 0 else { return 1 }
        return max(1, min(pixelsWide / Int(matrix.width), pixelsHigh / rows(matrix)))
    }

    /// The pixels per module for a space measured in points on a screen of `displayScale`.
    public static func pixelsPerModule(_ matrix: ModuleMatrix, points: CGSize, displayScale: CGFloat) -> Int {
        let wide = Int((max(0, points.width) * displayScale).rounded(.down))
        let high = Int((max(0, points.height) * displayScale).rounded(.down))
        return pixelsPerModule(matrix, pixelsWide: wide, pixelsHigh: high)
    }

    /// A grayscale image with exactly `pixelsPerModule` pixels per module; nil for a malformed matrix.
    public static func cgImage(_ matrix: ModuleMatrix, pixelsPerModule: Int) -> CGImage? {
        let width = Int(matrix.width), height = Int(matrix.height), lines = rows(matrix)
        let modules = [UInt8](matrix.modules)
        guard width > 0, height > 0, modules.count >= width * height else { return nil }
        let scale = max(1, pixelsPerModule)
        let pixelsWide = width * scale
        var pixels = [UInt8](repeating: 255, count: pixelsWide * lines * scale)
        for y in 0..<lines {
            let source = (height == 1 ? 0 : y) * width
            for x in 0..<width where modules[source + x] == 1 {
                for dy in 0..<scale {
                    let start = (y * scale + dy) * pixelsWide + x * scale
                    pixels.replaceSubrange(start..<start + scale, with: repeatElement(0, count: scale))
                }
            }
        }
        guard let provider = CGDataProvider(data: Data(pixels) as CFData) else { return nil }
        return CGImage(
            width: pixelsWide, height: lines * scale, bitsPerComponent: 8, bitsPerPixel: 8,
            bytesPerRow: pixelsWide, space: CGColorSpaceCreateDeviceGray(),
            bitmapInfo: CGBitmapInfo(rawValue: CGImageAlphaInfo.none.rawValue),
            provider: provider, decode: nil, shouldInterpolate: false, intent: .defaultIntent
        )
    }
}
