/// The message catalogues for tests that check wording in process: the package's own
/// `Messages/`, read from the test's folder (the libraries bake in no source path; swan's
/// Workplace finds the installed or built catalogues).
package import SwanDiagnostics

package enum TestCatalogue {
    package static let messages = PackagePaths.root.appendingPathComponent("Messages")

    /// Words this test process's messages (`Catalogue.current`, errors' descriptions) in English.
    package static func useEnglish() { Catalogue.use(folder: messages, language: .english) }
}

extension Catalogue {
    /// English from the package's `Messages/`, whatever the locale or the process chose.
    package static let english = Catalogue.load(.english, from: TestCatalogue.messages)
}

extension Diagnostic {
    /// The message and its hints in English (what tests compare).
    package var englishText: String { Catalogue.english.text(of: self) }

    /// The printed line in English (what tests compare).
    package var englishLine: String { DiagnosticPrinter.line(for: self, catalogue: .english) }
}
