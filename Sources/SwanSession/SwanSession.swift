/// Session files: the record of one case discussion, decoded and validated against a deck.
///
/// Entry points:
/// - `SessionDecoder.decode(_:source:vocabulary:)` reads and validates a session file,
///   throwing a `DiagnosticError` with every problem found.
/// - `Session.encodeJSON()` writes a session back (sorted keys, pretty printed).
/// - `SessionFile` reads and writes session files on disk (owner-only permissions).
/// - `SessionGenerator.make(seed:longField:)` makes valid sessions for benchmarks and fuzzing.
