/// One document of a command (`swan invulblad`, `checklist`, `handleiding`, `overzicht`, `watch`):
/// the output checked before the document is made (OutputPath: never over an input), the
/// document made, exported with the run's PDF writer and written through the safe write path.
import Foundation
import SwanDiagnostics
import SwanDocuments
import SwanLayout

package enum SingleDocument {
    /// `read` first reads an input (a session) that the output may be named after; returns where
    /// the document went.
    package static func write<Input>(_ context: DocumentContext, exporters: Exporters, read: (DocumentContext) throws -> Input,
                                     output: (Input, DocumentContext) throws -> String,
                                     permissions: Int? = nil, inputs: [URL] = [], diagnostics: Diagnostics,
                                     _ make: (Input, DocumentContext, Diagnostics) throws -> Document) throws -> OutputPath {
        let input = try read(context)
        let target = try OutputPath.prepare(try output(input, context), inputs: inputs)
        let document = try make(input, context, diagnostics)
        try target.write(try exporters.pdf.export(document), permissions: permissions)
        return target
    }
}
