package import Foundation
import SwanDiagnostics
package import SwanDocuments
import SwanIO

/// The back offsets a coordinator saved (`swan cards --back-offset X,Y --save-offset`), one per
/// paper size and flip, in `back-offsets.txt` in swan's configuration folder (found by the
/// Workplace: $XDG_CONFIG_HOME/swan, else ~/.config/swan). One line per setting,
/// `a4 long = 1.25,-0.50`; empty lines and lines starting with # are skipped.
package struct BackOffsetSettings: Equatable, Sendable {
    package static let fileName = "back-offsets.txt"
    /// A settings file is a few lines; anything larger is not ours.
    static let sizeLimit = 64 * 1024

    package var offsets: [Key: BackOffset] = [:]

    package init(offsets: [Key: BackOffset] = [:]) { self.offsets = offsets }

    package struct Key: Hashable, Comparable, Sendable {
        package var paper: PaperSize
        package var flip: FlipEdge
        package init(paper: PaperSize, flip: FlipEdge) { self.paper = paper; self.flip = flip }
        var text: String { "\(paper.rawValue) \(flip.rawValue)" }
        package static func < (a: Key, b: Key) -> Bool { a.text < b.text }
    }

    package static func file(in workplace: Workplace) throws -> URL {
        guard let folder = workplace.configFolder else { throw Diagnostic.error(SettingsCode.noConfigFolder) }
        return folder.appendingPathComponent(fileName)
    }

    /// The saved offsets; none when the file is not there. A line that is not a setting is an
    /// error at its line and column.
    package static func load(from url: URL) throws -> BackOffsetSettings {
        guard FileManager.default.fileExists(atPath: url.path) else { return BackOffsetSettings() }
        let data = try InputFile.read(url, limit: sizeLimit, ownOutput: true)
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic.error(SettingsCode.backOffsetSettingsLine, at: SourceLocation(file: url.path))
        }
        var settings = BackOffsetSettings()
        // "\r\n" is one Character in Swift: split on it too, or a file saved on Windows is one line.
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            func wrong(column: Int) -> Diagnostic {
                .error(SettingsCode.backOffsetSettingsLine, at: SourceLocation(file: url.path, line: index + 1, column: column))
            }
            let halves = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard halves.count == 2 else { throw wrong(column: 1) }
            let names = halves[0].split(separator: " ")
            guard names.count == 2, let paper = PaperSize(rawValue: String(names[0])),
                  let flip = FlipEdge(rawValue: String(names[1])) else { throw wrong(column: 1) }
            guard let offset = BackOffset(text: String(halves[1])), offset.isWithinLimit else {
                // At the value: past the "=" and the spaces after it.
                throw wrong(column: halves[0].count + 2 + halves[1].prefix { $0 == " " }.count)
            }
            settings.offsets[Key(paper: paper, flip: flip)] = offset
        }
        return settings
    }

    /// The file's contents: one line per offset, sorted; zero offsets are left out (forgotten).
    package var data: Data {
        Data(offsets.filter { !$0.value.isZero }.sorted { $0.key < $1.key }
            .map { "\($0.key.text) = \($0.value.text)\n" }.joined().utf8)
    }

    /// The offset saved for `paper` and `flip` and the file it is saved in; nil when none is
    /// saved (or zero) or there is no configuration folder (then nothing can have been saved).
    package static func saved(paper: PaperSize, flip: FlipEdge, in workplace: Workplace) throws -> (offset: BackOffset, file: URL)? {
        guard let file = try? file(in: workplace) else { return nil }
        let saved = try load(from: file).offsets[Key(paper: paper, flip: flip)] ?? .zero
        return saved.isZero ? nil : (saved, file)
    }

    /// Saves `offset` for `paper` and `flip` in the Workplace's settings file (zero forgets it);
    /// returns the file, for the line that says so.
    package static func remember(_ offset: BackOffset, paper: PaperSize, flip: FlipEdge, in workplace: Workplace) throws -> URL {
        let file = try file(in: workplace)
        var settings = try load(from: file)
        settings.offsets[Key(paper: paper, flip: flip)] = offset
        try settings.save(to: file)
        return file
    }

    /// Writes `settings` through the safe write path, making the folder when needed.
    package func save(to url: URL) throws {
        try AtomicFile.makeFolder(url.deletingLastPathComponent())
        try AtomicFile.write(data, to: url)
    }
}

/// The codes of the settings file's messages; their wording is in Messages/en.txt and nl.txt.
package enum SettingsCode: String, DiagnosticCode {
    case backOffsetSettingsLine = "command.back-offset-settings-line"
    case noConfigFolder = "command.no-config-folder"
}
