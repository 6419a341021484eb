/// The engine the layout, PDF and render tests set text with: only the fonts committed in the
/// repository (never what fontconfig finds on this machine), and "SWAN" never hyphenated.
import Foundation
package import SwanLayout

package enum TestEngine {
    package static let fontFiles = FontFiles.notoSans(in: PackagePaths.fonts)
    package static let shared: Engine = try! Engine(fonts: fontFiles, noHyphenation: ["SWAN"])
}
