import Foundation

extension Deck {
    /// Where `make install` puts the deck, relative to the installed binary (PREFIX/bin/swan).
    public static let installedTemplates = "../share/swan/Templates"

    /// Templates/swan: $SWAN_TEMPLATES, else under the current directory, else walking up from the
    /// executable (a build tree), else the installed copy beside PREFIX/bin/swan.
    public static var defaultDeckDirectory: URL {
        let manager = FileManager.default
        let relative = "Templates/swan"
        func hasDeck(_ url: URL) -> Bool { manager.fileExists(atPath: url.appendingPathComponent("deck.yaml").path) }
        if let override = ProcessInfo.processInfo.environment["SWAN_TEMPLATES"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let current = URL(fileURLWithPath: manager.currentDirectoryPath).appendingPathComponent(relative)
        if hasDeck(current) { return current }
        let binaryFolder = executableURL.deletingLastPathComponent()
        var folder = binaryFolder
        while folder.path != "/" && !folder.path.isEmpty {
            let candidate = folder.appendingPathComponent(relative)
            if hasDeck(candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let installed = binaryFolder.appendingPathComponent(installedTemplates).appendingPathComponent("swan").standardizedFileURL
        if hasDeck(installed) { return installed }
        return current
    }

    /// The running binary, symlinks resolved (found on the PATH when started by its bare name).
    static var executableURL: URL {
        let first = CommandLine.arguments.first ?? "."
        if first.contains("/") { return URL(fileURLWithPath: first).resolvingSymlinksInPath() }
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(first)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.resolvingSymlinksInPath() }
        }
        return URL(fileURLWithPath: first)
    }
}
