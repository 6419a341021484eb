/// Scaling laid-out items about the origin: one card design drawn at another size (the screen
/// edition shows the print faces larger or smaller) without laying the text out again, so what
/// is on screen is exactly what is on paper.
extension Rect {
    package func scaled(by factor: Double) -> Rect {
        Rect(x: minX * factor, y: minY * factor, width: width * factor, height: height * factor)
    }
}

extension Stroke {
    package func scaled(by factor: Double) -> Stroke {
        let dashes: LineStyle
        switch style {
        case .solid: dashes = .solid
        case .dashed(let on, let off): dashes = .dashed(on: on * factor, off: off * factor)
        }
        return Stroke(colour: colour, width: width * factor, style: dashes)
    }
}

extension GlyphRun {
    package func scaled(by factor: Double) -> GlyphRun {
        var copy = self
        copy.size *= factor
        copy.origin = Point(x: origin.x * factor, y: origin.y * factor)
        copy.glyphs = glyphs.map { glyph in
            var scaled = glyph
            scaled.x *= factor; scaled.y *= factor
            return scaled
        }
        copy.width *= factor
        copy.lineTop *= factor
        copy.lineBottom *= factor
        return copy
    }
}

extension PageItem {
    /// The same item drawn `factor` times as large, measured from the origin.
    package func scaled(by factor: Double) -> PageItem {
        switch self {
        case .text(let run): return .text(run.scaled(by: factor))
        case .rectangle(let rect, let radius, let fill, let stroke):
            return .rectangle(rect.scaled(by: factor), cornerRadius: radius * factor, fill: fill, stroke: stroke?.scaled(by: factor))
        case .line(let from, let to, let stroke):
            return .line(from: Point(x: from.x * factor, y: from.y * factor), to: Point(x: to.x * factor, y: to.y * factor),
                         stroke: stroke.scaled(by: factor))
        case .clipped(let rect, let items): return .clipped(rect.scaled(by: factor), items.map { $0.scaled(by: factor) })
        case .marked(let marking, let items): return .marked(marking, items.map { $0.scaled(by: factor) })
        case .turned(let centre, let items): return .turned(around: Point(x: centre.x * factor, y: centre.y * factor), items.map { $0.scaled(by: factor) })
        }
    }
}

extension Array where Element == PageItem {
    package func scaled(by factor: Double) -> [PageItem] { map { $0.scaled(by: factor) } }
}
