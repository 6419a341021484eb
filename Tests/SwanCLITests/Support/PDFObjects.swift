import Foundation
import XCTest

/// A PDF's objects as qpdf reads them (`qpdf --json=2`, streams decoded), for tests of rules
/// that no validator here checks (PDF/A-2/3 and PDF/UA-1 clauses from veraPDF's rule texts).
/// qpdf parses the file, not swan: what the test sees is what a reader sees.
struct PDFObjects {
    /// "obj:N 0 R" -> the object's JSON (`value`, or `stream` with `dict` and `data`).
    let objects: [String: Any]
    let trailer: [String: Any]

    init(_ url: URL) throws {
        let result = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/qpdf"),
                                 ["--json=2", "--json-stream-data=inline", "--decode-level=generalized", url.path, "-"])
        guard result.status == 0 || result.status == 3 else { throw XCTSkip("qpdf --json failed: \(result.stderr)") }
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let parts = json?["qpdf"] as? [Any] ?? []
        let objects = parts.count > 1 ? parts[1] as? [String: Any] ?? [:] : [:]
        self.objects = objects
        trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:]
    }

    /// The dictionary of a reference ("5 0 R") or of an inline dictionary value.
    func dictionary(_ value: Any?) -> [String: Any]? {
        if let inline = value as? [String: Any] { return inline }
        guard let ref = value as? String, ref.hasSuffix(" R") else { return nil }
        guard let object = objects["obj:" + ref] as? [String: Any] else { return nil }
        if let stream = object["stream"] as? [String: Any] { return stream["dict"] as? [String: Any] }
        return object["value"] as? [String: Any]
    }

    func array(_ value: Any?) -> [Any]? {
        if let inline = value as? [Any] { return inline }
        guard let ref = value as? String, ref.hasSuffix(" R"), let object = objects["obj:" + ref] as? [String: Any] else { return nil }
        return object["value"] as? [Any]
    }

    /// A stream's decoded bytes.
    func streamData(_ ref: Any?) -> Data? {
        guard let ref = ref as? String, let object = objects["obj:" + ref] as? [String: Any],
              let stream = object["stream"] as? [String: Any], let data = stream["data"] as? String else { return nil }
        return Data(base64Encoded: data)
    }

    var catalog: [String: Any] { dictionary(trailer["/Root"]) ?? [:] }
    var info: [String: Any] { dictionary(trailer["/Info"]) ?? [:] }

    /// The pages' references ("5 0 R"), in page order.
    var pageRefs: [String] {
        var result: [String] = []
        func walk(_ node: Any?) {
            guard let ref = node as? String, let dict = dictionary(ref) else { return }
            if dict["/Type"] as? String == "/Pages" { (array(dict["/Kids"]) ?? []).forEach(walk) } else { result.append(ref) }
        }
        walk(catalog["/Pages"])
        return result
    }

    var pages: [[String: Any]] {
        var result: [[String: Any]] = []
        func walk(_ node: Any?) {
            guard let dict = dictionary(node) else { return }
            if dict["/Type"] as? String == "/Pages" { (array(dict["/Kids"]) ?? []).forEach(walk) } else { result.append(dict) }
        }
        walk(catalog["/Pages"])
        return result
    }

    /// A text string as qpdf gives it ("u:…").
    static func text(_ value: Any?) -> String? {
        guard let string = value as? String, string.hasPrefix("u:") else { return nil }
        return String(string.dropFirst(2))
    }
}

/// Apache PDFBox Preflight (Debian's libpdfbox2-java), a PDF/A-1b validator: the errors it
/// reports, by code. It knows PDF/A-1 only, so a PDF/A-3 file fails the rules only PDF/A-1 has.
enum Preflight {
    static let jars = ["preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api"]
        .map { "/usr/share/java/\($0).jar" }

    /// The rules of PDF/A-1 that PDF/A-2 and PDF/A-3 dropped or changed: attachments (1.4.7,
    /// 1.2.9), CIDSet for subset CID fonts (3.1.11), the part number (7.11.2), transparency (2.4.x).
    static let onlyPDFA1 = ["1.4.7", "1.2.9", "3.1.11", "7.11.2", "2.4.1", "2.4.2", "2.4.3"]

