package import Foundation
import SwanDeck
import SwanIO

/// Where a command writes: a file, or standard output for `-o -`. Checked before anything is
/// rendered: not one of the files the run reads (RunInputs: the session, the deck's files, its
/// fonts, the catalogues, the hyphenation dictionary; the write path checks again when it
/// writes), not a folder, device, FIFO, socket or symbolic link, in a folder that exists. Only the default Output/
/// folder is created when missing; a mistyped -o folder is an error.
package enum OutputPath {
    case file(URL)
    case standardOutput

    package static func prepare(_ output: String, inputs: [URL] = []) throws -> OutputPath {
        if output == "-" { return .standardOutput }
        let url = URL(fileURLWithPath: output)
        try createDefaultFolder(for: url)
        // Only what the run reads: an earlier output in the deck folder is not an input.
        inputs.forEach { RunInputs.shared.record($0) }
        try OutputChecks.check(url)
        return .file(url)
    }

    /// Output/ (the default folder, relative to the working folder) is made when missing.
    package static func createDefaultFolder(for url: URL) throws {
        let folder = url.deletingLastPathComponent()
        // Compared as paths: a URL of a folder that does not exist yet has no trailing slash.
        if folder.standardizedFileURL.path == URL(fileURLWithPath: OutputNames.folder, isDirectory: true).standardizedFileURL.path,
           !FileManager.default.fileExists(atPath: folder.path) {
            try AtomicFile.makeFolder(folder)
        }
    }

    /// Writes `data` there: the safe write path, or checked writes to standard output.
    package func write(_ data: Data, permissions: Int? = nil) throws {
        switch self {
        case .file(let url): try AtomicFile.write(data, to: url, permissions: permissions)
        case .standardOutput: try StandardOutput.write(data)
        }
    }
}
