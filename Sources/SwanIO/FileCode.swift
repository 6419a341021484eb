import SwanDiagnostics

/// The codes of file-system failures (FileError); their wording is in Messages/en.txt and nl.txt.
package enum FileCode: String, DiagnosticCode {
    case cannotRead = "file.cannot-read"
    case cannotWrite = "file.cannot-write"
    case exists = "file.exists"
    case isFolder = "file.is-folder"
    case notRegularFile = "file.not-regular-file"
    case isSymbolicLink = "file.is-symbolic-link"
    case missingFolder = "file.missing-folder"
    case isInput = "file.is-input"
    case tooLarge = "file.too-large"
    case interrupted = "file.interrupted"
    case noSuchFile = "file.no-such-file"
    case permissionDenied = "file.permission-denied"
    case diskFull = "file.disk-full"
    case quotaUsedUp = "file.quota-used-up"
    case fileSizeLimit = "file.file-size-limit"
    case inputOutput = "file.input-output"
    case readOnly = "file.read-only"
    case notAFolder = "file.not-a-folder"
    case nameTooLong = "file.name-too-long"
    case tooManyLinks = "file.too-many-links"
    case otherDisk = "file.other-disk"
    case inUse = "file.in-use"
    case system = "file.system"
}
