import CrossingCore
@testable import CrossingKit
import XCTest

final class CodeImageTests: XCTestCase {
    func testLinearCodesBecomeFullHeightBars() throws {
        let code = BorderCode(
            kind: .ace39, symbology: "code39", payload: "X", humanReadable: "X", title: "t",
            width: 3, height: 1, quietZone: 0, modules: Data([1, 0, 1]), tripVersion: 1, caveats: []
        )
        let image = try XCTUnwrap(CodeImage.cgImage(code))
        XCTAssertEqual(image.width, 3)
        XCTAssertEqual(image.height, CodeImage.linearBarModules)
    }
}
