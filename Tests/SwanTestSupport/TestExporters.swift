/// The exporters tests write with, as a run has them (SwanApp's `Exporters`): one native writer
/// for the whole test process, so its font subsets are shared as in a run, and cairo's PNG renderer.
package import Foundation
import SwanIO
package import SwanLayout
package import SwanPDF
package import SwanRender

package enum TestExporters {
    package static let native = NativePDFExporter()
    /// The default PDF writer.
    package static var pdf: any DocumentExporter { native }
    package static var png: PNGRenderer { PNGRenderer() }
}

extension PNGRenderer {
    /// Renders `page` at `dpi` and writes it through the safe write path (the application writes
    /// its previews as a set: PreviewFolder, FileSet).
    package func write(_ page: Page, to url: URL, dpi: Double = 150) throws {
        try AtomicFile.write(try data(page, dpi: dpi), to: url)
    }
}
