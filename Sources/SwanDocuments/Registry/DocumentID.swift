/// The documents swan makes, by id, in the order of the default run: a command names the one it
/// makes with a case, so an unknown id cannot be written (DocumentRegistry has one entry each).
package enum DocumentID: String, CaseIterable, Hashable, Sendable {
    case sheets, printshop, calibration, previews, specimen, screen, overzicht, invulblad, checklist, handleiding, report
    case fillableInvulblad = "fillable-invulblad"
}
