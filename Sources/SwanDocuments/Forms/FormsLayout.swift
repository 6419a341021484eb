/// layout/forms.yaml: the measurements of the invulblad (blank and filled) and the checklist.
/// Distances in millimetres, font sizes and line widths in points, colours as "#RRGGBB".
import SwanDeck
package import SwanLayout

package struct FormsLayout: Decodable, Equatable, Sendable {
    package typealias Margins = PageMargins
    package typealias Rule = RuleSpec

    package struct Footer: Decodable, Equatable, Sendable {
        package var style: StyleSpec
        /// Space between the content and the footer line, in mm.
        package var height: Double
        package var rule: Rule
    }

    package struct Styles: Decodable, Equatable, Sendable {
        package var partTitle: StyleSpec
        package var prompt: StyleSpec
        package var hint: StyleSpec
        package var answer: StyleSpec
        package var continued: StyleSpec
    }

    package struct Range: Decodable, Equatable, Sendable {
        package var minimum: Double
        package var maximum: Double
    }

    package struct Writing: Decodable, Equatable, Sendable {
        package var lineSpacing: Range
        package var rule: Rule
        package var promptGap: Double
        package var sectionGap: Double
        package var inlineGap: Double
        package var indent: Double
        /// Empty writing lines after each answer of a filled form.
        package var spareLines: Int
        /// A section of at most this many lines is never split over two pages.
        package var keepTogether: Int
    }

    package struct Accent: Decodable, Equatable, Sendable {
        package var width: Double
        package var gap: Double
    }

    /// Which section of the invulblad holds which answer of a session.
    package struct Filled: Decodable, Equatable, Sendable {
        package var date: String
        package var presenter: String
        package var description: String
        package var conditions: String
        package var goal: String
        package var factors: String
        package var chosen: String
        package var answers: String
        package var signal: String
        /// Level id (round-3 support card) -> section id.
        package var levels: [String: String]
    }

    package struct ChecklistLayout: Decodable, Equatable, Sendable {
        package struct Box: Decodable, Equatable, Sendable {
            package var size: Double
            package var width: Double
            package var colour: Colour
        }
        package var title: StyleSpec
        package var moment: StyleSpec
        package var item: StyleSpec
        package var rolesTitle: StyleSpec
        package var roleName: StyleSpec
        package var task: StyleSpec
        package var box: Box
        package var columnGap: Double
    }

    package var paper: PaperSize
    package var margins: Margins
    package var footer: Footer
    package var styles: Styles
    package var writing: Writing
    package var accent: Accent
    package var filled: Filled
    package var checklist: ChecklistLayout

    package static func load(_ context: DocumentContext) throws -> FormsLayout {
        try context.layout("forms", as: FormsLayout.self)
    }
}
