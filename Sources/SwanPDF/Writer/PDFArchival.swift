/// What an archive-grade PDF carries beyond its pages (ISO 19005-3, ISO 14289-1): the XMP
/// metadata packet in step with the document info, the sRGB output intent, and embedded files
/// as associated files. See docs/pdf-archive.md for the clauses and how each is met.
import Foundation
import SwanDiagnostics
import SwanIO
import SwanLayout
internal import CDeflate

enum PDFArchival {
    /// The sRGB ICC profile (v2) that Debian's icc-profiles-free installs; PDF/A needs an output
    /// intent because the pages use DeviceRGB.
    static let iccProfilePaths = ["/usr/share/color/icc/sRGB.icc", "/usr/share/color/icc/free/sRGB.icc",
                                  "/opt/homebrew/share/color/icc/sRGB.icc", "/usr/local/share/color/icc/sRGB.icc"]

    /// `path` (SWAN_ICC_PROFILE, read by the application's Workplace) first, then the installed ones.
    static func iccProfile(path: String?) throws -> [UInt8] {
        let candidates = (path.map { [$0] } ?? []) + iccProfilePaths
        for path in candidates {
            if let data = FileManager.default.contents(atPath: path), data.count > 128 {
                RunInputs.shared.record(path)
                return Array(data)
            }
        }
        throw EngineError.coded(.sRGBProfileMissing, [:])
    }

    /// The sRGB profile, read and compressed once per run: every archived document carries the
    /// same bytes.
    private static let compressedProfiles = CompressedProfiles()

    private final class CompressedProfiles: Sendable {
        private let profiles = LockedBox([String: [UInt8]]())

        func profile(path: String?) throws -> [UInt8] {
            try profiles.withLockedValue { profiles in
                if let made = profiles[path ?? ""] { return made }
                let made = PDFDeflate.compress(try iccProfile(path: path), level: PDFDeflate.runLevel)
                profiles[path ?? ""] = made
                return made
            }
        }
    }

