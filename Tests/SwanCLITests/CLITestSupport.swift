import Foundation
import XCTest
import SwanTestSupport

/// Runs the built `swan` binary, as a user would, and captures what it prints.
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder holding the test bundle also holds the `swan` executable.
    static var binary: URL {
        var folder = Bundle.main.bundleURL
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folder = bundle.bundleURL.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("swan")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the program exited or was ended by a signal (`status` is then the signal's number).
        var terminationReason: Process.TerminationReason = .exit
    }

    static func run(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:],
                    standardInput: Data? = nil) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("swan is not built at \(binary.path)")
        }
        return try run(program: binary, arguments, in: directory, environment: environment, standardInput: standardInput)
    }

    /// Runs any program (make, an installed swan) and captures what it prints; `standardInput`
    /// comes through a pipe, as from `printf … | swan`.
    static func run(program: URL, _ arguments: [String], in directory: URL = packageRoot,
                    environment: [String: String] = [:], standardInput: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let standardInput {
            // Written whole and closed before the program starts: the pipe holds it (64 KB on
            // Linux), and a program that exits unread cannot stop the test with SIGPIPE.
            precondition(standardInput.count <= 60_000, "standard input larger than a pipe holds")
            let input = Pipe()
            try input.fileHandleForWriting.write(contentsOf: standardInput)
            try input.fileHandleForWriting.close()
            process.standardInput = input
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), terminationReason: process.terminationReason)
    }

    static func temporaryDirectory() -> URL { TestProcessFolder.make("swan-cli") }

    /// What pdfinfo says of a PDF (skips when poppler is missing).
    static func pdfinfo(_ url: URL) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") else { throw XCTSkip("pdfinfo missing") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        process.arguments = ["-enc", "UTF-8", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of a PDF as pdftotext extracts it (skips when poppler is missing).
    static func pdftotext(_ url: URL) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { throw XCTSkip("pdftotext missing") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [url.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A copy of the shipped deck to break.
    static func deckCopy() throws -> URL {
        let target = temporaryDirectory().appendingPathComponent("deck")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Templates/swan"), to: target)
        return target
    }
}
