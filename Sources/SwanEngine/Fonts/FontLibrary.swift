/// The fonts a document may use: one family in four styles, loaded from files.
import Foundation

public final class FontLibrary: Sendable {
    public let files: FontFiles
    private let fonts: [Font]

    public init(files: FontFiles) throws {
        self.files = files
        fonts = try FontStyle.allCases.map { try Font(url: files.url(for: $0), style: $0) }
    }

    public func font(_ style: FontStyle) -> Font { fonts[style.rawValue] }
}
