import Foundation
import XCTest

/// `swan cards --back-offset X,Y [--save-offset]`: the offset read off the calibration sheet,
/// remembered per paper and flip in a temporary XDG_CONFIG_HOME, applied and said in one line,
/// forgotten with 0,0; mistakes in the value or the settings file are located errors.
final class BackOffsetCommandTests: XCTestCase {
    func testSaveApplyAndForgetTheBackOffset() throws {
        let folder = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config")
        let environment = ["XDG_CONFIG_HOME": config.path, "SOURCE_DATE_EPOCH": "1700000000"]
        let settings = config.appendingPathComponent("swan/back-offsets.txt")
        func cards(_ name: String, _ options: [String]) throws -> CLI.Result {
            try CLI.run(["cards", "-o", folder.appendingPathComponent(name).path] + options, environment: environment)
        }
        func bytes(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

        let plain = try cards("plain.pdf", [])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertFalse(plain.stdout.contains("back"), "nothing saved, nothing said: \(plain.stdout)")

        let saved = try cards("saved.pdf", ["--back-offset", "1.25,-0.5", "--save-offset"])
        XCTAssertEqual(saved.status, 0, saved.stderr)
        XCTAssertTrue(saved.stdout.contains("saved back offset X 1.25 mm, Y -0.50 mm for a4 --flip long"), saved.stdout)
        XCTAssertEqual(try String(contentsOf: settings, encoding: .utf8), "a4 long = 1.25,-0.50\n")
        XCTAssertNotEqual(try bytes("saved.pdf"), try bytes("plain.pdf"), "the backs moved")

        // A later run applies it, says so in one line, and makes the same file.
        let later = try cards("later.pdf", [])
        XCTAssertEqual(later.status, 0, later.stderr)
        XCTAssertEqual(later.stdout.components(separatedBy: "saved back offset X 1.25 mm, Y -0.50 mm").count - 1, 1, later.stdout)
        XCTAssertEqual(try bytes("later.pdf"), try bytes("saved.pdf"))
        // `swan` (the default set: A4, long edge) applies it to its home sheets too.
        let all = try CLI.run(["all", "-o", folder.appendingPathComponent("all").path], environment: environment)
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertTrue(all.stdout.contains("saved back offset X 1.25 mm, Y -0.50 mm for a4 --flip long"), all.stdout)
        XCTAssertEqual(try bytes("all/kaarten-thuis-printen.pdf"), try bytes("saved.pdf"))
        // `swan watch` (A4, long edge, as the default set) applies it too.
        let watch = try CLI.run(["watch", "--stop-after", "1", "-o", folder.appendingPathComponent("watch.pdf").path], environment: environment)
        XCTAssertEqual(watch.status, 0, watch.stderr)
        XCTAssertTrue(watch.stdout.contains("saved back offset X 1.25 mm, Y -0.50 mm for a4 --flip long"), watch.stdout)
        XCTAssertEqual(try bytes("watch.pdf"), try bytes("saved.pdf"))
        // Per paper and flip: the short flip has none.
        let short = try cards("short.pdf", ["--flip", "short"])
        XCTAssertFalse(short.stdout.contains("back offset"), short.stdout)
        // The print-shop file is never offset.
        let shop = try CLI.run(["cards", "--kind", "printshop", "--back-offset", "1,1", "-o", folder.appendingPathComponent("shop.pdf").path],
                               environment: environment)
        XCTAssertNotEqual(shop.status, 0)
        XCTAssertTrue(shop.stderr.contains("never offset"), shop.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("shop.pdf").path))

        let forgotten = try cards("forgotten.pdf", ["--back-offset", "0,0", "--save-offset"])
        XCTAssertEqual(forgotten.status, 0, forgotten.stderr)
        XCTAssertTrue(forgotten.stdout.contains("no back offset saved any more for a4 --flip long"), forgotten.stdout)
        XCTAssertEqual(try String(contentsOf: settings, encoding: .utf8), "")
        let after = try cards("after.pdf", [])
        XCTAssertFalse(after.stdout.contains("back offset"), after.stdout)
        XCTAssertEqual(try bytes("after.pdf"), try bytes("plain.pdf"))
    }

    func testAMalformedValueOrSettingsFileIsALocatedErrorAndWritesNothing() throws {
        let folder = CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config")
        let environment = ["XDG_CONFIG_HOME": config.path]
        let output = folder.appendingPathComponent("cards.pdf")
        for value in ["1.25", "1,2,3", "a,b", "1e3,0", "nan,0", "1,25,0,5", ""] {
            let result = try CLI.run(["cards", "--back-offset", value, "-o", output.path], environment: environment)
            XCTAssertNotEqual(result.status, 0, value)
            XCTAssertTrue(result.stderr.contains("is not X,Y in millimetres"), "\(value): \(result.stderr)")
        }
        let far = try CLI.run(["cards", "--back-offset", "12,0", "-o", output.path], environment: environment)
        XCTAssertTrue(far.stderr.contains("between -10 and 10 mm"), far.stderr)
        let alone = try CLI.run(["cards", "--save-offset", "-o", output.path], environment: environment)
        XCTAssertTrue(alone.stderr.contains("--save-offset needs --back-offset"), alone.stderr)

        try FileManager.default.createDirectory(at: config.appendingPathComponent("swan"), withIntermediateDirectories: true)
        let settings = config.appendingPathComponent("swan/back-offsets.txt")
        for (text, location) in [("a4 long = 1.25,-0.50\nletter short = 1;2\n", ":2:16: error:"),
                                 ("# mine\na5 long = 1,1\n", ":2:1: error:"), ("a4 long 1,1\n", ":1:1: error:"),
                                 ("a4 long = 11,0\n", ":1:11: error:")] {
            try Data(text.utf8).write(to: settings)
            let result = try CLI.run(["cards", "-o", output.path], environment: environment)
            XCTAssertEqual(result.status, 1, text)
            XCTAssertTrue(result.stderr.contains(settings.path + location), "\(text): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("expected a line '<paper> <flip> = X,Y'"), result.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "no output file after an error")
    }
}
