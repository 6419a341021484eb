import Foundation
import XCTest

/// An archive run interrupted half way leaves whole PDFs or none: no partial or temporary file.
final class InterruptedArchiveTests: XCTestCase {
    func testInterruptLeavesOnlyWholeFiles() throws {
        guard FileManager.default.isExecutableFile(atPath: CLI.binary.path) else { throw XCTSkip("swan not built") }
        let input = CLI.temporaryDirectory().appendingPathComponent("sessies")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let example = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Templates/sessions/voorbeeld-uitgebreid.json"),
                                 encoding: .utf8)
        for index in 0..<400 {
            // Distinct contents give distinct archive names.
            let text = example.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 1 ") + String(repeating: " ", count: index)
            try text.write(to: input.appendingPathComponent("s\(index).json"), atomically: true, encoding: .utf8)
        }
        let out = CLI.temporaryDirectory().appendingPathComponent("archief")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["archive", input.path, "--out", out.path]
        process.currentDirectoryURL = CLI.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        process.interrupt()
        process.waitUntilExit()
        // 130 once the handler is installed; a signal that came even earlier killed it before any write.
        if process.terminationReason == .exit && process.terminationStatus != 0 {
            XCTAssertEqual(process.terminationStatus, 128 + SIGINT)
        }

        let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        XCTAssertEqual(names.filter { !$0.hasSuffix(".pdf") }, [], "no temporary files left")
        for name in names.prefix(50) {
            let data = try Data(contentsOf: out.appendingPathComponent(name))
            XCTAssertEqual(Array(data.prefix(5)), Array("%PDF-".utf8), name)
            let tail = String(decoding: data.suffix(32), as: UTF8.self)
            XCTAssertTrue(tail.contains("%%EOF"), "\(name) is whole")
        }
    }
}
