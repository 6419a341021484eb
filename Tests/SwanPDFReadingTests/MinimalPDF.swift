/// Small PDFs written byte by byte for the reader's tests: each object as given, with a correct
/// cross-reference table, so qpdf reads them without repairing anything.
import Foundation

enum MinimalPDF {
    /// `objects[i]` is the body of object i + 1 (`<< … >>`, or a dictionary and its stream);
    /// object 1 is the catalog.
    static func make(_ objects: [String]) -> Data {
        var bytes = Data("%PDF-1.7\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(bytes.count)
            bytes.append(Data("\(index + 1) 0 obj\n\(body)\nendobj\n".utf8))
        }
        let xref = bytes.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        bytes.append(Data(table.utf8))
        return bytes
    }

    /// A catalog with one empty page and `extra` catalog entries (objects 1 to 3 taken).
    static func withPage(catalog extra: String = "", more: [String] = []) -> Data {
        make(["<< /Type /Catalog /Pages 2 0 R \(extra) >>",
              "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
              "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"] + more)
    }

    /// A PDF text string in UTF-16BE with its byte order mark, as hex.
    static func utf16(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }
}
