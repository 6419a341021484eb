import Foundation
import XCTest
import SwanDiagnostics

/// The shipped catalogues: every code has a message in every language, with the same placeholders.
final class CatalogueTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Messages")

    func testTheCatalogueFolderIsFoundFromThePackage() throws {
        let package = Self.folder.deletingLastPathComponent()
        let found = try XCTUnwrap(CatalogueFolder.find(environment: [:], currentDirectory: package, executable: nil))
        XCTAssertEqual(found.standardizedFileURL.path, Self.folder.standardizedFileURL.path)
        // From elsewhere, by the program's path: a build inside the package, or PREFIX/bin/swan.
        let elsewhere = URL(fileURLWithPath: "/")
        let built = try XCTUnwrap(CatalogueFolder.find(environment: [:], currentDirectory: elsewhere,
                                                       executable: package.appendingPathComponent(".build/release/swan")))
        XCTAssertEqual(built.standardizedFileURL.path, Self.folder.standardizedFileURL.path)
        XCTAssertNil(CatalogueFolder.find(environment: [:], currentDirectory: elsewhere, executable: nil))
    }

    func testEveryCodeHasAnEntryInEveryCatalogueWithTheSamePlaceholders() throws {
        let catalogues = Language.allCases.map { Catalogue.load($0, from: Self.folder) }
        for catalogue in catalogues {
            XCTAssertEqual(catalogue.duplicates, [], "\(catalogue.language.rawValue).txt defines codes twice")
            let missing = AllCodes.codes.subtracting(catalogue.entries.keys).sorted()
            XCTAssertEqual(missing, [], "codes without a message in \(catalogue.language.rawValue).txt")
            let unknown = Set(catalogue.entries.keys).subtracting(AllCodes.codes).sorted()
            XCTAssertEqual(unknown, [], "messages in \(catalogue.language.rawValue).txt for codes no code declares")
        }
        let english = catalogues[0]
        for catalogue in catalogues.dropFirst() {
            for (code, template) in english.entries.sorted(by: { $0.key < $1.key }) {
                guard let translated = catalogue.entries[code] else { continue }
                XCTAssertEqual(Catalogue.placeholders(in: translated), Catalogue.placeholders(in: template),
                               "placeholders of '\(code)' in \(catalogue.language.rawValue).txt")
            }
        }
    }

    func testTheDutchCatalogueIsDutch() {
        let dutch = Catalogue.load(.dutch, from: Self.folder)
        XCTAssertEqual(dutch.word(.error), "fout")
        XCTAssertEqual(dutch.word(.warning), "waarschuwing")
    }
}