    static func errors(_ url: URL) throws -> [String] {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/java"),
              jars.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) else {
            throw XCTSkip("PDFBox Preflight is not installed (make test installs libpdfbox2-java)")
        }
        let result = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/java"),
                                 ["-cp", jars.joined(separator: ":"), "org.apache.pdfbox.preflight.Validator_A1b", url.path])
        // "1.4.7 : Trailer Syntax error, …" lines, one per error.
        return result.stdout.split(separator: "\n").map(String.init).filter { $0.range(of: #"^\d+(\.\d+)+ : "#, options: .regularExpression) != nil }
    }
}

/// Checks a content stream's marked content: every painting operator inside a marked-content
/// sequence (an MCID or an /Artifact), sequences balanced (PDF/UA-1 7.1: content is either
/// tagged or an artifact).
enum MarkedContentCheck {
    static let painting: Set<String> = ["f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "Tj", "TJ", "'", "\"", "sh"]

    /// Problems found, as text (empty when the stream keeps the rule).
    static func problems(_ data: Data) -> [String] {
        var problems: [String] = []
        var depth = 0, tagged = 0
        var stack: [Bool] = []  // whether each open sequence is an MCID or artifact
        var previous: [String] = []
        for token in tokens(data) {
            switch token {
            case "BDC":
                let isTag = previous.contains { $0.hasPrefix("<<") && $0.contains("/MCID") } || previous.contains("/Artifact")
                stack.append(isTag); if isTag { tagged += 1 }; depth += 1
            case "BMC":
                let isTag = previous.last == "/Artifact"
                stack.append(isTag); if isTag { tagged += 1 }; depth += 1
            case "EMC":
                guard let last = stack.popLast() else { problems.append("EMC without BDC"); continue }
                if last { tagged -= 1 }; depth -= 1
            case _ where painting.contains(token):
                if tagged == 0 { problems.append("'\(token)' outside tagged content or an artifact") }
            default: break
            }
            previous.append(token)
            if previous.count > 3 { previous.removeFirst() }
        }
        if depth != 0 { problems.append("\(depth) marked-content sequence(s) left open") }
        return problems
    }

    /// Tokens of a content stream: dictionaries as one token, strings and arrays skipped whole.
    static func tokens(_ data: Data) -> [String] {
        let bytes = [UInt8](data)
        var tokens: [String] = []
        var i = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0 }
        while i < bytes.count {
            let b = bytes[i]
            if isSpace(b) { i += 1; continue }
            if b == 0x28 {  // ( string )
                var level = 0
                while i < bytes.count {
                    if bytes[i] == 0x5C { i += 2; continue }
                    if bytes[i] == 0x28 { level += 1 } else if bytes[i] == 0x29 { level -= 1; if level == 0 { i += 1; break } }
                    i += 1
                }
                tokens.append("(string)"); continue
            }
            if b == 0x3C && i + 1 < bytes.count && bytes[i + 1] == 0x3C {  // << dict >>
                let start = i; var level = 0
                while i + 1 < bytes.count {
                    if bytes[i] == 0x3C && bytes[i + 1] == 0x3C { level += 1; i += 2; continue }
                    if bytes[i] == 0x3C {  // a hex string inside the dictionary
                        while i < bytes.count && bytes[i] != 0x3E { i += 1 }
                        i += 1; continue
                    }
                    if bytes[i] == 0x28 {  // a literal string inside the dictionary
                        var depth = 0
                        while i < bytes.count {
                            if bytes[i] == 0x5C { i += 2; continue }
                            if bytes[i] == 0x28 { depth += 1 } else if bytes[i] == 0x29 { depth -= 1; if depth == 0 { i += 1; break } }
                            i += 1
                        }
                        continue
                    }
                    if bytes[i] == 0x3E && bytes[i + 1] == 0x3E { level -= 1; i += 2; if level == 0 { break }; continue }
                    i += 1
                }
                tokens.append(String(decoding: bytes[start..<i], as: UTF8.self)); continue
            }
            if b == 0x3C { while i < bytes.count && bytes[i] != 0x3E { i += 1 }; i += 1; tokens.append("<hex>"); continue }
            if b == 0x5B || b == 0x5D { tokens.append(String(UnicodeScalar(b))); i += 1; continue }
            let start = i
            i += 1
            while i < bytes.count && !isSpace(bytes[i]) && ![0x28, 0x3C, 0x5B, 0x5D, 0x2F].contains(bytes[i]) { i += 1 }
            tokens.append(String(decoding: bytes[start..<i], as: UTF8.self))
        }
        return tokens
    }
}
