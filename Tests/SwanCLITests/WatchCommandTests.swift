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

extension WatchCommandTests {
    /// An editor's save burst (a temporary file written in steps, renamed over the card file, the
    /// file touched again) is one rebuild; a file in a folder made after the watch started is seen.
    func testAnEditorsSaveBurstIsOneRebuildAndNewFoldersAreWatched() throws {
        guard FileManager.default.isExecutableFile(atPath: CLI.binary.path) else { throw XCTSkip("swan not built") }
        let deck = try CLI.deckCopy()
        // A settle long enough that a loaded test machine still writes the burst inside it.
        let watch = try WatchRun(deck: deck, settle: "0.5", stopAfter: 4)
        defer { watch.stop() }
        try watch.wait("the first render") { watch.renders == 1 }

        let cards = deck.appendingPathComponent("cards/ronde-1.yaml")
        let original = try Data(contentsOf: cards)
        let edited = Data(String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "Vrij van conflicten zijn", with: "Vrij van ruzie zijn").utf8)
        XCTAssertNotEqual(edited, original)
        let temporary = deck.appendingPathComponent("cards/.ronde-1.yaml.swp")
        XCTAssertTrue(FileManager.default.createFile(atPath: temporary.path, contents: nil))
        let handle = try FileHandle(forWritingTo: temporary)
        handle.write(edited.prefix(100))
        handle.write(edited.dropFirst(100))
        try handle.close()
        XCTAssertEqual(rename(temporary.path, cards.path), 0)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: cards.path)
        try watch.wait("the rebuild") { watch.renders == 2 }
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertEqual(watch.renders, 2, "the burst is one rebuild: \(watch.stdout.text)")

        let folder = deck.appendingPathComponent("notities")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try watch.wait("the rebuild for the new folder") { watch.renders == 3 }
        try Data("kladje".utf8).write(to: folder.appendingPathComponent("kladje.txt"))
        try watch.wait("the rebuild for a file in the new folder") { watch.renders == 4 }
        watch.process.waitUntilExit()
        XCTAssertEqual(watch.process.terminationStatus, 0, watch.stderr.text)
    }
}

extension WatchCommandTests {
    /// A deck from an older release: the summary of what it lacks at start, not again on a save
    /// that leaves the count as it was, and again when a save changes it.
    func testTheOlderDeckSummaryIsSaidAtStartAndWhenTheCountChanges() throws {
        guard FileManager.default.isExecutableFile(atPath: CLI.binary.path) else { throw XCTSkip("swan not built") }
        let deck = try CLI.deckCopy()
        let labels = deck.appendingPathComponent("labels.yaml")
        func remove(_ keys: [String]) throws {
            let text = try String(contentsOf: labels, encoding: .utf8)
            try text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { line in !keys.contains { line.hasPrefix("\($0):") } }
                .joined(separator: "\n").write(to: labels, atomically: true, encoding: .utf8)
        }
        try remove(["screen.front", "calibration.title"])
        let watch = try WatchRun(deck: deck, settle: "0.2", stopAfter: 3, environment: ["LC_ALL": "en_US.UTF-8"])
        defer { watch.stop() }
        try watch.wait("the first render") { watch.renders == 1 }
        let cards = deck.appendingPathComponent("cards/ronde-1.yaml")
        let original = try String(contentsOf: cards, encoding: .utf8)
        try original.replacingOccurrences(of: "Vrij van conflicten zijn", with: "Vrij van ruzie zijn").write(to: cards, atomically: true, encoding: .utf8)
        try watch.wait("the render of the card") { watch.renders == 2 }
        try remove(["output.calibration"])
        watch.process.waitUntilExit()
        XCTAssertEqual(watch.process.terminationStatus, 0, watch.stderr.text)
        XCTAssertEqual(watch.renders, 3, watch.stdout.text)
        let said = watch.stderr.text.split(separator: "\n").map(String.init)
        XCTAssertEqual(said, [2, 3].map { "\(deck.path): warning: \($0) label(s) and setting(s) missing in this deck: swan's own wording and values are used; `swan check --templates \(deck.path)` lists them" })
    }
}

/// A bounded `swan watch` on a deck copy, its output collected as it comes.
private final class WatchRun {
    let output = CLI.temporaryDirectory().appendingPathComponent("kaarten.pdf")
    let process = Process()
    let stdout = Collected(), stderr = Collected()

    init(deck: URL, settle: String, stopAfter: Int, environment: [String: String] = [:]) throws {
        process.executableURL = CLI.binary
        process.arguments = ["watch", "--templates", deck.path, "-o", output.path, "--settle", settle, "--stop-after", "\(stopAfter)"]
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let errors = Pipe(), out = Pipe()
        process.standardError = errors
        process.standardOutput = out
        let stderr = stderr, stdout = stdout
        errors.fileHandleForReading.readabilityHandler = { stderr.append($0.availableData) }
        out.fileHandleForReading.readabilityHandler = { stdout.append($0.availableData) }
        try process.run()
    }

    /// How many times the watcher said it wrote the output.
    var renders: Int { stdout.text.components(separatedBy: "wrote \(output.path)").count - 1 }

    func wait(_ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(60)
        while !condition() {
            if Date() > deadline { XCTFail("timed out waiting for \(what): \(stderr.text)"); throw XCTSkip("stopped") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func stop() { if process.isRunning { process.terminate() } }
}

/// Bytes read on another thread.
private final class Collected: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func append(_ more: Data) { lock.lock(); data.append(more); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
}
