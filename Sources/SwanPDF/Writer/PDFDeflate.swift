/// Stream compression with libdeflate (zlib format, as /FlateDecode wants). Levels chosen by
/// measurement (docs/benchmarks.md): content streams are compressed per document at a fast
/// level; font files once per run at the highest level.
import Foundation
import SwanDiagnostics
import SwanLayout
internal import CDeflate

enum PDFDeflate {
    /// Level for streams written per document (content streams).
    static let documentLevel: Int32 = 1
    /// Level for data compressed once per run and reused (font files).
    static let runLevel: Int32 = 6

    static func compress<C: ContiguousBytes>(_ input: C, level: Int32) -> [UInt8] {
        let compressor = Compressors.shared.take(level: level)
        defer { Compressors.shared.give(compressor, level: level) }
        return input.withUnsafeBytes { source -> [UInt8] in
            let bound = libdeflate_zlib_compress_bound(compressor, source.count)
            var out = [UInt8](repeating: 0, count: bound)
            let written = out.withUnsafeMutableBytes { target in
                libdeflate_zlib_compress(compressor, source.baseAddress, source.count, target.baseAddress, bound)
            }
            precondition(written > 0, "libdeflate's bound always fits the output")
            out.removeSubrange(written...)
            return out
        }
    }

    /// Compressors are not thread-safe and cost memory to allocate: a small pool per level.
    /// A compressor taken from the pool is used by one thread until it is given back.
    private final class Compressors: Sendable {
        static let shared = Compressors()
        private let idle = LockedBox([Int32: [OpaquePointer]]())

        func take(level: Int32) -> OpaquePointer {
            if let compressor = idle.withLockedValue({ $0[level]?.popLast() }) { return compressor }
            guard let compressor = libdeflate_alloc_compressor(level) else { fatalError("libdeflate: out of memory") }
            return compressor
        }

        func give(_ compressor: OpaquePointer, level: Int32) {
            idle.withLockedValue { $0[level, default: []].append(compressor) }
        }
    }
}
