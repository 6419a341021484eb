/// sRGB colours to the inks of a print condition, by LittleCMS through the condition's ICC
/// output profile (relative colorimetric with black point compensation: the profile has one
/// gamut mapping, its colorimetric one). Two rules the press wants
/// come before the profile: a neutral colour (R = G = B: text, rules, greys) is black ink only,
/// at the K whose lightness on the press matches the grey's (read off the profile's K ramp);
/// a colour the deck gives in CMYK is printed as given. No result exceeds the ink limit.
import Foundation
import SwanDiagnostics
package import SwanLayout
internal import CLCMS

package final class CMYKConversion: Sendable {
    package let condition: PrintCondition
    /// Unchecked: made in init, never changed, and made without LittleCMS's cache (the flags
    /// below), which makes a transform safe to use from several threads.
    nonisolated(unsafe) private let toInk: cmsHTRANSFORM
    nonisolated(unsafe) private let rgbToLab: cmsHTRANSFORM
    /// L* of K alone at 0, 1/100, …, 100/100 (relative to the paper): falls as K rises.
    private let blackRamp: [Double]
    private let cache = LockedBox([Colour: CMYK]())

    // LittleCMS's pixel formats, spelled out (Swift does not import its macros):
    // FLOAT_SH(1) | COLORSPACE_SH(PT_*) | CHANNELS_SH(n), doubles.
    private static let rgbDouble = cmsUInt32Number((1 << 22) | (4 << 16) | (3 << 3))    // TYPE_RGB_DBL, 0…1
    private static let cmykDouble = cmsUInt32Number((1 << 22) | (6 << 16) | (4 << 3))   // TYPE_CMYK_DBL, 0…100
    private static let labDouble = cmsUInt32Number((1 << 22) | (10 << 16) | (3 << 3))   // TYPE_Lab_DBL
    private static let flags = cmsUInt32Number(0x2000 | 0x0040)   // black point compensation, no cache (thread-safe)

    package init(_ condition: PrintCondition) throws {
        self.condition = condition
        let output = condition.profile.withUnsafeBytes { cmsOpenProfileFromMem($0.baseAddress, cmsUInt32Number($0.count)) }
        guard let output, cmsGetColorSpace(output) == cmsSigCmykData else {
            if let output { cmsCloseProfile(output) }
            throw EngineError.coded(.profileNotCMYK, [:])
        }
        defer { cmsCloseProfile(output) }
        let srgb = cmsCreate_sRGBProfile(), lab = cmsCreateLab4Profile(nil)
        defer { cmsCloseProfile(srgb); cmsCloseProfile(lab) }
        guard let toInk = cmsCreateTransform(srgb, Self.rgbDouble, output, Self.cmykDouble, cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), Self.flags),
              let rgbToLab = cmsCreateTransform(srgb, Self.rgbDouble, lab, Self.labDouble, cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), Self.flags),
              let inkToLab = cmsCreateTransform(output, Self.cmykDouble, lab, Self.labDouble, cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), Self.flags)
        else { throw EngineError.coded(.profileUnusable, [:]) }
        defer { cmsDeleteTransform(inkToLab) }
        self.toInk = toInk
        self.rgbToLab = rgbToLab
        blackRamp = (0...100).map { k in
            var ink = [0, 0, 0, Double(k)], out = [0.0, 0, 0]
            cmsDoTransform(inkToLab, &ink, &out, 1)
            return out[0]
        }
    }

    deinit {
        cmsDeleteTransform(toInk)
        cmsDeleteTransform(rgbToLab)
    }

    /// The inks for `colour`, each rounded to 0.1 % (as the writer writes them).
    package func cmyk(_ colour: Colour) -> CMYK {
        if let known = cache.withLockedValue({ $0[colour] }) { return known }
        let ink = Self.rounded(limited(colour.cmyk ?? (colour.isNeutral ? blackOnly(colour.red) : converted(colour))))
        cache.withLockedValue { cache in
            if cache.count < 4096 { cache[colour] = ink }
        }
        return ink
    }

    private func converted(_ colour: Colour) -> CMYK {
        var rgb = [colour.red, colour.green, colour.blue], ink = [0.0, 0, 0, 0]
        cmsDoTransform(toInk, &rgb, &ink, 1)
        return CMYK(cyan: ink[0] / 100, magenta: ink[1] / 100, yellow: ink[2] / 100, black: ink[3] / 100)
    }

    /// A grey as black ink alone: the K whose lightness matches the grey's, interpolated on the
    /// profile's K ramp (greys darker than solid K get 100 %).
    private func blackOnly(_ grey: Double) -> CMYK {
        var rgb = [grey, grey, grey], lab = [0.0, 0, 0]
        cmsDoTransform(rgbToLab, &rgb, &lab, 1)
        let lightness = lab[0]
        var k = 1.0
        if lightness >= blackRamp[0] { k = 0 } else if let step = blackRamp.indices.dropFirst().first(where: { blackRamp[$0] <= lightness }) {
            let (upper, lower) = (blackRamp[step - 1], blackRamp[step])
            k = (Double(step - 1) + (upper - lightness) / max(upper - lower, 1e-9)) / 100
        }
        return CMYK(cyan: 0, magenta: 0, yellow: 0, black: min(1, max(0, k)))
    }

    /// Colour inks reduced so the total stays within the press's limit (black is kept).
    private func limited(_ ink: CMYK) -> CMYK {
        let clamped = CMYK(cyan: min(1, max(0, ink.cyan)), magenta: min(1, max(0, ink.magenta)),
                           yellow: min(1, max(0, ink.yellow)), black: min(1, max(0, ink.black)))
        let colourInk = clamped.cyan + clamped.magenta + clamped.yellow
        let room = condition.inkLimit - clamped.black
        guard colourInk > room, colourInk > 0 else { return clamped }
        let factor = max(0, room) / colourInk
        return CMYK(cyan: clamped.cyan * factor, magenta: clamped.magenta * factor, yellow: clamped.yellow * factor, black: clamped.black)
    }

    /// Rounded down to 0.1 %: what the writer writes, and never more ink than the limit allows.
    private static func rounded(_ ink: CMYK) -> CMYK {
        func r(_ v: Double) -> Double { (v * 1000 + 1e-6).rounded(.down) / 1000 }
        return CMYK(cyan: r(ink.cyan), magenta: r(ink.magenta), yellow: r(ink.yellow), black: r(ink.black))
    }

    private static let conversions = LockedBox([PrintCondition: CMYKConversion]())

    /// One conversion per condition for the run (a profile's tables are built once).
    package static func conversion(for condition: PrintCondition) throws -> CMYKConversion {
        try conversions.withLockedValue { conversions in
            if let known = conversions[condition] { return known }
            let made = try CMYKConversion(condition)
            if conversions.count >= 4 { conversions.removeAll() }
            conversions[condition] = made
            return made
        }
    }
}
