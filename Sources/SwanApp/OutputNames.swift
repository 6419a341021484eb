package import SwanDeck
package import SwanDocuments

/// Where the default run writes: the folder Output/, and in it each document under the name
/// the deck gives it (labels.yaml, `output.*`; see DocumentRegistry).
package enum OutputNames {
    package static let folder = "Output"

    /// Output/<name>: the default -o of the command that makes document `id`.
    package static func path(_ id: DocumentID, in deck: Deck) throws -> String {
        folder + "/" + (try DocumentRegistry.entry(id).outputName(in: deck))
    }
}
