/// Reading the files swan is given: regular files only (a FIFO or device is refused, not
/// waited on), `-` for standard input, never more than a limit, errors in plain words.
package import Foundation
import SwanDiagnostics

package enum InputFile {
    /// The contents of `url` (or standard input for `-`), at most `limit` bytes. The file is
    /// recorded as an input of the run (RunInputs: no output may replace it), unless it is
    /// `ownOutput`: swan's own earlier output that the run reads to replace (the archive's
    /// manifest, journal and deletion log, an archived record under `--force`).
    package static func read(_ url: URL, limit: Int, ownOutput: Bool = false) throws -> Data {
        let shown = name(of: url)
        if isStandardInput(url) { return try readAll(STDIN_FILENO, shownAs: shown, limit: limit) }
        let fd = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw FileError.system(.read, shown) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError.system(.read, shown) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw FileError(.read, shown, .isFolder)
        case S_IFIFO where isStandardInputOrDescriptor(url.path):
            // `/dev/stdin` (or `<(command)`, /dev/fd/N) as a pipe: read like `-`, blocking, with the limit.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return try readAll(fd, shownAs: shown, limit: limit)
        default: throw FileError(.read, shown, .notRegularFile)
        }
        if Int(info.st_size) > limit { throw FileError(.read, shown, .tooLarge(limit: limit)) }
        // The file opened, not the path: no output of this run may replace it.
        if !ownOutput { RunInputs.shared.record(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), readAs: shown) }
        return try readAll(fd, shownAs: shown, limit: limit)
    }

    /// Whether `url` is `-` as the user typed it: standard input.
    package static func isStandardInput(_ url: URL) -> Bool { url.relativePath == "-" }

    /// How messages name `url`: its path as given, standard input by SourceLocation.standardInput
    /// (which no path can be, so a file named like it is not taken for it).
    package static func name(of url: URL) -> String { isStandardInput(url) ? SourceLocation.standardInput : url.relativePath }

    /// A path that names an open descriptor of this process rather than a file: a pipe there is
    /// data handed to swan, not a FIFO in a folder that could make it wait forever.
    static func isStandardInputOrDescriptor(_ path: String) -> Bool {
        path == "/dev/stdin" || path.hasPrefix("/dev/fd/") || path.hasPrefix("/proc/self/fd/")
    }

    private static func readAll(_ fd: Int32, shownAs shown: String, limit: Int) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError.system(.read, shown)
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            if data.count > limit { throw FileError(.read, shown, .tooLarge(limit: limit)) }
        }
    }
}

/// Standard output for `-o -`: every write checked like a file's.
package enum StandardOutput {
    /// How a write error names standard output: a value no path can be (no path holds a NUL),
    /// worded in the user's language by FileError.
    package static let name = "\u{0}>"

    package static func write(_ data: Data) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = FaultInjection.write(STDOUT_FILENO, base + offset, min(1 << 16, buffer.count - offset))
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileError.system(.write, name)
                }
                offset += written
            }
        }
    }
}
