import Foundation
import SwanDiagnostics
internal import CCmark

/// Reads handleiding.md with libcmark. Supported: one "# title", "##"/"###" headings, paragraphs,
/// bullet and numbered lists, **bold**, *italic*, and footnotes written as "[^id]" in the text
/// plus a paragraph "[^id]: text" (plain CommonMark has no footnotes, so they are cut out first).
struct ManualParser {
    let text: String
    let file: String
    let diagnostics: Diagnostics

    private struct Definition { var id: String; var text: String; var line: Int }

    func parse() -> Manual? {
        let (body, definitions) = extractFootnotes()
        var title: String?
        var blocks: [ManualBlock] = []
        var references: [(id: String, line: Int)] = []

        withDocument(body) { document in
            var child = cmark_node_first_child(document)
            while let node = child {
                let line = Int(cmark_node_get_start_line(node))
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HEADING {
                    let level = Int(cmark_node_get_heading_level(node))
                    let text = plainText(inlines(node))
                    if level == 1 {
                        if title == nil && blocks.isEmpty { title = text } else {
                            error(.manualSecondTitle, line: line)
                        }
                    } else {
                        blocks.append(.heading(level: level, text: text))
                    }
                } else if type == CMARK_NODE_PARAGRAPH {
                    let runs = inlines(node)
                    references += runs.compactMap { $0.footnote.map { ($0, line) } }
                    blocks.append(.paragraph(runs))
                } else if type == CMARK_NODE_LIST {
                    let items = listItems(node)
                    references += items.flatMap { $0 }.compactMap { $0.footnote.map { ($0, line) } }
                    blocks.append(cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? .orderedList(items) : .bulletList(items))
                } else {
                    error(.manualUnsupportedBlock, ["element": typeName(node)], line: line)
                }
                child = cmark_node_next(node)
            }
        }

        var footnotes: [Footnote] = []
        for reference in references where !footnotes.contains(where: { $0.id == reference.id }) {
            guard let definition = definitions.first(where: { $0.id == reference.id }) else {
                let (line, column) = position(of: "[^\(reference.id)]", in: body) ?? (reference.line, 1)
                diagnostics.add(.footnoteUndefined, ["id": "\(reference.id)"], at: SourceLocation(file: file, line: line, column: column))
                continue
            }
            var runs: [InlineRun] = []
            withDocument(definition.text) { document in
                if let paragraph = cmark_node_first_child(document) { runs = inlines(paragraph) }
            }
            footnotes.append(Footnote(id: definition.id, mark: String(footnotes.count + 1), text: runs))
        }
        for definition in definitions where !references.contains(where: { $0.id == definition.id }) {
            error(.footnoteUnused, ["id": "\(definition.id)"], line: definition.line)
        }
        guard let title else {
            error(.manualNoTitle, line: 1)
            return nil
        }
        return Manual(title: title, blocks: blocks, footnotes: footnotes, file: file)
    }

    /// Line and column of the first occurrence of a literal in the text (footnote definitions already blanked).
    private func position(of literal: String, in text: String) -> (Int, Int)? {
        guard let range = text.range(of: literal) else { return nil }
        return SourceText.position(of: range.lowerBound, in: text)
    }

    private func error(_ code: DeckCode, _ arguments: [String: MessageArgument] = [:], line: Int) {
        diagnostics.add(code, arguments, at: SourceLocation(file: file, line: max(line, 1), column: 1))
    }

