/// A value with the warnings that belong to it (after typst's `Warned<T>`): whoever takes the
/// value takes its warnings, so none is dropped on the way up for want of a shared sink.
public struct Warned<Value> {
    public var value: Value
    public var warnings: [Diagnostic]

    public init(_ value: Value, warnings: [Diagnostic] = []) {
        self.value = value
        self.warnings = warnings
    }
}

extension Warned: Sendable where Value: Sendable {}
