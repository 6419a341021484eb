/// A file-system failure in plain words, with the path: "cannot write uit.pdf: the disk is full".
/// Typed, so callers decide on the reason (an archive keeps a file that `.exists`) without
/// matching message text.
import Foundation
package import SwanDiagnostics

package struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Action: String, Sendable {
        case read, write
    }

    package enum Reason: Equatable, Sendable {
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
        /// -o names one of the run's own inputs (RunInputs), read under `readAs`.
        case isInput(readAs: String)
        /// The file is larger than swan reads (`limit` bytes).
        case tooLarge(limit: Int)
        /// The run was interrupted before this file was started.
        case interrupted
    }

    package var action: Action
    package var path: String
    package var reason: Reason

    package init(_ action: Action, _ path: String, _ reason: Reason) {
        self.action = action; self.path = path; self.reason = reason
    }

    /// From the errno of a failed call.
    package static func system(_ action: Action, _ path: String, errno code: Int32 = errno) -> FileError {
        FileError(action, path, .system(code))
    }

    /// "cannot write uit.pdf: the disk is full", in the user's language (Messages/*.txt).
    package var message: Message {
        // Standard input and output by their names in the user's language.
        let named: MessageArgument = switch (action, path) {
        case (.read, SourceLocation.standardInput): .message(Message(CommonCode.standardInput))
        case (.write, StandardOutput.name): .message(Message(CommonCode.standardOutput))
        default: .text(path)
        }
        return Message(action == .read ? FileCode.cannotRead : FileCode.cannotWrite, ["path": named, "reason": .message(reason.message)])
    }

    package var description: String { Catalogue.current.text(message) }
}

extension FileError.Reason {
    /// The reason as a coordinator would say it, by code.
    package var message: Message {
        switch self {
        case .system(let code): Self.message(errno: code)
        case .exists: Message(FileCode.exists)
        case .isFolder: Message(FileCode.isFolder)
        case .notRegularFile: Message(FileCode.notRegularFile)
        case .isSymbolicLink: Message(FileCode.isSymbolicLink)
        case .missingFolder: Message(FileCode.missingFolder)
        case .isInput(let input): Message(FileCode.isInput, ["file": "\(input)"])
        case .tooLarge(let limit): Message(FileCode.tooLarge, ["limit": "\(ByteCount.words(limit))"])
        case .interrupted: Message(FileCode.interrupted)
        }
    }

    static func message(errno code: Int32) -> Message {
        switch code {
        case ENOENT: Message(FileCode.noSuchFile)
        case EACCES, EPERM: Message(FileCode.permissionDenied)
        case ENOSPC: Message(FileCode.diskFull)
        case EDQUOT: Message(FileCode.quotaUsedUp)
        case EFBIG: Message(FileCode.fileSizeLimit)
        case EIO: Message(FileCode.inputOutput)
        case EROFS: Message(FileCode.readOnly)
        case EISDIR: Message(FileCode.isFolder)
        case ENOTDIR: Message(FileCode.notAFolder)
        case ENAMETOOLONG: Message(FileCode.nameTooLong)
        case ELOOP: Message(FileCode.tooManyLinks)
        case EXDEV: Message(FileCode.otherDisk)
        case EBUSY, ETXTBSY: Message(FileCode.inUse)
        case EEXIST: Message(FileCode.exists)
        // The system's own words (strerror, English) for the rare rest.
        default: Message(FileCode.system, ["message": "\(String(cString: strerror(code)).lowercased())"])
        }
    }
}

/// Sizes for messages: "10 MB", "64 KB".
package enum ByteCount {
    package static func words(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}

extension FileError: DiagnosticConvertible {
    /// Printed like every other error: "error: cannot write x.pdf: the disk is full".
    package var diagnostics: [Diagnostic] { [diagnostic()] }

    package func diagnostic(at location: SourceLocation? = nil) -> Diagnostic { Diagnostic(.error, message, at: location) }
}
