import SwanApp
import SwanDocuments

extension BackOffsetSettings {
    /// The offset saved for `paper` and `flip` (zero when none), said in one line when there is one.
    static func applied(paper: PaperSize, flip: FlipEdge, in workplace: Workplace, quiet: Bool) throws -> BackOffset {
        guard let (offset, file) = try saved(paper: paper, flip: flip, in: workplace) else { return .zero }
        if !quiet {
            Reporting.say(.backOffsetAppliedSaved, ["x": "\(BackOffset.format(offset.x))", "y": "\(BackOffset.format(offset.y))",
                                                    "paper": "\(paper.rawValue)", "flip": "\(flip.rawValue)", "file": "\(file.path)"])
        }
        return offset
    }
}
