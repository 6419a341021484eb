/// What every test target needs: the package root, fresh temporary folders, and the command-line
/// tools (poppler, qpdf) that check real PDFs.
import Foundation
import XCTest

public enum PackagePaths {
    /// The package root, found from this file's own path.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let defaultDeck = root.appendingPathComponent("Templates/swan")
    public static let fonts = root.appendingPathComponent("Fonts")
    public static let sessions = root.appendingPathComponent("Templates/sessions")
}

public enum TemporaryFolder {
    /// A new, empty folder in this test process's own folder (TestProcessFolder), removed when
    /// the process ends.
    public static func make(_ prefix: String = "swan-tests") -> URL { TestProcessFolder.make(prefix) }
}

public enum Tool {
    /// Runs `tool` with `arguments` and returns its exit status and standard output. Skips the
    /// test when the tool is not installed (`make test` installs poppler-utils and qpdf).
    @discardableResult
    public static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
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
