/// The safe write path (AtomicFile, FileError) lives in SwanIO, a Foundation-only module that the
/// session and deck modules use too; whoever imports the engine gets it with it.
@_exported import SwanIO
