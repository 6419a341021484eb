/// A value with the warnings that belong to it (after typst's `Warned<T>`): whoever takes the
/// value takes its warnings, so none is dropped on the way up for want of a shared sink.
package struct Warned<Value> {
    package var value: Value
    package var warnings: [Diagnostic]

    package init(_ value: Value, warnings: [Diagnostic] = []) {
        self.value = value
        self.warnings = warnings
    }
}

extension Warned: Sendable where Value: Sendable {}
