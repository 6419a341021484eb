import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanLayout
import SwanPDF
import SwanTestSupport

/// The print-shop file in CMYK (PDF/X-4), checked with tools no one here wrote: qpdf for the
/// output intent and the metadata, Ghostscript's separations (one picture per ink plate) for
/// what a press sees, and MuPDF's and poppler's renders against the RGB file.
final class PrintShopCMYKTests: XCTestCase {
    let context = CardsTestSupport.context

    /// Round cards (white paper, text below the band), the hoofdvraag (tinted), a card without
    /// a round (common back): every kind of page.
    var sample: [Card] {
        let cards = context.deck.cards
        return Array(cards.filter { $0.round == 1 }.prefix(3)) + Array(cards.filter { $0.round == nil }.prefix(1))
    }

    private func write(_ cards: [Card], colour: PrintShopColour) throws -> (url: URL, shop: (document: Document, faces: [CardFace])) {
        let shop = try PrintShopDocument.make(cards, context, colour: colour, diagnostics: Diagnostics())
        let url = CardsTestSupport.temporaryDirectory().appendingPathComponent("shop-\(colour).pdf")
        try TestExporters.pdf.write(shop.document, to: url)
        return (url, shop)
    }

    func testOutputIntentMetadataAndNoRGB() throws {
        let (url, _) = try write(sample, colour: .cmyk)
        XCTAssertEqual(try Tool.run("qpdf", ["--check", url.path]).status, 0)
        let bytes = try Data(contentsOf: url)
        XCTAssertEqual(String(decoding: bytes.prefix(8), as: UTF8.self), "%PDF-1.6")
        let json = try Tool.run("qpdf", ["--json", "--json-stream-data=inline", "--decode-level=generalized", url.path]).output
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let objects = try XCTUnwrap((root["qpdf"] as? [Any])?.last as? [String: Any])
        func value(_ ref: Any?) -> [String: Any]? {
            guard let ref = ref as? String, let object = objects["obj:" + ref] as? [String: Any] else { return nil }
            return (object["value"] ?? (object["stream"] as? [String: Any])?["dict"]) as? [String: Any]
        }
        let trailer = try XCTUnwrap((objects["trailer"] as? [String: Any])?["value"] as? [String: Any])
        let catalog = try XCTUnwrap(value(trailer["/Root"]))
        let intents = try XCTUnwrap(catalog["/OutputIntents"] as? [Any])
        XCTAssertEqual(intents.count, 1)
        let intent = try XCTUnwrap(value(intents[0]))
        XCTAssertEqual(intent["/S"] as? String, "/GTS_PDFX")
        XCTAssertEqual(intent["/OutputConditionIdentifier"] as? String, "u:FOGRA39")
        let profile = try XCTUnwrap(value(intent["/DestOutputProfile"]))
        XCTAssertEqual(profile["/N"] as? Int, 4)
        let info = try XCTUnwrap(value(trailer["/Info"]))
        XCTAssertEqual(info["/GTS_PDFXVersion"] as? String, "u:PDF/X-4")
        XCTAssertEqual(info["/Trapped"] as? String, "/False")
        XCTAssertNil(catalog["/AcroForm"])

        // The XMP packet (stored uncompressed) and the content streams, decompressed by qpdf.
        let metadata = try XCTUnwrap(String(data: bytes, encoding: .isoLatin1))
        XCTAssertTrue(metadata.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"))
        XCTAssertTrue(metadata.contains("<pdf:Trapped>False</pdf:Trapped>"))
        let plain = CardsTestSupport.temporaryDirectory().appendingPathComponent("plain.pdf")
        XCTAssertEqual(try Tool.run("qpdf", ["--qdf", "--object-streams=disable", url.path, plain.path]).status, 0)
        let text = String(decoding: try Data(contentsOf: plain), as: UTF8.self)
        XCTAssertNil(text.range(of: #"(^|\s)[0-9.]+ [0-9.]+ [0-9.]+ (rg|RG)\s"#, options: .regularExpression), "an RGB colour operator")
        XCTAssertNil(text.range(of: "/DeviceRGB"))
        XCTAssertNil(text.range(of: "/Group"), "a transparency group")
        XCTAssertNil(text.range(of: "/SMask"))
        XCTAssertTrue(text.contains(" k\n"))
    }

    /// Ghostscript's separations: every pixel of body text is black ink alone, and no pixel of
    /// the whole deck carries more than 300 % ink.
    func testTextOnTheBlackPlateOnlyAndInkLimit() throws {
        let (url, shop) = try write(sample, colour: .cmyk)
        let dpi = 150.0
        let plates = try Separations(url, dpi: dpi)
        let band = mm(CardsTestSupport.layout.band.height) + mm(CardsTestSupport.layout.printShop.bleed)
        var textPixels = 0
        for (index, page) in shop.document.pages.enumerated() {
            let face = shop.faces[index]
            guard face.side == .front, let card = sample.first(where: { $0.id == face.cardID }), card.kind != .hoofdvraag else { continue }
            for run in page.glyphRuns where !run.decorative && run.colour.isNeutral && run.colour.red < 0.5 && run.bounds.minY > band {
                let box = run.bounds
                for y in Int(box.minY / 72 * dpi)..<Int(box.maxY / 72 * dpi) {
                    for x in Int(box.minX / 72 * dpi)..<Int(box.maxX / 72 * dpi) {
                        let ink = plates.ink(page: index, x: x, y: y)
                        guard ink[3] > 0 else { continue }
                        textPixels += 1
                        XCTAssertEqual(ink[0] + ink[1] + ink[2], 0, "card \(face.cardID) '\(run.text)': colour ink under text at \(x),\(y)")
                        if ink[0] + ink[1] + ink[2] > 0 { return }
                    }
                }
            }
        }
        XCTAssertGreaterThan(textPixels, 5000, "too few text pixels found on the black plate")

        // The whole deck: at no pixel more than 300 % (255 per plate is 100 %).
        let (all, _) = try write(context.deck.cards, colour: .cmyk)
        let deck = try Separations(all, dpi: 36)
        var most = 0
        for page in 0..<deck.pages { most = max(most, deck.maximumTotal(page: page)) }
        XCTAssertLessThanOrEqual(Double(most) / 255, 3.0 + 0.01, "total ink")
        XCTAssertGreaterThan(Double(most) / 255, 1.0, "the deck's colours print with ink")
        // Ghostscript's ink_cov (the mean ink per plate, in percent): one line per page, within the limit.
        let coverage = try Tool.run("gs", ["-q", "-dBATCH", "-dNOPAUSE", "-sDEVICE=ink_cov", "-o", "-", all.path]).output
        let pages = coverage.split(separator: "\n").map { $0.split(separator: " ").prefix(4).compactMap { Double($0) } }.filter { $0.count == 4 }
        XCTAssertEqual(pages.count, 2 * context.deck.cards.count)
        XCTAssertTrue(pages.allSatisfy { $0.reduce(0, +) <= 300 }, "\(pages)")
        XCTAssertTrue(pages.contains { $0[0] > 1 }, "the round colours print with cyan ink")
    }

    /// poppler and MuPDF draw the CMYK file as the same picture as the RGB file, within the colour
    /// conversion: poppler converts through the output intent (measured: mean difference 6.6 per
    /// channel, 99 % of values within 12, the same text pixels); Debian's MuPDF is built without
    /// ICC support and converts CMYK naively (mean 18): for it the text must be where it was.
    func testRendersMatchTheRGBFile() throws {
        let cards = Array(sample.prefix(2))
        let (cmyk, _) = try write(cards, colour: .cmyk)
        let (rgb, _) = try write(cards, colour: .rgb)
        let folder = CardsTestSupport.temporaryDirectory()
        for (tool, meanLimit) in [("pdftoppm", 10.0), ("mutool", 25.0)] {
            for (name, url) in [("cmyk", cmyk), ("rgb", rgb)] {
                let prefix = folder.appendingPathComponent("\(tool)-\(name)").path
                let arguments = tool == "mutool" ? ["draw", "-q", "-r", "40", "-o", prefix + "-%d.png", url.path]
                                                 : ["-r", "40", "-png", url.path, prefix]
                XCTAssertEqual(try Tool.run(tool, arguments).status, 0)
            }
            for page in 1...(2 * cards.count) {
                // pdftoppm pads page numbers to the width of the last one.
                let suffix = tool == "mutool" || 2 * cards.count < 10 ? "-\(page).png" : String(format: "-%02d.png", page)
                let a = try PNGImage(contentsOf: URL(fileURLWithPath: folder.appendingPathComponent("\(tool)-rgb").path + suffix))
                let b = try PNGImage(contentsOf: URL(fileURLWithPath: folder.appendingPathComponent("\(tool)-cmyk").path + suffix))
                XCTAssertEqual(a.width, b.width); XCTAssertEqual(a.height, b.height)
                var total = 0, within = 0, dark = 0, darkBoth = 0
                for (p, q) in zip(a.pixels, b.pixels) {
                    for (x, y) in [(p.red, q.red), (p.green, q.green), (p.blue, q.blue)] {
                        let d = abs(Int(x) - Int(y)); total += d; if d <= 20 { within += 1 }
                    }
                    // Text in the RGB render is still dark in the CMYK one (its edges shift by a shade).
                    if p.isDark { dark += 1; if max(q.red, q.green, q.blue) < 150 { darkBoth += 1 } }
                }
                let mean = Double(total) / Double(3 * a.pixels.count)
                XCTAssertLessThan(mean, meanLimit, "\(tool) page \(page): mean difference \(mean) per channel")
                XCTAssertGreaterThan(dark, 100, "\(tool) page \(page): text drawn")
                XCTAssertGreaterThan(Double(darkBoth) / Double(max(dark, 1)), 0.95, "\(tool) page \(page): the text where it was")
                if tool == "pdftoppm" {
                    XCTAssertGreaterThan(Double(within) / Double(3 * a.pixels.count), 0.98, "poppler page \(page): values within 20")
                }
            }
        }
    }

    func testGreysAreBlackInkOnlyAndDeckInksAreKept() throws {
        let condition = try XCTUnwrap(try PrintShopDocument.make([], context, diagnostics: Diagnostics()).document.printCondition)
        let conversion = try CMYKConversion.conversion(for: condition)
        var previous = -1.0
        for level in stride(from: 255, through: 0, by: -15) {
            let grey = Double(level) / 255
            let ink = conversion.cmyk(Colour(red: grey, green: grey, blue: grey))
            XCTAssertEqual([ink.cyan, ink.magenta, ink.yellow], [0, 0, 0], "grey \(level)")
            XCTAssertGreaterThanOrEqual(ink.black, previous, "darker greys get more black")
            previous = ink.black
        }
        XCTAssertEqual(conversion.cmyk(.white).black, 0)
        XCTAssertEqual(conversion.cmyk(.black).black, 1)
        var asked = Colour(hex: "#4A9A3F")!
        asked.cmyk = CMYK(cyan: 0.7, magenta: 0.05, yellow: 0.95, black: 0.1)
        XCTAssertEqual(conversion.cmyk(asked), asked.cmyk)
        let green = conversion.cmyk(Colour(hex: "#4A9A3F")!)
        XCTAssertGreaterThan(green.cyan, green.magenta)
        XCTAssertGreaterThan(green.yellow, green.magenta)
    }

    func testSameBytesTwiceAndRGBStaysRGB() throws {
        let cards = Array(sample.prefix(1))
        let a = try TestExporters.pdf.export(try PrintShopDocument.make(cards, context, diagnostics: Diagnostics()).document)
        let b = try TestExporters.pdf.export(try PrintShopDocument.make(cards, context, diagnostics: Diagnostics()).document)
        XCTAssertEqual(a, b)
        let rgb = try PrintShopDocument.make(cards, context, colour: .rgb, diagnostics: Diagnostics()).document
        XCTAssertNil(rgb.printCondition)
        let bytes = String(decoding: try TestExporters.pdf.export(rgb), as: UTF8.self)
        XCTAssertTrue(bytes.hasPrefix("%PDF-1.7"))
        XCTAssertFalse(bytes.contains("GTS_PDFX"))
    }
}

/// Ghostscript's tiffsep output, one uncompressed 8-bit TIFF per plate (0 = full ink).
struct Separations {
    static let plateNames = ["Cyan", "Magenta", "Yellow", "Black"]
    let pages: Int
    private var plates: [[(width: Int, height: Int, pixels: [UInt8])]] = []

    init(_ pdf: URL, dpi: Double) throws {
        let folder = CardsTestSupport.temporaryDirectory()
        let pattern = folder.appendingPathComponent("p%d.tif").path
        let result = try Tool.run("gs", ["-q", "-dBATCH", "-dNOPAUSE", "-sDEVICE=tiffsep", "-sCompression=none",
                                         "-r\(Int(dpi))", "-o", pattern, pdf.path])
        XCTAssertEqual(result.status, 0)
        var page = 1
        while FileManager.default.fileExists(atPath: folder.appendingPathComponent("p\(page)(Black).tif").path) {
            plates.append(try Self.plateNames.map { try Self.read(folder.appendingPathComponent("p\(page)(\($0)).tif")) })
            page += 1
        }
        pages = page - 1
    }

    /// The four inks at a pixel, 0 to 255 each.
    func ink(page: Int, x: Int, y: Int) -> [Int] {
        plates[page].map { plate in
            guard x >= 0, y >= 0, x < plate.width, y < plate.height else { return 0 }
            return 255 - Int(plate.pixels[y * plate.width + x])
        }
    }

    func maximumTotal(page: Int) -> Int {
        let p = plates[page]
        var most = 0
        for i in 0..<p[0].pixels.count {
            most = max(most, 1020 - Int(p[0].pixels[i]) - Int(p[1].pixels[i]) - Int(p[2].pixels[i]) - Int(p[3].pixels[i]))
        }
        return most
    }

    /// A baseline little-endian TIFF as Ghostscript writes it: one image, 8 bits, strips.
    static func read(_ url: URL) throws -> (width: Int, height: Int, pixels: [UInt8]) {
        let d = [UInt8](try Data(contentsOf: url))
        func u16(_ o: Int) -> Int { Int(d[o]) | Int(d[o + 1]) << 8 }
        func u32(_ o: Int) -> Int { u16(o) | u16(o + 2) << 16 }
        XCTAssertEqual(Array(d.prefix(4)), [0x49, 0x49, 0x2A, 0x00])
        let ifd = u32(4)
        // Per tag: its type, count, first value, and where its values are (in the entry when
        // they fit in four bytes, else at the offset the entry holds).
        var tags: [Int: (type: Int, count: Int, value: Int, at: Int)] = [:]
        for i in 0..<u16(ifd) {
            let e = ifd + 2 + 12 * i
            let type = u16(e + 2), count = u32(e + 4)
            let at = count * (type == 3 ? 2 : 4) <= 4 ? e + 8 : u32(e + 8)
            tags[u16(e)] = (type, count, type == 3 ? u16(at) : u32(at), at)
        }
        let width = tags[256]!.value, height = tags[257]!.value
        XCTAssertEqual(tags[258]?.value, 8); XCTAssertEqual(tags[259]?.value, 1)
        let offsets = tags[273]!, counts = tags[279]!
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height)
        for s in 0..<offsets.count {
            func item(_ tag: (type: Int, count: Int, value: Int, at: Int)) -> Int {
                tag.type == 3 ? u16(tag.at + 2 * s) : u32(tag.at + 4 * s)
            }
            let offset = item(offsets), count = item(counts)
            pixels += d[offset..<(offset + count)]
        }
        XCTAssertEqual(pixels.count, width * height)
        return (width, height, pixels)
    }
}
