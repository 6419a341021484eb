/// One document of a command (`swan invulblad`, `checklist`, `handleiding`, `overzicht`, `watch`):
/// the output checked before the document is made (OutputPath: never over an input), the
/// document made, exported with the run's PDF writer and written through the safe write path.
package import Foundation
package import SwanDiagnostics
package import SwanDocuments
package import SwanLayout

package enum SingleDocument {
    /// `read` first reads an input (a session) that the output may be named after; returns where
    /// the document went, with a warning for each standard the document asked for that its file
    /// does not claim (said once, placed at the file).
    package static func write<Input>(_ context: DocumentContext, exporters: Exporters, read: (DocumentContext) throws -> Input,
                                     output: (Input, DocumentContext) throws -> String,
                                     permissions: Int? = nil, inputs: [URL] = [], diagnostics: Diagnostics,
                                     _ make: (Input, DocumentContext, Diagnostics) throws -> Document) throws -> Warned<OutputPath> {
        let input = try read(context)
        let target = try OutputPath.prepare(try output(input, context), inputs: inputs)
        let document = try make(input, context, diagnostics)
        let file = try exporters.pdf.exported(document)
        try target.write(file.data, permissions: permissions)
        guard case .file(let url) = target else { return Warned(target, warnings: file.dropped) }
        return Warned(target, warnings: file.dropped.map { $0.placed(at: SourceLocation(file: url.relativePath)) })
    }
}
