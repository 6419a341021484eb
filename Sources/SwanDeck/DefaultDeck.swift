import Foundation

extension Deck {
    /// Templates/swan: $SWAN_TEMPLATES, else under the current directory, else walking up from the executable.
    public static var defaultDeckDirectory: URL {
        let manager = FileManager.default
        let relative = "Templates/swan"
        func hasDeck(_ url: URL) -> Bool { manager.fileExists(atPath: url.appendingPathComponent("deck.yaml").path) }
        if let override = ProcessInfo.processInfo.environment["SWAN_TEMPLATES"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let current = URL(fileURLWithPath: manager.currentDirectoryPath).appendingPathComponent(relative)
        if hasDeck(current) { return current }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            let candidate = folder.appendingPathComponent(relative)
            if hasDeck(candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return current
    }
}
