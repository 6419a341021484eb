/// The fallback families: for each script the deck's family lacks, the family that prints it,
/// with the face files for regular and bold text, all from the Debian packages the Makefile
/// installs (see FontFallback for the rule and the README, "Fonts for other scripts").
import Foundation

/// One family: its regular face and, when the package has one, its bold face. Bold text in a
/// family without a bold face is set in its regular face, emboldened (`Font.emboldening`).
package struct FallbackFamily: Sendable, Equatable {
    /// As the files name it ("NotoSansArabic", "NanumGothic").
    package let name: String
    package let regular: String
    package let bold: String?

    package init(name: String, regular: String, bold: String?) {
        self.name = name; self.regular = regular; self.bold = bold
    }

    /// The file for text in `style`: the bold face for bold text when there is one, else the
    /// regular face (emboldened for bold text; italic text upright: the packages have no italic
    /// for these scripts).
    package func file(for style: FontStyle) -> String {
        style.isBold ? (bold ?? regular) : regular
    }

    static let notoFolder = "/usr/share/fonts/truetype/noto"
    static let droidFolder = "/usr/share/fonts/truetype/droid"
    static let nanumFolder = "/usr/share/fonts/truetype/nanum"
    static let symbolaFolder = "/usr/share/fonts/truetype/ancient-scripts"

    /// A Noto family of fonts-noto-core: `<name>-Regular.ttf`, and `<name>-Bold.ttf` when the
    /// package has it (`bold: false` for the families it lacks, checked by FontFallbackTests).
    static func noto(_ name: String, bold: Bool = true, in folder: String = notoFolder) -> FallbackFamily {
        FallbackFamily(name: name, regular: "\(folder)/\(name)-Regular.ttf", bold: bold ? "\(folder)/\(name)-Bold.ttf" : nil)
    }

    /// Droid Sans Fallback (fonts-droid-fallback): Chinese and Japanese; it has no bold face.
    package static let droidSansFallback = FallbackFamily(name: "DroidSansFallback",
                                                         regular: "\(droidFolder)/DroidSansFallbackFull.ttf", bold: nil)
    /// Nanum Gothic (fonts-nanum): Korean, regular and bold of the one design (not NanumSquare,
    /// which fontconfig's weights once chose for bold).
    package static let nanumGothic = FallbackFamily(name: "NanumGothic", regular: "\(nanumFolder)/NanumGothic.ttf",
                                                   bold: "\(nanumFolder)/NanumGothicBold.ttf")
    /// Symbola (fonts-symbola): emoji as monochrome outlines; no bold face.
    package static let symbola = FallbackFamily(name: "Symbola", regular: "\(symbolaFolder)/Symbola_hint.ttf", bold: nil)

    /// The family per script (ISO 15924 codes, as HarfBuzz gives a character's script). A script
    /// not listed here, and characters of no one script (symbols, emoji), go by coverage through
    /// the fixed order of `FontFallback`.
    package static let byScript: [String: FallbackFamily] = {
        var table: [String: FallbackFamily] = [:]
        let notoFamilies: [(scripts: [String], family: FallbackFamily)] = [
            (["Arab"], noto("NotoSansArabic")),
            (["Hebr"], noto("NotoSansHebrew")),
            (["Deva"], noto("NotoSansDevanagari")),
            (["Beng"], noto("NotoSansBengali")),
            (["Guru"], noto("NotoSansGurmukhi")),
            (["Gujr"], noto("NotoSansGujarati")),
            (["Orya"], noto("NotoSansOriya")),
            (["Taml"], noto("NotoSansTamil")),
            (["Telu"], noto("NotoSansTelugu")),
            (["Knda"], noto("NotoSansKannada")),
            (["Mlym"], noto("NotoSansMalayalam")),
            (["Sinh"], noto("NotoSansSinhala")),
            (["Thai"], noto("NotoSansThai")),
            (["Laoo"], noto("NotoSansLao")),
            (["Khmr"], noto("NotoSansKhmer")),
            (["Mymr"], noto("NotoSansMyanmar")),
            (["Tibt"], noto("NotoSerifTibetan")),  // fonts-noto-core has no Noto Sans Tibetan
            (["Armn"], noto("NotoSansArmenian")),
            (["Geor"], noto("NotoSansGeorgian")),
            (["Ethi"], noto("NotoSansEthiopic")),
            (["Tfng"], noto("NotoSansTifinagh", bold: false)),
            (["Syrc"], noto("NotoSansSyriac", bold: false)),
            (["Thaa"], noto("NotoSansThaana")),
            (["Mong"], noto("NotoSansMongolian", bold: false)),
            (["Cher"], noto("NotoSansCherokee")),
            (["Cans"], noto("NotoSansCanadianAboriginal")),
            (["Nkoo"], noto("NotoSansNKo", bold: false)),
            (["Adlm"], noto("NotoSansAdlam")),
            (["Hani", "Hira", "Kana", "Bopo"], droidSansFallback),
            (["Hang"], nanumGothic),
        ]
        for (scripts, family) in notoFamilies {
            for script in scripts { table[script] = family }
        }
        return table
    }()
}
