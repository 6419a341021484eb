/// What the team report counts over a set of sessions: only numbers, keyed by the deck's ids,
/// never a name or a text a person wrote.
package import SwanSession

package struct ReportCounts: Sendable, Equatable {
    /// The key of chosen interventions whose level a version 1 session did not record.
    package static let unknownLevel = "unknown"

    package var sessions = 0
    /// Level id -> interventions suggested at that level (ronde 3).
    package var suggested: [String: Int] = [:]
    /// Level id (or `unknownLevel`) -> interventions chosen at that level.
    package var chosen: [String: Int] = [:]
    /// Level id -> sessions that chose at least one intervention at that level.
    package var sessionsChoosing: [String: Int] = [:]
    /// Voorwaarde id -> sessions that named it (ronde 1).
    package var voorwaarden: [String: Int] = [:]
    /// Factor id -> sessions that named it (ronde 2), and how often with each weging.
    package var factoren: [String: Int] = [:]
    package var wegingen: [String: [Session.Weging: Int]] = [:]
    package var dilemmas = 0, deliberations = 0, signals = 0, signalsFollowedUp = 0, evaluations = 0

    package init() {}

    package mutating func add(_ session: Session) {
        sessions += 1
        for voorwaarde in session.ronde1?.voorwaarden ?? [] { voorwaarden[voorwaarde.id, default: 0] += 1 }
        for factor in session.ronde2?.factoren ?? [] {
            factoren[factor.id, default: 0] += 1
            if let weging = factor.weging { wegingen[factor.id, default: [:]][weging, default: 0] += 1 }
        }
        if let dilemma = session.ronde2?.moreelDilemma {
            dilemmas += 1
            if dilemma.moreelBeraad == true { deliberations += 1 }
        }
        if let ronde3 = session.ronde3 {
            for (level, items) in ronde3.interventies { suggested[level, default: 0] += items.count }
            var levelsChosen = Set<String>()
            for keuze in ronde3.gekozen {
                let level = keuze.niveau ?? Self.unknownLevel
                chosen[level, default: 0] += 1
                if let known = keuze.niveau { levelsChosen.insert(known) }
            }
            for level in levelsChosen { sessionsChoosing[level, default: 0] += 1 }
            if let signal = ronde3.signaal, signal.aanwezig {
                signals += 1
                if let followUp = signal.opvolging, followUp.contains(where: { !$0.isWhitespace }) { signalsFollowedUp += 1 }
            }
        }
        if session.evaluatie != nil { evaluations += 1 }
    }

    package mutating func add(_ other: ReportCounts) {
        sessions += other.sessions
        func merge(_ mine: inout [String: Int], _ theirs: [String: Int]) { mine.merge(theirs, uniquingKeysWith: +) }
        merge(&suggested, other.suggested); merge(&chosen, other.chosen); merge(&sessionsChoosing, other.sessionsChoosing)
        merge(&voorwaarden, other.voorwaarden); merge(&factoren, other.factoren)
        for (factor, counts) in other.wegingen { wegingen[factor, default: [:]].merge(counts, uniquingKeysWith: +) }
        dilemmas += other.dilemmas; deliberations += other.deliberations
        signals += other.signals; signalsFollowedUp += other.signalsFollowedUp; evaluations += other.evaluations
    }
}
