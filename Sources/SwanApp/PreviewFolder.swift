/// The card previews as files: the documents lay the pictures out, this encodes them as PNG on
/// all cores and writes them into a folder through the safe write path.
import Foundation
import SwanDeck
import SwanDocuments
import SwanIO
import SwanRender

public enum PreviewFolder {
    /// The images by file name, encoded in memory, in the documents' order.
    public static func images(_ cards: [Card], _ context: DocumentContext,
                              diagnostics: Diagnostics = Diagnostics()) throws -> [(name: String, data: Data)] {
        try encoded(try CardPreviews.pictures(cards, context, diagnostics: diagnostics))
    }

    /// Laid-out pictures as PNG files, encoded on all cores, in the pictures' order.
    public static func encoded(_ pictures: [CardPreviews.Picture]) throws -> [(name: String, data: Data)] {
        let png = PNGRenderer()
        let failures = ConcurrentErrors()
        let encoded = ImageBox(count: pictures.count)
        DispatchQueue.concurrentPerform(iterations: pictures.count) { index in
            let picture = pictures[index]
            do { encoded.set(index, (picture.name, try png.data(picture.page, dpi: picture.dpi))) } catch { failures.add(error) }
        }
        if let error = failures.first { throw error }
        return encoded.values
    }

    /// Writes `<folder>/<nn>-<id>-front.png`, `…-back.png` and `contact-sheet.png`; returns the paths.
    @discardableResult
    public static func write(_ cards: [Card], _ context: DocumentContext, to folder: URL,
                             diagnostics: Diagnostics = Diagnostics()) throws -> [URL] {
        let images = try self.images(cards, context, diagnostics: diagnostics)
        for image in images { try AtomicFile.write(image.data, to: folder.appendingPathComponent(image.name)) }
        return images.map { folder.appendingPathComponent($0.name) }
    }
}

/// Images encoded on several threads, in job order.
private final class ImageBox: @unchecked Sendable {  // `storage` behind `lock`
    private var storage: [(name: String, data: Data)?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ image: (name: String, data: Data)) { lock.lock(); storage[index] = image; lock.unlock() }
    var values: [(name: String, data: Data)] { lock.lock(); defer { lock.unlock() }; return storage.compactMap { $0 } }
}
