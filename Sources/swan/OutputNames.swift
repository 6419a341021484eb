import SwanDeck
import SwanDocuments

/// Where the default run writes: the folder Output/, and in it each document under the name
/// the deck gives it (labels.yaml, `output.*`; see DocumentRegistry).
enum OutputNames {
    static let folder = "Output"

    /// Output/<name>: the default -o of the command that makes document `id`.
    static func path(_ id: String, in deck: Deck) throws -> String {
        guard let entry = DocumentRegistry.entry(id) else { preconditionFailure("no document '\(id)' in the registry") }
        return folder + "/" + (try entry.outputName(in: deck))
    }
}
