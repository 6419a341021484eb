import Foundation
import XCTest

/// `swan watch`, bounded: a first render, a broken save (error shown, last good output kept), a
/// fixed save (rendered again), then it stops.
final class WatchCommandTests: XCTestCase {
    func testWatchRendersOnChangeShowsErrorsAndKeepsTheLastGoodOutput() throws {
        guard FileManager.default.isExecutableFile(atPath: CLI.binary.path) else { throw XCTSkip("swan not built") }
        let deck = try CLI.deckCopy()
        let output = CLI.temporaryDirectory().appendingPathComponent("kaarten.pdf")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["watch", "--templates", deck.path, "-o", output.path, "--settle", "0.2", "--stop-after", "3"]
        let errors = Pipe(), out = Pipe()
        process.standardError = errors
        process.standardOutput = out
        let stderr = Collected()
        errors.fileHandleForReading.readabilityHandler = { stderr.append($0.availableData) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        func wait(_ what: String, _ condition: () -> Bool) throws {
            let deadline = Date().addingTimeInterval(60)
            while !condition() {
                if Date() > deadline || !process.isRunning && !condition() { XCTFail("timed out waiting for \(what): \(stderr.text)"); throw XCTSkip("stopped") }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        try wait("the first render") { FileManager.default.fileExists(atPath: output.path) }
        let first = try Data(contentsOf: output)

        let cards = deck.appendingPathComponent("cards/ronde-1.yaml")
        let original = try String(contentsOf: cards, encoding: .utf8)
        try original.replacingOccurrences(of: "kind: support", with: "knd: support").write(to: cards, atomically: true, encoding: .utf8)
        try wait("the error") { stderr.text.contains("unknown key 'knd'") }
        XCTAssertTrue(stderr.text.contains("keeps the last good version"), stderr.text)
        XCTAssertEqual(try Data(contentsOf: output), first, "a failed render leaves the last good output")

        try original.replacingOccurrences(of: "Vrij van conflicten zijn", with: "Vrij van ruzie zijn").write(to: cards, atomically: true, encoding: .utf8)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, stderr.text)
        XCTAssertNotEqual(try Data(contentsOf: output), first, "the fixed deck is rendered again")
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(said.components(separatedBy: "wrote \(output.path)").count - 1, 2, said)
    }
}

/// Bytes read on another thread.
private final class Collected: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func append(_ more: Data) { lock.lock(); data.append(more); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
}
