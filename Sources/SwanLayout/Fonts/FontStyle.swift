/// The four faces of a family that text can ask for.
package enum FontStyle: Int, CaseIterable, Sendable, Hashable {
    case regular, bold, italic, boldItalic

    package init(bold: Bool, italic: Bool) {
        switch (bold, italic) {
        case (false, false): self = .regular
        case (true, false): self = .bold
        case (false, true): self = .italic
        case (true, true): self = .boldItalic
        }
    }
    package var isBold: Bool { self == .bold || self == .boldItalic }
    package var isItalic: Bool { self == .italic || self == .boldItalic }
}

package import Foundation

/// Where the four faces of a family live on disk.
package struct FontFiles: Sendable, Equatable {
    package var regular: URL, bold: URL, italic: URL, boldItalic: URL
    package init(regular: URL, bold: URL, italic: URL, boldItalic: URL) {
        self.regular = regular; self.bold = bold; self.italic = italic; self.boldItalic = boldItalic
    }
    package func url(for style: FontStyle) -> URL {
        switch style {
        case .regular: regular
        case .bold: bold
        case .italic: italic
        case .boldItalic: boldItalic
        }
    }
    /// The Noto Sans family committed in the repository's Fonts/ folder.
    package static func notoSans(in directory: URL) -> FontFiles {
        FontFiles(regular: directory.appendingPathComponent("NotoSans-Regular.ttf"),
                  bold: directory.appendingPathComponent("NotoSans-Bold.ttf"),
                  italic: directory.appendingPathComponent("NotoSans-Italic.ttf"),
                  boldItalic: directory.appendingPathComponent("NotoSans-BoldItalic.ttf"))
    }
}
