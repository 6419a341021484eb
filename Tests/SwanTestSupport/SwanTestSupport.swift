/// What every test target needs: the package root, fresh temporary folders, and the command-line
/// tools (poppler, qpdf) that check real PDFs.
package import Foundation
import XCTest

package enum PackagePaths {
    /// The package root, found from this file's own path.
    package static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let defaultDeck = root.appendingPathComponent("Templates/swan")
    package static let fonts = root.appendingPathComponent("Fonts")
    package static let sessions = root.appendingPathComponent("Templates/sessions")
}

package enum TemporaryFolder {
    /// A new, empty folder in this test process's own folder (TestProcessFolder), removed when
    /// the process ends.
    package static func make(_ prefix: String = "swan-tests") -> URL { TestProcessFolder.make(prefix) }
}

package enum Tool {
    /// Runs `tool` with `arguments` and returns its exit status and standard output. Skips the
    /// test when the tool is not installed (`make test` installs poppler-utils and qpdf).
    @discardableResult
    package static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
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
