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
