/// Bytes cairo writes through its stream callback, collected in memory.
import Foundation
import SwanLayout
internal import CCairo

final class ByteSink {
    var data = Data()

    /// A cairo_write_func_t: `closure` is an unretained ByteSink that outlives the surface.
    static let cairoWrite: cairo_write_func_t = { closure, bytes, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if let bytes, length > 0 { sink.data.append(bytes, count: Int(length)) }
        return CAIRO_STATUS_SUCCESS
    }
}
