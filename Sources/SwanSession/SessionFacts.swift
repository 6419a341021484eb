package import Foundation

/// What the archive's own commands (`swan find`, `swan expire`) need of an archived session file,
/// read without validating it against a deck (an archive outlives decks whose card ids change):
/// its dates and every text it holds.
package struct SessionFacts: Sendable, Equatable {
    /// `$.datum`, nil when it is missing or not a date.
    package var datum: SessionDate?
    /// `$.evaluatie.datum`, nil when there is none.
    package var evaluatieDatum: SessionDate?
    /// Every string value in the file, in document order (the keys are not included).
    package var texts: [String]

    /// The latest date in the session: the evaluation's if there is one, else the discussion's.
    package var latestDate: SessionDate? {
        switch (datum, evaluatieDatum) {
        case let (datum?, evaluatie?): max(datum, evaluatie)
        case let (datum, evaluatie): evaluatie ?? datum
        }
    }

    /// Reads `data` as JSON; throws the encoding or syntax errors, located in `source`.
    package static func read(_ data: Data, source: String) throws -> SessionFacts {
        let root = try SessionDecoder.parse([UInt8](data), source: source)
        var facts = SessionFacts(datum: nil, evaluatieDatum: nil, texts: [])
        if case .object(let members) = root.value {
            facts.datum = date(members.first { $0.key == "datum" }?.value)
            if case .object(let evaluatie)? = members.first(where: { $0.key == "evaluatie" })?.value.value {
                facts.evaluatieDatum = date(evaluatie.first { $0.key == "datum" }?.value)
            }
        }
        // An explicit stack: the parser bounds the depth, and no input deepens the call stack.
        var stack = [root]
        while let node = stack.popLast() {
            switch node.value {
            case .string(let text): facts.texts.append(text)
            case .object(let members): stack += members.reversed().map(\.value)
            case .array(let items): stack += items.reversed()
            case .number, .bool, .null: break
            }
        }
        return facts
    }

    private static func date(_ node: JSONNode?) -> SessionDate? {
        guard case .string(let text)? = node?.value else { return nil }
        return SessionDate(text)
    }
}
