import Foundation
import SwanApp
import SwanDiagnostics
import SwanIO

/// The files every run reads, whatever the command: swan itself and its message catalogues.
/// Recorded as inputs (RunInputs) so that no output replaces them: `-o` onto an installed
/// Messages/nl.txt, run as root, would break swan for every user.
enum ProgramFiles {
    /// `messagesFolder`: the Workplace's, as `useCatalogue` found it.
    static func record(_ workplace: Workplace, messagesFolder: URL?) {
        RunInputs.shared.record(workplace.executableURL.path)
        guard let folder = messagesFolder else { return }
        for language in Language.allCases {
            RunInputs.shared.record(folder.appendingPathComponent("\(language.rawValue).txt").path)
        }
    }
}
