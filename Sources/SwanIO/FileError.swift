/// A file-system failure in plain words, with the path: "cannot write uit.pdf: the disk is full".
/// Typed, so callers decide on the reason (an archive keeps a file that `.exists`) without
/// matching message text.
import Foundation

public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Action: String, Sendable {
        case read, write
    }

    public enum Reason: Equatable, Sendable {
        /// A failed system call, by its errno.
        case system(Int32)
        /// Only when asked not to replace: the destination is already there.
        case exists
        case isFolder
        /// A device, FIFO or socket: never written through, never replaced.
        case notRegularFile
        /// -o names a symbolic link: refused rather than written through.
        case isSymbolicLink
        /// The folder to write into is not there (swan does not invent folders).
        case missingFolder
        /// -o names one of the run's own inputs.
        case isInput
        /// The file is larger than swan reads (`limit` bytes).
        case tooLarge(limit: Int)
        /// The run was interrupted before this file was started.
        case interrupted
    }

    public var action: Action
    public var path: String
    public var reason: Reason

    public init(_ action: Action, _ path: String, _ reason: Reason) {
        self.action = action; self.path = path; self.reason = reason
    }

    /// From the errno of a failed call.
    public static func system(_ action: Action, _ path: String, errno code: Int32 = errno) -> FileError {
        FileError(action, path, .system(code))
    }

    public var description: String { "cannot \(action.rawValue) \(path): \(reason.words)" }
}

extension FileError.Reason {
    /// The reason as a coordinator would say it.
    public var words: String {
        switch self {
        case .system(let code): Self.words(errno: code)
        case .exists: "the file already exists"
        case .isFolder: "it is a folder, not a file"
        case .notRegularFile: "it is a device, pipe or socket, not a regular file"
        case .isSymbolicLink: "it is a symbolic link; name the file it points to instead"
        case .missingFolder: "its folder does not exist"
        case .isInput: "it is one of the files being read; choose another output name"
        case .tooLarge(let limit): "the file is larger than \(ByteCount.words(limit)), the most swan reads"
        case .interrupted: "the run was interrupted"
        }
    }

    static func words(errno code: Int32) -> String {
        switch code {
        case ENOENT: "no such file or folder"
        case EACCES, EPERM: "permission denied"
        case ENOSPC: "the disk is full"
        case EDQUOT: "the disk quota is used up"
        case EFBIG: "the file is too large (a file size limit was reached)"
        case EIO: "input/output error (the disk or network share failed)"
        case EROFS: "the disk is read-only"
        case EISDIR: "it is a folder, not a file"
        case ENOTDIR: "a part of the path is not a folder"
        case ENAMETOOLONG: "the name is too long"
        case ELOOP: "too many symbolic links"
        case EXDEV: "it is on another disk"
        case EBUSY, ETXTBSY: "the file is in use"
        case EEXIST: "the file already exists"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}

/// Sizes for messages: "10 MB", "64 KB".
public enum ByteCount {
    public static func words(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}

import SwanDiagnostics

extension FileError: DiagnosticConvertible {
    /// Printed like every other error: "error: cannot write x.pdf: the disk is full".
    public var diagnostics: [Diagnostic] { [.worded(.error, description)] }
}
