import Foundation
import XCTest

/// The card PDFs are tagged (issue 14): a Sect per card side, named after the card, holding
/// its heading, paragraphs and lists; bands, backgrounds, numerals and crop marks are artifacts.
/// Read back with qpdf, not with swan's own model.
final class CardTagsTests: XCTestCase {
    /// A structure element as qpdf gives it, with its children and the pages its content is on.
    struct Element {
        var role: String
        var title: String?
        var children: [Element]
        var pages: Set<String>   // page references of the element's own content
        var allPages: Set<String> { children.reduce(pages) { $0.union($1.allPages) } }
    }

    static func tree(_ objects: PDFObjects) throws -> [Element] {
        let root = try XCTUnwrap(objects.dictionary(objects.catalog["/StructTreeRoot"]), "no StructTreeRoot")
        XCTAssertNotNil(objects.dictionary(root["/ParentTree"]), "no ParentTree")
        func element(_ ref: Any) -> Element? {
            guard let dict = objects.dictionary(ref), let role = dict["/S"] as? String else { return nil }
            let kids = objects.array(dict["/K"]) ?? [dict["/K"] as Any]
            var pages: Set<String> = [], children: [Element] = []
            for kid in kids {
                if kid is Int, let page = dict["/Pg"] as? String { pages.insert(page) }
                else if let mcr = kid as? [String: Any], let page = mcr["/Pg"] as? String { pages.insert(page) }
                else if let child = element(kid) { children.append(child) }
            }
            return Element(role: role, title: PDFObjects.text(dict["/T"]), children: children, pages: pages)
        }
        return (objects.array(root["/K"]) ?? []).compactMap(element)
    }

    private func write(_ arguments: [String], _ name: String) throws -> PDFObjects {
        let pdf = CLI.temporaryDirectory().appendingPathComponent(name)
        let result = try CLI.run(["cards"] + arguments + ["-o", pdf.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let objects = try PDFObjects(pdf)
        XCTAssertEqual(PDFObjects.text(objects.catalog["/Lang"]), "nl")
        XCTAssertEqual(objects.dictionary(objects.catalog["/MarkInfo"])?["/Marked"] as? Bool, true)
        XCTAssertEqual(objects.dictionary(objects.catalog["/ViewerPreferences"])?["/DisplayDocTitle"] as? Bool, true)
        for (index, page) in objects.pages.enumerated() {
            XCTAssertNotNil(page["/StructParents"] as? Int)
            let contents = objects.array(page["/Contents"]) ?? [page["/Contents"] as Any]
            for ref in contents {
                XCTAssertEqual(MarkedContentCheck.problems(objects.streamData(ref) ?? Data()), [], "\(name) page \(index + 1)")
            }
        }
        return objects
    }

    /// A card side's Sect: named, its first child a heading with content, lists as L > LI > Lbl + LBody.
    private func assertCardSection(_ sect: Element, _ where_: String) {
        XCTAssertEqual(sect.role, "/Sect", where_)
        XCTAssertFalse(sect.title?.isEmpty ?? true, "\(where_): the Sect is named after its card")
        XCTAssertEqual(sect.children.first?.role, "/H1", "\(where_) \(sect.title ?? ""): opens with its heading")
        XCTAssertFalse(sect.children.first?.pages.isEmpty ?? true, "\(where_): the heading has content")
        XCTAssertEqual(sect.allPages.count, 1, "\(where_): a card side lies on one page")
        func lists(_ element: Element) {
            if element.role == "/LI" { XCTAssertEqual(element.children.map(\.role), ["/Lbl", "/LBody"], where_) }
            element.children.forEach(lists)
        }
        lists(sect)
    }

    func testPrintShopPDFHasASectionPerPage() throws {
        let objects = try write(["--kind", "printshop"], "drukker.pdf")
        let document = try XCTUnwrap(Self.tree(objects).first)
        XCTAssertEqual(document.role, "/Document")
        let pages = objects.pageRefs
        XCTAssertEqual(document.children.count, pages.count, "one Sect per card side, one side per page")
        for (index, sect) in document.children.enumerated() {
            assertCardSection(sect, "page \(index + 1)")
            XCTAssertEqual(sect.allPages, [pages[index]], "reading order is page order")
            // Front and back of a card are named alike.
            if index % 2 == 1 { XCTAssertEqual(sect.title, document.children[index - 1].title) }
        }
    }

    /// On the duplex sheets, the fronts page and the backs page hold the same cards' Sects in the
    /// same order (the cards' order, not the mirrored positions); the instructions come last.
    func testSheetsHaveASectionPerCardOnEachPageInCardOrder() throws {
        let objects = try write([], "sheets.pdf")
        let document = try XCTUnwrap(Self.tree(objects).first)
        let pages = objects.pageRefs
        XCTAssertGreaterThan(pages.count, 2)
        let sects = document.children.filter { $0.role == "/Sect" }
        var titles: [[String]] = []
        for page in pages.dropLast() {
            let here = sects.filter { $0.allPages.contains(page) }
            XCTAssertFalse(here.isEmpty, "every card page has a Sect per card")
            here.forEach { assertCardSection($0, "sheet page \(titles.count + 1)") }
            titles.append(here.compactMap(\.title))
        }
        for pair in stride(from: 0, to: titles.count - 1, by: 2) {
            XCTAssertEqual(titles[pair], titles[pair + 1], "fronts page \(pair + 1) and its backs page in the same card order")
        }
        // Reading order: each page's Sects together, pages in order.
        let order = sects.compactMap { sect in pages.firstIndex(of: sect.allPages.first ?? "") }
        XCTAssertEqual(order, order.sorted())
        // The instructions page: a heading, the steps as a numbered list.
        let instructions = document.children.filter { $0.allPages.contains(pages.last!) }
        XCTAssertEqual(instructions.first?.role, "/H1")
        XCTAssertTrue(instructions.contains { $0.role == "/L" })
        XCTAssertEqual(sects.count, try write(["--kind", "printshop"], "drukker.pdf").pageRefs.count,
                       "as many card sides as the print shop has pages")
    }
}
