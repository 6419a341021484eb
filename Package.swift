// swift-tools-version:6.0
import PackageDescription
import Foundation

// System libraries: one target per C library, found with pkg-config, installed by the Makefile.
let systemLibraries: [Target] = [
    .systemLibrary(name: "CCairo", pkgConfig: "cairo",
                   providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
    .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz",
                   providers: [.apt(["libharfbuzz-dev"]), .brew(["harfbuzz"])]),
    .systemLibrary(name: "CFreeType", pkgConfig: "freetype2",
                   providers: [.apt(["libfreetype-dev"]), .brew(["freetype"])]),
    // libhyphen ships no .pc file: the module map links it directly.
    .systemLibrary(name: "CHyphen",
                   providers: [.apt(["libhyphen-dev", "hyphen-nl"]), .brew(["hyphen"])]),
    .systemLibrary(name: "CCmark", pkgConfig: "libcmark",
                   providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]),
    .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf",
                   providers: [.apt(["libqpdf-dev"]), .brew(["qpdf"])]),
    // The native PDF writer: font subsets with HarfBuzz's hb-subset, streams deflated with libdeflate.
    .systemLibrary(name: "CHarfBuzzSubset", pkgConfig: "harfbuzz-subset",
                   providers: [.apt(["libharfbuzz-dev"]), .brew(["harfbuzz"])]),
    .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate",
                   providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]),
    // Scripts beyond Latin (issue 16): the Unicode Bidirectional Algorithm by FriBidi, UAX #14
    // line-break opportunities by libunibreak (the fallback faces: SwanLayout/Fonts/FontFallback).
    // Previews: PNG written by libpng with a chosen zlib level and row filter (PNGEncoder, C).
    .systemLibrary(name: "CPNG", pkgConfig: "libpng",
                   providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
    .systemLibrary(name: "CFriBidi", pkgConfig: "fribidi",
                   providers: [.apt(["libfribidi-dev"]), .brew(["fribidi"])]),
    .systemLibrary(name: "CUnibreak", pkgConfig: "libunibreak",
                   providers: [.apt(["libunibreak-dev"]), .brew(["libunibreak"])]),
    // The print-shop file in CMYK (issue 28): colours converted through ICC profiles by LittleCMS.
    .systemLibrary(name: "CLCMS", pkgConfig: "lcms2",
                   providers: [.apt(["liblcms2-dev"]), .brew(["little-cms2"])]),
]