    /// Cuts "[^id]: text" paragraphs out, leaving blank lines so line numbers stay right.
    private func extractFootnotes() -> (String, [Definition]) {
        var lines = text.components(separatedBy: "\n")
        var definitions: [Definition] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("[^"), let close = line.range(of: "]:") else { index += 1; continue }
            let id = String(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound])
            var parts = [String(line[close.upperBound...]).trimmingSpaces()]
            let start = index
            lines[index] = ""
            index += 1
            while index < lines.count, !lines[index].trimmingSpaces().isEmpty {
                parts.append(lines[index].trimmingSpaces())
                lines[index] = ""
                index += 1
            }
            definitions.append(Definition(id: id, text: parts.joined(separator: "\n"), line: start + 1))
        }
        return (lines.joined(separator: "\n"), definitions)
    }

    private func withDocument(_ markdown: String, _ body: (OpaquePointer) -> Void) {
        let bytes = Array(markdown.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
                }
            } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
        }) else { return }
        defer { cmark_node_free(document) }
        body(document)
    }

    private func listItems(_ list: OpaquePointer) -> [[InlineRun]] {
        var items: [[InlineRun]] = []
        var item = cmark_node_first_child(list)
        while let current = item {
            var runs: [InlineRun] = []
            var block = cmark_node_first_child(current)
            while let node = block {
                if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
                    if !runs.isEmpty { runs.append(InlineRun(text: " ")) }
                    runs += inlines(node)
                } else {
                    error(.manualUnsupportedInList, ["element": typeName(node)],
                          line: Int(cmark_node_get_start_line(node)))
                }
                block = cmark_node_next(node)
            }
            items.append(merge(runs))
            item = cmark_node_next(current)
        }
        return items
    }

    /// The inline content of a block as styled runs, with "[^id]" turned into footnote runs.
    private func inlines(_ block: OpaquePointer) -> [InlineRun] {
        var runs: [InlineRun] = []
        collect(block, into: &runs)
        return splitFootnotes(merge(runs))
    }

    /// How deep emphasis and links may nest in one paragraph. Real text nests two or three
    /// deep (bold inside italic); far more is a crafted file, refused with its place.
    static let maximumNesting = 64

    /// Walks the block's inline tree with libcmark's iterator, not by recursion: nesting as
    /// deep as the file is long (`*_*_…`, 40,000 levels in 80 KB) cannot exhaust the stack.
    private func collect(_ block: OpaquePointer, into runs: inout [InlineRun]) {
        guard let iterator = cmark_iter_new(block) else { return }
        defer { cmark_iter_free(iterator) }
        var strong = 0, emphasis = 0, depth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator), node != block else { continue }
            let type = cmark_node_get_type(node)
            let isContainer = type == CMARK_NODE_STRONG || type == CMARK_NODE_EMPH || type == CMARK_NODE_LINK
            if event == CMARK_EVENT_EXIT {
                guard isContainer else { continue }
                depth -= 1
                if type == CMARK_NODE_STRONG { strong -= 1 } else if type == CMARK_NODE_EMPH { emphasis -= 1 }
                continue
            }
            let bold = strong > 0, italic = emphasis > 0
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                runs.append(InlineRun(text: String(cString: cmark_node_get_literal(node)), bold: bold, italic: italic))
            } else if type == CMARK_NODE_SOFTBREAK {
                runs.append(InlineRun(text: " ", bold: bold, italic: italic))
            } else if type == CMARK_NODE_LINEBREAK {
                runs.append(InlineRun(text: "\n", bold: bold, italic: italic))
            } else if isContainer {
                depth += 1
                if depth > Self.maximumNesting {
                    diagnostics.add(.manualTooDeep, ["limit": "\(Self.maximumNesting)"],
                                    at: SourceLocation(file: file, line: max(1, Int(cmark_node_get_start_line(node))),
                                                       column: max(1, Int(cmark_node_get_start_column(node)))))
                    return
                }
                if type == CMARK_NODE_STRONG { strong += 1 } else if type == CMARK_NODE_EMPH { emphasis += 1 }
            } else {
                let parent = cmark_node_parent(node) ?? block
                error(.manualUnsupportedInline, ["element": typeName(node)], line: Int(cmark_node_get_start_line(parent)))
                // Its content is not read (as before): the walk goes on after it.
                if cmark_node_first_child(node) != nil { cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT) }
            }
        }
    }

    private func merge(_ runs: [InlineRun]) -> [InlineRun] {
        var merged: [InlineRun] = []
        for run in runs {
            if let last = merged.last, last.bold == run.bold, last.italic == run.italic, last.footnote == nil, run.footnote == nil {
                merged[merged.count - 1].text += run.text
            } else {
                merged.append(run)
            }
        }
        return merged
    }

    private func splitFootnotes(_ runs: [InlineRun]) -> [InlineRun] {
        var result: [InlineRun] = []
        for run in runs {
            var rest = run.text[...]
            while let open = rest.range(of: "[^"), let close = rest[open.upperBound...].firstIndex(of: "]") {
                let id = String(rest[open.upperBound..<close])
                guard !id.isEmpty, !id.contains(" ") else { break }
                if open.lowerBound > rest.startIndex {
                    result.append(InlineRun(text: String(rest[..<open.lowerBound]), bold: run.bold, italic: run.italic))
                }
                result.append(InlineRun(text: "", bold: run.bold, italic: run.italic, footnote: id))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { result.append(InlineRun(text: String(rest), bold: run.bold, italic: run.italic)) }
        }
        return result
    }

    private func plainText(_ runs: [InlineRun]) -> String { runs.map(\.text).joined() }

    /// libcmark's name of the element ("block_quote"), the same in every language.
    private func typeName(_ node: OpaquePointer) -> MessageArgument {
        let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? "?"
        return "'\(name)'"
    }
}
