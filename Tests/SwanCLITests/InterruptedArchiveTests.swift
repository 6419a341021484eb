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
        let count = 400
        for index in 0..<count {
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

        // Interrupt only once the run is writing (the handler is installed before any write),
        // so the signal really lands in the middle of the archive.
        func pdfs() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { $0.hasSuffix(".pdf") }
        }
        let deadline = Date().addingTimeInterval(120)
        while pdfs().isEmpty && process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        XCTAssertTrue(process.isRunning, "the archive run ended before it could be interrupted")
        XCTAssertFalse(pdfs().isEmpty, "no PDF appeared within 120 s")
        process.interrupt()
        process.waitUntilExit()

        XCTAssertEqual(process.terminationReason, .exit, "swan handles SIGINT itself instead of dying of it")
        XCTAssertEqual(process.terminationStatus, 128 + SIGINT)
        let all = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        // The manifest's journal stays for the next run to fold in (docs/archive.md); nothing else.
        XCTAssertEqual(all.filter { !$0.hasSuffix(".pdf") && $0 != ".swan-manifest-journal" && $0 != "SHA256SUMS" }, [], "no temporary files left")
        let names = all.filter { $0.hasSuffix(".pdf") }
        XCTAssertGreaterThan(names.count, 0)
        XCTAssertLessThan(names.count, count, "the interrupt stopped the run before every session was archived")
        for name in names {
            let data = try Data(contentsOf: out.appendingPathComponent(name))
            XCTAssertEqual(Array(data.prefix(5)), Array("%PDF-".utf8), name)
            let tail = String(decoding: data.suffix(32), as: UTF8.self)
            XCTAssertTrue(tail.contains("%%EOF"), "\(name) is whole")
        }
        // qpdf reads them as whole, undamaged PDFs too.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/qpdf") {
            for name in names.sorted().prefix(20) {
                let check = Process()
                check.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
                check.arguments = ["--check", out.appendingPathComponent(name).path]
                check.standardOutput = FileHandle.nullDevice
                try check.run()
                check.waitUntilExit()
                XCTAssertEqual(check.terminationStatus, 0, "qpdf --check \(name)")
            }
        }
        // Every whole PDF is in the manifest or its journal: verify finds nothing wrong.
        let verify = try CLI.run(["verify", out.path])
        XCTAssertEqual(verify.status, 0, verify.stderr)
        XCTAssertTrue(verify.stdout.hasPrefix("\(names.count) files, \(names.count) sessions checked"), verify.stdout)
    }
}
