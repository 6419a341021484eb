/// One folder per test process under the system's temporary folder, holding every folder a test
/// makes, removed when the process exits: test runs leave nothing behind in /tmp (thousands of
/// folders a day otherwise). SWAN_KEEP_TEST_FILES=1 keeps it to look at after a failure.
package import Foundation

package enum TestProcessFolder {
    package static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swan-tests-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["SWAN_KEEP_TEST_FILES"] == nil {
            atexit { try? FileManager.default.removeItem(at: TestProcessFolder.root) }
        }
        return root
    }()

    /// A new, empty folder named `prefix-UUID` in the process's folder.
    package static func make(_ prefix: String) -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
