package import Foundation

/// Where the message catalogues are: `$SWAN_MESSAGES`, else `Messages/` in the working folder,
/// else walking up from the executable, `Messages/` (a build inside the repository) or
/// `share/swan/Messages/` (an installed binary: PREFIX/bin/swan finds PREFIX/share/swan/Messages).
/// The caller says what the environment, the working folder and the executable are (the
/// application's Workplace: the executable found by /proc/self/exe or the PATH, never `argv[0]`
/// read against the working folder).
package enum CatalogueFolder {
    package static let environmentKey = "SWAN_MESSAGES"
    static let marker = "\(Language.english.rawValue).txt"

    package static func find(environment: [String: String], currentDirectory: URL, executable: URL?) -> URL? {
        let manager = FileManager.default
        func holdsCatalogues(_ url: URL) -> Bool { manager.fileExists(atPath: url.appendingPathComponent(marker).path) }
        if let override = environment[environmentKey], !override.isEmpty {
            return URL(fileURLWithPath: override, relativeTo: currentDirectory).standardizedFileURL
        }
        let current = currentDirectory.appendingPathComponent("Messages")
        if holdsCatalogues(current) { return current }
        guard let executable else { return nil }
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
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
