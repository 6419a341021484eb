import Foundation

/// Where the message catalogues are: `$SWAN_MESSAGES`, else `Messages/` in the current folder,
/// else walking up from the executable, `Messages/` (a build inside the repository) or
/// `share/swan/Messages/` (an installed binary: PREFIX/bin/swan finds PREFIX/share/swan/Messages).
public enum CatalogueFolder {
    public static let environmentKey = "SWAN_MESSAGES"
    static let marker = "\(Language.english.rawValue).txt"

    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment,
                            executable: String = CommandLine.arguments.first ?? ".") -> URL? {
        let manager = FileManager.default
        func holdsCatalogues(_ url: URL) -> Bool { manager.fileExists(atPath: url.appendingPathComponent(marker).path) }
        if let override = environment[environmentKey], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let current = URL(fileURLWithPath: manager.currentDirectoryPath).appendingPathComponent("Messages")
        if holdsCatalogues(current) { return current }
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while !folder.path.isEmpty {
            for relative in ["Messages", "share/swan/Messages"] {
                let candidate = folder.appendingPathComponent(relative)
                if holdsCatalogues(candidate) { return candidate }
            }
            if folder.path == "/" { break }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
