import Dispatch
import Foundation
import SwanDiagnostics
import SwanLayout
import SwanIO

/// Ctrl-C or a kill while files are being written: start no new file, let the ones being written
/// finish, remove any temporary file, then stop with the usual status (128 + signal). Finished
/// files stay; none is left half-written.
enum Interruption {
    /// Written only by install(), once, at start-up before any signal is handled; kept so the
    /// sources stay alive.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        // A file-size limit (`ulimit -f`) would kill swan with SIGXFSZ half way through a write,
        // its temporary file left behind; ignored, the write fails with EFBIG, which the safe
        // write reports in the user's words and cleans up like a full disk.
        signal(SIGXFSZ, SIG_IGN)
        // Worded now, in the user's language: the handler only writes it.
        let notice = Data(("\n" + Catalogue.current.text(Message(CommandCode.interrupted)) + "\n").utf8)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                AtomicFile.stopWriting()
                FileHandle.standardError.write(notice)
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