let package = Package(
    name: "swan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "swan", targets: ["swan"]),
        // Benchmarks (make bench): times the swan CLI and Typst as the peer.
        .executable(name: "swan-bench", targets: ["SwanBench"]),
        // libqpdf's part of swan, opened with dlopen on first use (SwanQPDF): libswanqpdf.so
        // (.dylib on macOS) beside the binary, PREFIX/lib/swan when installed. Built by `make`.
        .library(name: "swanqpdf", type: .dynamic, targets: ["SwanQPDFLibrary"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Only for the test that reads Swift string literals (no deck wording in Swift).
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "602.0.0"),
    ],
    targets: systemLibraries + [
        // Diagnostics: the one error/warning type of every layer, its printer, and the message
        // catalogues (Messages/<language>.txt) that word it in the user's language; the one lock
        // (LockedBox) and the one fan-out over cores (concurrentMap). No dependencies.
        .target(name: "SwanDiagnostics"),
        // The one safe write path (temporary file, checked writes, fsync, rename), input reading
        // with limits, and file-system errors in plain words. Foundation and diagnostics only.
        .target(name: "SwanIO", dependencies: ["SwanDiagnostics"]),
        // Layout (typst-layout): geometry, colour values, fonts, shaping, hyphenation, line
        // breaking, text boxes, and the neutral page model every exporter consumes.
        .target(name: "SwanLayout",
                dependencies: ["SwanDiagnostics", "SwanIO", "CHarfBuzz", "CHyphen", "CFriBidi", "CUnibreak"]),
        // The native PDF writer (typst-pdf): the page model to PDF bytes, with tags, AcroForm
        // fields, PDF/A and PDF/X (CMYK by LittleCMS); fonts subset by hb-subset, streams by libdeflate.
        .target(name: "SwanPDF",
                dependencies: ["SwanDiagnostics", "SwanIO", "SwanLayout", "CHarfBuzz", "CHarfBuzzSubset", "CDeflate", "CLCMS"]),
        // Drawing with cairo (typst-render): PNG previews and the second PDF writer
        // (`--pdf-writer cairo`, the reference of the parity tests, post-processed by qpdf).
        // It depends on SwanPDF for two small value types only, PDFDate and PDFNumber, and on
        // purpose: the cairo file's dates and outline positions must be written in the native
        // writer's PDF syntax, byte for byte, for the parity tests, and PDF syntax belongs in the
        // PDF target, not in SwanLayout (which knows no file format). SwanPDF links no cairo, so
        // the graph stays one-way: SwanLayout <- SwanPDF <- SwanRender.
        .target(name: "SwanRender",
                dependencies: ["SwanDiagnostics", "SwanIO", "SwanLayout", "SwanPDF", "CCairo", "CFreeType", "SwanQPDF", "CSwanQPDF", "PNGEncoder"]),
        // Reading PDFs: a filled form's fields and an archive's attached session file, within budgets.
        .target(name: "SwanPDFReading", dependencies: ["SwanDiagnostics", "SwanIO", "SwanLayout", "SwanQPDF", "CSwanQPDF"]),
        // libqpdf, loaded on first use (issue 33): linked, it cost ~3 ms of every process. No
        // swan target links it: libswanqpdf (the dynamic product above) holds every qpdf call,
        // reading PDFs with budgets (issue 26: libqpdf's C++ API, decoding through a pipeline
        // that counts and stops, the field tree walked without recursion) and finishing cairo's
        // PDFs; swan reaches it through CSwanQPDF's function table and dlopen loader, cached by
        // SwanQPDF (its errors worded by the catalogues).
        // The library is C and C++ only, but SwiftPM links it with swiftc, which would add the Swift
        // runtime's start-up object and a NEEDED libswiftCore.so (a second, dynamic runtime in a
        // process that links it statically, from the toolchain's folder): no start files, and the
        // static runtime, of which nothing is referenced, so nothing is taken.
        .target(name: "SwanQPDFLibrary", dependencies: ["CSwanQPDF", "CQPDF"],
                linkerSettings: [.unsafeFlags(["-nostartfiles", "-static-stdlib"], .when(platforms: [.linux]))]),
        .target(name: "CSwanQPDF", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "SwanQPDF", dependencies: ["SwanLayout", "CSwanQPDF"]),
        // libpng reports errors by longjmp: the encoder stays in C (see its header).
        .target(name: "PNGEncoder", dependencies: ["CPNG"]),
        // Deck definitions: the model of a deck and the parser of its Templates/ folder.
        .target(name: "SwanDeck",
                dependencies: ["SwanDiagnostics", "SwanIO", .product(name: "Yams", package: "Yams"), "CCmark"]),
        // Session files: the record of one case discussion, decoded and validated.
        .target(name: "SwanSession", dependencies: ["SwanDiagnostics", "SwanIO"]),
        // Documents: cards, sheets, forms, handleiding, filled invulblad, laid out as pages.
        .target(name: "SwanDocuments", dependencies: ["SwanDiagnostics", "SwanIO", "SwanLayout", "SwanDeck", "SwanSession"]),
        // The application layer: files, folders, threads and the environment (archive, previews
        // folder, finding the default deck and its fonts, the exporters of a run), between the documents
        // and the command line.
        .target(name: "SwanApp", dependencies: ["SwanDiagnostics", "SwanIO", "SwanLayout", "SwanPDF", "SwanRender", "SwanPDFReading",
                                               "SwanDeck", "SwanSession", "SwanDocuments",
                                               .product(name: "Crypto", package: "swift-crypto")]),
        // The command-line tool: a thin layer over the libraries.
        .executableTarget(name: "swan",
                          dependencies: ["SwanDiagnostics", "SwanIO", "SwanApp", "SwanDocuments", "SwanDeck", "SwanSession", "SwanLayout",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Helpers shared by the test targets (package paths, temporary folders, PDF tools, PNG pixels,
        // the exporters tests write with, the engine the layout tests set text with).
        .target(name: "SwanTestSupport", dependencies: ["CCairo", "SwanDiagnostics", "SwanIO", "SwanLayout", "SwanPDF", "SwanRender"], path: "Tests/SwanTestSupport"),
        .testTarget(name: "SwanDiagnosticsTests",
                    dependencies: ["SwanDiagnostics", "SwanDeck", "SwanSession", "SwanLayout", "SwanPDF", "SwanRender", "SwanPDFReading",
                                   "SwanDocuments", "SwanIO", "SwanApp"]),
        // One test target per library of the pipeline: layout, PDF writing, cairo drawing, PDF reading.
        .testTarget(name: "SwanLayoutTests", dependencies: ["SwanDiagnostics", "SwanLayout", "SwanTestSupport"]),
        .testTarget(name: "SwanPDFTests", dependencies: ["SwanLayout", "SwanPDF", "SwanTestSupport"]),
        .testTarget(name: "SwanRenderTests", dependencies: ["SwanIO", "SwanLayout", "SwanRender", "SwanTestSupport"]),
        .testTarget(name: "SwanPDFReadingTests", dependencies: ["SwanLayout", "SwanPDFReading"]),
        .testTarget(name: "SwanDeckTests",
                    dependencies: ["SwanDeck", "SwanDiagnostics", "SwanTestSupport", .product(name: "Yams", package: "Yams"),
                                   .product(name: "SwiftSyntax", package: "swift-syntax"),
                                   .product(name: "SwiftParser", package: "swift-syntax")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "SwanIOTests", dependencies: ["SwanIO"]),
        .testTarget(name: "SwanSessionTests", dependencies: ["SwanSession", "SwanDiagnostics", "SwanIO", "SwanTestSupport"]),
        .testTarget(name: "SwanDocumentsTests", dependencies: ["SwanDiagnostics", "SwanIO", "SwanApp", "SwanDocuments", "SwanDeck", "SwanLayout", "SwanPDF", "SwanRender",
                                                         "SwanPDFReading", "SwanSession", "SwanTestSupport"]),
        .testTarget(name: "SwanCLITests", dependencies: ["SwanDeck", "SwanDiagnostics", "SwanTestSupport"]),
        // Benchmarks and hostile input (issue 7): swan-bench, and property tests with fuzz regressions.
        .executableTarget(name: "SwanBench", dependencies: ["SwanDeck", "SwanSession"], exclude: ["typst"]),
        // One deck fuzz input (which file it replaces, load, decode the layouts): shared by the
        // fuzzer (make fuzz) and the regression tests.
        .target(name: "SwanFuzzHarness", dependencies: ["SwanDeck", "SwanDiagnostics", "SwanDocuments", "SwanApp"], path: "Tests/SwanFuzzHarness"),
        .testTarget(name: "SwanPropertyTests",
                    dependencies: ["SwanDiagnostics", "SwanIO", "SwanDocuments", "SwanDeck", "SwanLayout", "SwanPDF", "SwanRender", "SwanApp", "SwanSession",
                                   "SwanTestSupport", "SwanFuzzHarness"],
                    exclude: ["Regressions"]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (make fuzz): only with SWAN_FUZZ=1, built with -sanitize=fuzzer into .build-fuzz,
// so that a plain `swift build` / `swift test` never sees them.
if ProcessInfo.processInfo.environment["SWAN_FUZZ"] == "1" {
    package.targets += [
        .executableTarget(name: "FuzzDeck", dependencies: ["SwanFuzzHarness"], path: "Tests/Fuzz/FuzzDeck"),
        .executableTarget(name: "FuzzSession", dependencies: ["SwanSession", "SwanDiagnostics"], path: "Tests/Fuzz/FuzzSession"),
        .executableTarget(name: "FuzzImport", dependencies: ["SwanFuzzHarness", "SwanDocuments", "SwanDiagnostics"], path: "Tests/Fuzz/FuzzImport"),
    ]
    package.products += [
        .executable(name: "fuzz-deck", targets: ["FuzzDeck"]),
        .executable(name: "fuzz-session", targets: ["FuzzSession"]),
        .executable(name: "fuzz-import", targets: ["FuzzImport"]),
    ]
}

// SwiftPM's own settings: every import internal unless a file says `package import`, so a
// target's dependencies do not leak into the targets above it.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("InternalImportsByDefault")]
}
