import Foundation
import XCTest
@testable import SwanEngine

/// Shared fixtures: only the fonts committed in the repository.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fontFiles = FontFiles.notoSans(in: packageRoot.appendingPathComponent("Fonts"))
    static let engine: Engine = try! Engine(fonts: fontFiles, noHyphenation: ["SWAN"])

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("swan-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a tool, returning (exit code, stdout). Skips the test when the tool is not installed.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let path = ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)", "/opt/homebrew/bin/\(tool)"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("\(tool) is not installed (make test installs it)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
