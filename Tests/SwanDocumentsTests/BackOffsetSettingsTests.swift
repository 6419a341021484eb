import Foundation
import XCTest
import SwanApp
import SwanDiagnostics
import SwanDocuments
import SwanTestSupport

/// The saved back offsets, in process: found through the Workplace's configuration folder, read
/// line by line with located errors, written sorted without the forgotten (zero) ones.
final class BackOffsetSettingsTests: XCTestCase {
    func workplace(_ environment: [String: String]) -> Workplace {
        Workplace(environment: environment, currentDirectory: PackagePaths.root, arguments: ["swan"])
    }

    func testTheFileIsInTheWorkplacesConfigurationFolder() throws {
        XCTAssertEqual(try BackOffsetSettings.file(in: workplace(["XDG_CONFIG_HOME": "/x/config", "HOME": "/home/k"])).path,
                       "/x/config/swan/back-offsets.txt")
        XCTAssertEqual(try BackOffsetSettings.file(in: workplace(["XDG_CONFIG_HOME": "relative", "HOME": "/home/k"])).path,
                       "/home/k/.config/swan/back-offsets.txt")
        XCTAssertThrowsError(try BackOffsetSettings.file(in: workplace([:]))) { error in
            XCTAssertEqual(Diagnostic.all(from: error).map(\.message.code), [SettingsCode.noConfigFolder.rawValue])
        }
        XCTAssertNil(try BackOffsetSettings.saved(paper: .a4, flip: .long, in: workplace([:])))
    }

    func testSavedOffsetsComeBackAndZeroOnesAreForgotten() throws {
        let config = TemporaryFolder.make("swan-settings")
        let place = workplace(["XDG_CONFIG_HOME": config.path])
        let file = try BackOffsetSettings.file(in: place)
        XCTAssertNil(try BackOffsetSettings.saved(paper: .a4, flip: .long, in: place), "no file, nothing saved")
        var settings = BackOffsetSettings()
        settings.offsets[.init(paper: .letter, flip: .short)] = BackOffset(x: -0.5, y: 2)
        settings.offsets[.init(paper: .a4, flip: .long)] = BackOffset(x: 1.25, y: -0.5)
        settings.offsets[.init(paper: .a4, flip: .short)] = .zero
        try settings.save(to: file)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "a4 long = 1.25,-0.50\nletter short = -0.50,2.00\n")
        XCTAssertEqual(try BackOffsetSettings.load(from: file).offsets.count, 2)
        let saved = try XCTUnwrap(try BackOffsetSettings.saved(paper: .a4, flip: .long, in: place))
        XCTAssertEqual(saved.offset, BackOffset(x: 1.25, y: -0.5))
        XCTAssertEqual(saved.file, file)
        XCTAssertNil(try BackOffsetSettings.saved(paper: .a4, flip: .short, in: place))
    }

    /// What `swan cards --save-offset` does: the other papers' offsets kept, zero forgets.
    func testRememberingAnOffsetKeepsTheOthersAndZeroForgetsIt() throws {
        let place = workplace(["XDG_CONFIG_HOME": TemporaryFolder.make("swan-settings").path])
        let file = try BackOffsetSettings.remember(BackOffset(x: 0.75, y: -1), paper: .a4, flip: .long, in: place)
        XCTAssertEqual(file, try BackOffsetSettings.file(in: place))
        _ = try BackOffsetSettings.remember(BackOffset(x: 0.5, y: 0), paper: .letter, flip: .short, in: place)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "a4 long = 0.75,-1.00\nletter short = 0.50,0.00\n")
        _ = try BackOffsetSettings.remember(.zero, paper: .a4, flip: .long, in: place)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "letter short = 0.50,0.00\n")
        XCTAssertNil(try BackOffsetSettings.saved(paper: .a4, flip: .long, in: place))
    }

    func testALineThatIsNoSettingIsAnErrorAtItsLineAndColumn() throws {
        let file = TemporaryFolder.make("swan-settings").appendingPathComponent("back-offsets.txt")
        for (text, line, column) in [("a4 long = 1.25,-0.50\nletter short = 1;2\n", 2, 16), ("# mine\na5 long = 1,1\n", 2, 1),
                                     ("a4 long 1,1\n", 1, 1), ("a4 long = 11,0\n", 1, 11)] {
            try Data(text.utf8).write(to: file)
            XCTAssertThrowsError(try BackOffsetSettings.load(from: file), text) { error in
                let diagnostic = Diagnostic.all(from: error).first
                XCTAssertEqual(diagnostic?.message.code, SettingsCode.backOffsetSettingsLine.rawValue, text)
                XCTAssertEqual(diagnostic?.location?.line, line, text)
                XCTAssertEqual(diagnostic?.location?.column, column, text)
            }
        }
        try Data("\n# a comment\r\n\na4 long = 1,1\r\n".utf8).write(to: file)
        XCTAssertEqual(try BackOffsetSettings.load(from: file).offsets, [.init(paper: .a4, flip: .long): BackOffset(x: 1, y: 1)])
    }
}
