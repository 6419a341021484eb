/// The release of the swan command, printed by `swan --version` and in the man page.
/// Raise it with every release (semantic versioning: the command line and the session format).
enum SwanVersion {
    static let current = "1.0.0"
}
