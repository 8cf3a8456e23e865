import CoreGraphics
import CrossingCore
@testable import CrossingKit
import XCTest

final class CodeImageTests: XCTestCase {
    private func pixels(_ image: CGImage) throws -> [UInt8] {
        [UInt8](try XCTUnwrap(image.dataProvider?.data as Data?))
    }

    func testScaleIsTheWholeNumberThatFits() {
        let qr = ModuleMatrix(width: 29, height: 29, quietZone: 4, modules: Data(count: 29 * 29))
        // 390 pt at 3x = 1170 px; 1170 / 29 = 40.3 → 40 pixels per module, never 40.3.
        XCTAssertEqual(CodeImage.pixelsPerModule(qr, points: CGSize(width: 390, height: 800), displayScale: 3), 40)
        XCTAssertEqual(CodeImage.pixelsPerModule(qr, pixelsWide: 57, pixelsHigh: 1000), 1)
        XCTAssertEqual(CodeImage.pixelsPerModule(qr, pixelsWide: 10, pixelsHigh: 10), 1, "at least 1")
        XCTAssertEqual(CodeImage.pixelsPerModule(qr, pixelsWide: 1000, pixelsHigh: 300), 10, "height limits too")
        XCTAssertNil(CodeImage.cgImage(ModuleMatrix(width: 3, height: 3, quietZone: 0, modules: Data([1])), pixelsPerModule: 2))
    }

    func testEachModuleIsExactlyScaleSquarePixels() throws {
        // 2 × 2: dark, light / light, dark.
        let matrix = ModuleMatrix(width: 2, height: 2, quietZone: 0, modules: Data([1, 0, 0, 1]))
        let image = try XCTUnwrap(CodeImage.cgImage(matrix, pixelsPerModule: 3))
        XCTAssertEqual(image.width, 6)
        XCTAssertEqual(image.height, 6)
        let p = try pixels(image)
        XCTAssertEqual(image.bytesPerRow, 6)
        for y in 0..<6 {
            for x in 0..<6 {
                let dark = (x < 3) == (y < 3)
                XCTAssertEqual(p[y * 6 + x], dark ? 0 : 255, "pixel \(x),\(y)")
            }
        }
    }

    func testLinearCodesBecomeFullHeightBars() throws {
        let matrix = ModuleMatrix(width: 3, height: 1, quietZone: 0, modules: Data([1, 0, 1]))
        let image = try XCTUnwrap(CodeImage.cgImage(matrix, pixelsPerModule: 2))
        XCTAssertEqual(image.width, 6)
        XCTAssertEqual(image.height, CodeImage.linearBarModules * 2)
        let p = try pixels(image)
        XCTAssertEqual(Array(p[(image.height - 1) * 6..<image.height * 6]), [0, 0, 255, 255, 0, 0])
    }
}
