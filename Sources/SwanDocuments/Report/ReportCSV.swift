/// The team report as CSV for spreadsheets and funders: `measure,key,count`, one row per number,
/// every id of the deck listed (zero included) so that reports of one deck line up row by row.
package import SwanDeck

package enum ReportCSV {
    package static func make(_ report: TeamReport, deck: Deck) -> String {
        let counts = report.total
        func row(_ measure: String, _ key: String, _ count: Int) -> String { "\(measure),\(key),\(report.shown(count))" }
        var rows = ["measure,key,count", row("sessions", "all", counts.sessions)]
        let levels = deck.levelCards.map(\.id)
        rows += levels.map { row("suggested", $0, counts.suggested[$0] ?? 0) }
        rows += (levels + [ReportCounts.unknownLevel]).map { row("chosen", $0, counts.chosen[$0] ?? 0) }
        rows += levels.map { row("sessions_choosing", $0, counts.sessionsChoosing[$0] ?? 0) }
        rows += deck.voorwaardeCards.map { row("voorwaarde", $0.id, counts.voorwaarden[$0.id] ?? 0) }
        rows += deck.factorCards.map { row("factor", $0.id, counts.factoren[$0.id] ?? 0) }
        rows += [row("dilemma", "present", counts.dilemmas), row("beraad", "held", counts.deliberations),
                 row("signaal", "present", counts.signals), row("signaal", "followed_up", counts.signalsFollowedUp),
                 row("evaluatie", "held", counts.evaluations)]
        return rows.joined(separator: "\n") + "\n"
    }
}
