import Foundation

/// Reading and writing session files on disk. A session holds personal data about residents
/// and colleagues: it is written atomically (never half a file) and readable by its owner only.
public enum SessionFile {
    /// The permissions of every session file written here: read and write for the owner only.
    public static let permissions: Int = 0o600

    /// Reads and validates the file at `url`; errors name the file by its last path component.
    public static func read(_ url: URL, vocabulary: SessionVocabulary) throws -> Session {
        let data = try Data(contentsOf: url)
        return try SessionDecoder.decode(data, source: url.lastPathComponent, vocabulary: vocabulary)
    }

    /// Writes `session` to `url` atomically, with mode 0600. An existing file is replaced only
    /// once the new one is completely written.
    public static func write(_ session: Session, to url: URL) throws {
        let manager = FileManager.default
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        // Create the temporary file with owner-only permissions before any data goes in.
        guard manager.createFile(atPath: temporary.path, contents: nil,
                                 attributes: [.posixPermissions: permissions]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: session.encodeJSON())
            try handle.synchronize()
            try manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
    }
}
