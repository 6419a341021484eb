import Foundation
import XCTest

/// The bash completion `make install` puts in place completes file and folder names where a
/// command takes a file or a folder: run by bash itself, as on a user's machine.
final class CompletionTests: XCTestCase {
    /// What bash offers for the last word of `words` (an empty last word: a Tab after a space);
    /// bash calls the function with the command, the word and the word before it.
    private func completions(_ words: [String], in folder: URL) throws -> [String] {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { throw XCTSkip("no bash") }
        let script = try CLI.run(["--generate-completion-script", "bash"], environment: ["LC_ALL": "C"])
        XCTAssertEqual(script.status, 0, script.stderr)
        let file = folder.appendingPathComponent(".swan-completion.bash")
        try Data(script.stdout.utf8).write(to: file)
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let line = words.joined(separator: " ")
        let program = """
            source '\(file.path)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _swan swan '\(words[words.count - 1])' '\(words[words.count - 2])'
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try CLI.run(program: URL(fileURLWithPath: "/bin/bash"), ["-c", program], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\n").map(String.init).sorted()
    }

    private func folderWithFiles() throws -> URL {
        let folder = CLI.temporaryDirectory()
        for name in ["sessie.json", "ingevuld.pdf", "notities.txt"] { try Data().write(to: folder.appendingPathComponent(name)) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("kaartset"), withIntermediateDirectories: true)
        return folder
    }

    func testFolderOptionsCompleteFolders() throws {
        let folder = try folderWithFiles()
        XCTAssertEqual(try completions(["swan", "check", "--templates", ""], in: folder), ["kaartset"])
        XCTAssertEqual(try completions(["swan", "archive", "x", "--out", "k"], in: folder), ["kaartset"])
        XCTAssertEqual(try completions(["swan", "verify", ""], in: folder), ["kaartset"])
    }

    func testFileArgumentsCompleteTheirFilesAndFolders() throws {
        let folder = try folderWithFiles()
        XCTAssertEqual(try completions(["swan", "invulblad", ""], in: folder), ["kaartset", "sessie.json"])
        XCTAssertEqual(try completions(["swan", "import", ""], in: folder), ["ingevuld.pdf", "kaartset"])
        XCTAssertEqual(try completions(["swan", "archive", ""], in: folder), ["ingevuld.pdf", "kaartset", "sessie.json"])
        XCTAssertEqual(try completions(["swan", "handleiding", "-o", "n"], in: folder), ["notities.txt"])
    }
}
