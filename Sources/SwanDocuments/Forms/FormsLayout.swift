/// layout/forms.yaml: the measurements of the invulblad (blank and filled) and the checklist.
/// Distances in millimetres, font sizes and line widths in points, colours as "#RRGGBB".
import SwanDeck
import SwanLayout

public struct FormsLayout: Decodable, Equatable, Sendable {
    public typealias Margins = PageMargins
    public typealias Rule = RuleSpec

    public struct Footer: Decodable, Equatable, Sendable {
        public var style: StyleSpec
        /// Space between the content and the footer line, in mm.
        public var height: Double
        public var rule: Rule
    }

    public struct Styles: Decodable, Equatable, Sendable {
        public var partTitle: StyleSpec
        public var prompt: StyleSpec
        public var hint: StyleSpec
        public var answer: StyleSpec
        public var continued: StyleSpec
    }

    public struct Range: Decodable, Equatable, Sendable {
        public var minimum: Double
        public var maximum: Double
    }

    public struct Writing: Decodable, Equatable, Sendable {
        public var lineSpacing: Range
        public var rule: Rule
        public var promptGap: Double
        public var sectionGap: Double
        public var inlineGap: Double
        public var indent: Double
        /// Empty writing lines after each answer of a filled form.
        public var spareLines: Int
        /// A section of at most this many lines is never split over two pages.
        public var keepTogether: Int
    }

    public struct Accent: Decodable, Equatable, Sendable {
        public var width: Double
        public var gap: Double
    }

    /// Which section of the invulblad holds which answer of a session.
    public struct Filled: Decodable, Equatable, Sendable {
        public var date: String
        public var presenter: String
        public var description: String
        public var conditions: String
        public var goal: String
        public var factors: String
        public var chosen: String
        public var answers: String
        public var signal: String
        /// Level id (round-3 support card) -> section id.
        public var levels: [String: String]
    }

    public struct ChecklistLayout: Decodable, Equatable, Sendable {
        public struct Box: Decodable, Equatable, Sendable {
            public var size: Double
            public var width: Double
            public var colour: Colour
        }
        public var title: StyleSpec
        public var moment: StyleSpec
        public var item: StyleSpec
        public var rolesTitle: StyleSpec
        public var roleName: StyleSpec
        public var task: StyleSpec
        public var box: Box
        public var columnGap: Double
    }

    public var paper: PaperSize
    public var margins: Margins
    public var footer: Footer
    public var styles: Styles
    public var writing: Writing
    public var accent: Accent
    public var filled: Filled
    public var checklist: ChecklistLayout

    public static func load(_ context: DocumentContext) throws -> FormsLayout {
        try context.layout("forms", as: FormsLayout.self)
    }
}
