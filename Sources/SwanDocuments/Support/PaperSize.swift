/// Paper sizes for sheets and forms.
package import SwanLayout

package enum PaperSize: String, CaseIterable, Sendable, Decodable {
    case a4, a3, letter

    /// Portrait size in points.
    package var size: Size {
        switch self {
        case .a4: Size.millimetres(210, 297)
        case .a3: Size.millimetres(297, 420)
        case .letter: Size(width: 612, height: 792)
        }
    }
}