    /// The XMP packet: Dublin Core title/creator/description, xmp dates and tool, pdf producer and
    /// keywords (the same values as /Info), the PDF/A and PDF/UA identification, and the
    /// extension schema PDF/A requires for the pdfuaid namespace.
    /// `printed`: a PDF/X-4 file (ISO 15930-7): its version, trapping, and the xmpMM identifiers.
    static func xmp(_ info: DocumentInfo, language: String?, producer: String, conformance: Conformance, printed: Bool = false) -> [UInt8] {
        let date = PDFDate.iso8601(info.creationDate)
        let lang = language.map(escape) ?? "x-default"
        var rdf = """
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:format>application/pdf</dc:format>
        <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(escape(info.title))</rdf:li>\(language != nil ? "<rdf:li xml:lang=\"\(lang)\">\(escape(info.title))</rdf:li>" : "")</rdf:Alt></dc:title>

        """
        if let author = info.author { rdf += "<dc:creator><rdf:Seq><rdf:li>\(escape(author))</rdf:li></rdf:Seq></dc:creator>\n" }
        if let subject = info.subject {
            rdf += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(subject))</rdf:li></rdf:Alt></dc:description>\n"
        }
        if let language { rdf += "<dc:language><rdf:Bag><rdf:li>\(escape(language))</rdf:li></rdf:Bag></dc:language>\n" }
        rdf += """
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
        <xmp:CreateDate>\(date)</xmp:CreateDate>
        <xmp:ModifyDate>\(date)</xmp:ModifyDate>
        <xmp:MetadataDate>\(date)</xmp:MetadataDate>
        <xmp:CreatorTool>\(escape(info.creator))</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
        <pdf:Producer>\(escape(producer))</pdf:Producer>
        \(info.keywords.map { "<pdf:Keywords>\(escape($0))</pdf:Keywords>" } ?? "")\(printed ? "\n<pdf:Trapped>False</pdf:Trapped>" : "")
        </rdf:Description>

        """
        if printed {
            rdf += """
            <rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
            <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
            <xmpMM:DocumentID>\(documentID(info))</xmpMM:DocumentID>
            <xmpMM:VersionID>1</xmpMM:VersionID>
            <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
            </rdf:Description>

            """
        }
        if conformance.contains(.pdfA3a) {
            rdf += """
            <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
            <pdfaid:part>3</pdfaid:part>
            <pdfaid:conformance>A</pdfaid:conformance>
            </rdf:Description>

            """
        }
        if conformance.contains(.pdfUA1) {
            rdf += """
            <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
            </rdf:Description>

            """
            if conformance.contains(.pdfA3a) { rdf += pdfuaExtensionSchema }
        }
        let packet = """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        \(rdf)</rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """
        return Array(packet.utf8)
    }

    /// PDF/A (ISO 19005-2, 6.6.2.3) accepts only predefined XMP schemas unless a schema is
    /// described in the packet: pdfuaid is not predefined, so it is described here.
    private static let pdfuaExtensionSchema = """
    <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
    <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
    <pdfaProperty:name>part</pdfaProperty:name>
    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
    <pdfaProperty:category>internal</pdfaProperty:category>
    <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
    </rdf:li></rdf:Seq></pdfaSchema:property>
    </rdf:li></rdf:Bag></pdfaExtension:schemas>
    </rdf:Description>

    """

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // XML 1.0 has no way to write most control characters: they are left out of the metadata.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Writes the output intent (sRGB) and returns its reference.
    static func writeOutputIntent(profilePath: String?, into w: inout PDFSerializer) throws -> PDFRef {
        let profile = try compressedProfiles.profile(path: profilePath)
        let stream = w.allocate(), intent = w.allocate()
        w.stream(stream, dictionary: { $0.raw("/N 3/Filter/FlateDecode") }, data: profile)
        w.object(intent) { w in
            w.raw("<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier(sRGB IEC61966-2.1)")
            w.raw("/RegistryName(http://www.color.org)/Info(sRGB IEC61966-2.1)/DestOutputProfile "); w.ref(stream); w.raw(">>")
        }
        return intent
    }

    /// Writes the PDF/X output intent (the press's CMYK profile) and returns its reference.
    static func writePrintIntent(_ condition: PrintCondition, into w: inout PDFSerializer) -> PDFRef {
        let stream = w.allocate(), intent = w.allocate()
        w.stream(stream, dictionary: { $0.raw("/N 4/Filter/FlateDecode") },
                 data: PDFDeflate.compress(condition.profile, level: PDFDeflate.runLevel))
        w.object(intent) { w in
            w.raw("<</Type/OutputIntent/S/GTS_PDFX/OutputConditionIdentifier "); w.textString(condition.identifier)
            w.raw("/OutputCondition "); w.textString(condition.description)
            w.raw("/RegistryName "); w.textString(condition.registry)
            w.raw("/Info "); w.textString(condition.description)
            w.raw("/DestOutputProfile "); w.ref(stream); w.raw(">>")
        }
        return intent
    }

    /// A document identifier from what the document is (title and date), not from the clock:
    /// the same document keeps it, as its bytes stay the same.
    static func documentID(_ info: DocumentInfo) -> String {
        let bytes = Array((info.title + "\u{0}" + PDFDate.iso8601(info.creationDate)).utf8)
        let (a, b) = bytes.withUnsafeBytes { (UInt32(libdeflate_crc32(0, $0.baseAddress, $0.count)),
                                              UInt32(libdeflate_adler32(1, $0.baseAddress, $0.count))) }
        let hex = String(format: "%08x%08x%08x%08x", a, b, a ^ 0x5A5A_5A5A, b ^ 0xA5A5_A5A5)
        let c = Array(hex)
        return "uuid:" + [String(c[0..<8]), String(c[8..<12]), String(c[12..<16]), String(c[16..<20]), String(c[20..<32])].joined(separator: "-")
    }

    /// Writes each attachment as an EmbeddedFile stream with its Filespec; returns the
    /// Filespecs (for /AF) with their names (for the EmbeddedFiles name tree).
    static func writeAttachments(_ attachments: [Attachment], into w: inout PDFSerializer) -> [(name: String, spec: PDFRef)] {
        var specs: [(name: String, spec: PDFRef)] = []
        for attachment in attachments {
            let file = w.allocate(), spec = w.allocate()
            let bytes = [UInt8](attachment.data)
            let date = PDFDate.pdf(attachment.modified)
            w.stream(file, dictionary: { w in
                w.raw("/Type/EmbeddedFile/Subtype/"); w.raw(nameEscaped(attachment.mediaType))
                w.raw("/Params<</Size "); w.int(bytes.count); w.raw("/ModDate "); w.textString(date); w.raw(">>/Filter/FlateDecode")
            }, data: PDFDeflate.compress(bytes, level: PDFDeflate.runLevel))
            w.object(spec) { w in
                w.raw("<</Type/Filespec/F "); w.textString(attachment.name); w.raw("/UF "); w.textString(attachment.name)
                w.raw("/Desc "); w.textString(attachment.description)
                w.raw("/AFRelationship/"); w.raw(attachment.relationship.rawValue)
                w.raw("/EF<</F "); w.ref(file); w.raw("/UF "); w.ref(file); w.raw(">>>>")
            }
            specs.append((attachment.name, spec))
        }
        return specs
    }

    /// A name's characters outside the regular ones written as #xx (ISO 32000-1 7.3.5).
    /// The hex digits written from a table, not with `String(format:)` (Foundation's formatter,
    /// per document).
    static func nameEscaped(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte > 0x20 && byte < 0x7F && !"#()<>[]{}/%".utf8.contains(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "#"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
