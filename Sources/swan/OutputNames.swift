/// Where the default run writes its files.
enum OutputNames {
    static let folder = "Output"
    static let sheets = "Output/kaarten-thuis-printen.pdf"
    static let printShop = "Output/kaarten-drukker.pdf"
    static let previews = "Output/previews"
    static let screen = "Output/kaarten-scherm.pdf"
    static let specimen = "Output/specimen.pdf"
    static let invulblad = "Output/invulblad.pdf"
    static let fillableInvulblad = "Output/invulblad-invulbaar.pdf"
    static let checklist = "Output/checklist.pdf"
    static let handleiding = "Output/handleiding.pdf"
    static let overzicht = "Output/overzicht.pdf"
}
