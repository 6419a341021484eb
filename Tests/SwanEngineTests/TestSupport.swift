import Foundation
import XCTest
import SwanTestSupport
@testable import SwanLayout

/// Shared fixtures: only the fonts committed in the repository.
enum TestSupport {
    static let fontFiles = FontFiles.notoSans(in: PackagePaths.fonts)
    static let engine: Engine = try! Engine(fonts: fontFiles, noHyphenation: ["SWAN"])

    static func temporaryDirectory() -> URL { TemporaryFolder.make("swan-engine") }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Tool.run(tool, arguments)
    }
}
