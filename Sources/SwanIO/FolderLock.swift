/// The lock of a folder swan keeps up to date (the archive): flock(2) on the folder itself, so
/// no lock file is left in it and a killed process's lock goes with the process. Every command
/// that reads or changes an archive holds it for its whole run; a second run waits.
package import Foundation

package final class FolderLock {
    private let descriptor: Int32

    /// Waits until no other process holds the lock on `folder`; `waiting` is called once first
    /// when it has to wait. Released when this object goes (or the process ends).
    package init(_ folder: URL, waiting: () -> Void = {}) throws {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError.system(.read, folder.relativePath) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let error = FileError.system(.read, folder.relativePath)
                close(fd)
                throw error
            }
            waiting()
            while flock(fd, LOCK_EX) != 0 {
                if errno == EINTR { continue }
                let error = FileError.system(.read, folder.relativePath)
                close(fd)
                throw error
            }
        }
        descriptor = fd
    }

    deinit { close(descriptor) }
}
