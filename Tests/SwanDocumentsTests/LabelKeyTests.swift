import Foundation
import XCTest
import SwanDeck
import SwanDocuments
import SwanTestSupport

/// The typed label keys (LabelKey): each is in the shipped deck's labels.yaml and in the English
/// fixture deck's, and each is listed by a registry entry, so `swan check` checks it.
final class LabelKeyTests: XCTestCase {
    func testEveryTypedKeyIsInLabelsYAML() throws {
        XCTAssertGreaterThan(LabelKey.declared.count, 20)
        XCTAssertEqual(Set(LabelKey.declared).count, LabelKey.declared.count, "each key declared once")
        for folder in [PackagePaths.defaultDeck, PackagePaths.root.appendingPathComponent("Tests/SwanDeckTests/Fixtures/english")] {
            let labels = try DeckLoader.load(from: folder).labels
            XCTAssertTrue(labels.file.hasSuffix("labels.yaml"), labels.file)
            for key in LabelKey.declared {
                XCTAssertNotNil(labels[key.name], "\(key.name) is not in \(folder.lastPathComponent)'s labels.yaml")
            }
        }
    }

    func testEveryTypedKeyIsListedByARegistryEntry() {
        let listed = Set(DocumentRegistry.documents.flatMap(\.labels))
        for key in LabelKey.declared { XCTAssertTrue(listed.contains(key), "no registry entry lists \(key.name)") }
    }

    /// Optional keys (`optionalLabel`) are in no entry's list: `swan check` must not ask a deck for them.
    func testOptionalKeysAreListedByNoEntry() {
        let listed = Set(DocumentRegistry.documents.flatMap(\.labels))
        XCTAssertFalse(LabelKey.optional.isEmpty)
        for key in LabelKey.optional {
            XCTAssertFalse(listed.contains(key), "\(key.name) is optional but listed by an entry")
            XCTAssertFalse(LabelKey.declared.contains(key), "\(key.name) is both optional and required")
        }
    }
}
