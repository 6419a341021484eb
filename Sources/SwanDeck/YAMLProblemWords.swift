import SwanDiagnostics

/// libyaml's problem and context texts ("did not find expected key", "while parsing a block
/// mapping") are English whatever the user's language: those it is known to say are told in the
/// catalogues' words instead; an unknown one is printed as libyaml wrote it.
enum YAMLProblemWords {
    /// libyaml's words (scanner.c, parser.c; Yams' composer) -> the code of ours.
    private static let problems: [String: DeckCode] = [
        "mapping values are not allowed in this context": .yamlProblemMappingValues,
        "mapping keys are not allowed in this context": .yamlProblemMappingKeys,
        "block sequence entries are not allowed in this context": .yamlProblemSequenceEntries,
        "did not find expected key": .yamlProblemExpectedKey,
        "did not find expected '-' indicator": .yamlProblemExpectedDash,
        "did not find expected node content": .yamlProblemExpectedContent,
        "could not find expected ':'": .yamlProblemExpectedColon,
        "did not find expected ',' or ']'": .yamlProblemExpectedListEnd,
        "did not find expected ',' or '}'": .yamlProblemExpectedMappingEnd,
        "found character that cannot start any token": .yamlProblemBadStart,
        "found unexpected end of stream": .yamlProblemEndOfFile,
        "found unknown escape character": .yamlProblemEscape,
        "found undefined tag handle": .yamlProblemTag,
        "found undefined alias": .yamlProblemAlias,
        "did not find expected alphabetic or numeric character": .yamlProblemAnchorName,
        "did not find expected comment or line break": .yamlProblemLineEnd,
        "found unexpected document indicator": .yamlProblemDocumentMarker,
        "but found another document": .yamlProblemSecondDocument,
        "found a tab character that violates indentation": .yamlProblemTab,
    ]

    private static let contexts: [String: DeckCode] = [
        "while parsing a block mapping": .yamlContextBlockMapping,
        "while parsing a block collection": .yamlContextBlockList,
        "while parsing a block node": .yamlContextNode,
        "while parsing a node": .yamlContextNode,
        "while parsing a flow node": .yamlContextNode,
        "while parsing a flow mapping": .yamlContextFlowMapping,
        "while parsing a flow sequence": .yamlContextFlowList,
        "while scanning a simple key": .yamlContextKey,
        "while scanning a quoted scalar": .yamlContextQuoted,
        "while scanning a plain scalar": .yamlContextText,
        "while scanning a block scalar": .yamlContextBlockText,
        "while scanning an alias": .yamlContextAlias,
        "while scanning an anchor": .yamlContextAnchor,
        "while scanning a tag": .yamlContextTag,
        "while scanning for the next token": .yamlContextToken,
        "expected a single document in the stream": .yamlContextSingleDocument,
    ]

    static func problem(_ text: String) -> MessageArgument { worded(text, in: problems) }
    static func context(_ text: String) -> MessageArgument { worded(text, in: contexts) }

    private static func worded(_ text: String, in table: [String: DeckCode]) -> MessageArgument {
        let trimmed = text.trimmingSpacesAndNewlines()
        return table[trimmed].map { .deck($0) } ?? .text(text)
    }
}
