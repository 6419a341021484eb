import Foundation
import XCTest

/// `swan report`: counts per level over an archive, session files and forms, with no name in it.
final class ReportCommandTests: XCTestCase {
    /// Twelve version 2 sessions and one version 1, each naming people by a unique token.
    /// Levels chosen: individu in all twelve, groep in the six even ones, organisatie-beleid in
    /// four (0, 3, 6, 9); the version 1 session's one choice has no level.
    private func sessions() throws -> (folder: URL, tokens: [String]) {
        let folder = CLI.temporaryDirectory().appendingPathComponent("sessies")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var tokens: [String] = []
        for index in 0..<13 {
            let person = "Qzxw\(index)Vrnk", resident = "Plomb\(index)Trask", note = "Grunzel\(index)Fipo"
            tokens += [person, resident, note]
            var chosen = [#"{"niveau": "individu", "interventie": "Huisbezoek bij \#(resident)"}"#]
            if index % 2 == 0 { chosen.append(#"{"niveau": "groep", "interventie": "Koffieochtend met \#(note)"}"#) }
            if index % 3 == 0 { chosen.append(#"{"niveau": "organisatie-beleid", "interventie": "Gesprek over \#(note)"}"#) }
            let json = index == 12
                ? #"{"version": 1, "datum": "2025-06-02", "inbrenger": "\#(person)", "omschrijving": "\#(resident) woont alleen.", "ronde3": {"gekozen": ["Iets met \#(note)"]}}"#
                : #"""
                {"version": 2, "datum": "2025-0\#(1 + index % 6)-1\#(index % 9)", "inbrenger": "\#(person)", "omschrijving": "\#(resident) komt de deur niet uit.",
                 "ronde1": {"voorwaarden": [{"id": "sociale-cohesie", "toelichting": "\#(note)"}]},
                 "ronde2": {"factoren": [{"id": "kennis", "weging": "groot"}], "moreelDilemma": {"beschrijving": "\#(note)", "moreelBeraad": \#(index < 2)}},
                 "ronde3": {"interventies": {"groep": ["Buurtkamer", "Wijkapp"]}, "gekozen": [\#(chosen.joined(separator: ", "))],
                            "signaal": {"aanwezig": true, "opvolging": "\#(index < 6 ? "Melding door \(person)" : "")"}}}
                """#
            try Data(json.utf8).write(to: folder.appendingPathComponent("sessie-\(index).json"))
        }
        return (folder, tokens)
    }

    private func csv(_ url: URL) throws -> [String: String] {
        var rows: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst() {
            let parts = line.split(separator: ",", omittingEmptySubsequences: false)
            rows[parts[0] + "," + parts[1]] = String(parts[2])
        }
        return rows
    }

    /// A trainer's deck may have more levels than the shipped three: the report's time chart
    /// gets a bar colour for each (it crashed on the fourth).
    func testADeckWithAFourthLevelGetsItsBarsAndLegend() throws {
        let deck = try CLI.deckCopy()
        let round3 = deck.appendingPathComponent("cards/ronde-3.yaml")
        var text = try String(contentsOf: round3, encoding: .utf8)
        let fourth = """
          - id: landelijk
            kind: support
            name: Landelijk
            front:
              lead: Welke interventies zijn mogelijk..
              question: Op landelijk niveau?
            back:
              title: Landelijk niveau?
              examples:
                - Een landelijk netwerk

          - id: hulpvragen-ronde-3
        """
        text = text.replacingOccurrences(of: "  - id: hulpvragen-ronde-3", with: fourth)
        try Data(text.utf8).write(to: round3)
        let (folder, _) = try sessions()
        let pdf = CLI.temporaryDirectory().appendingPathComponent("rapport.pdf")
        let result = try CLI.run(["report", "--templates", deck.path, folder.path, "-o", pdf.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let words = try CLI.pdftotext(pdf)
        XCTAssertGreaterThanOrEqual(words.components(separatedBy: "Landelijk").count - 1, 2,
                                    "the fourth level in the table and in the chart's legend: \(words)")
    }

    func testCountsEachSessionOnceWhateverFormItComesInAndNamesNoOne() throws {
        let (folder, tokens) = try sessions()
        let archive = CLI.temporaryDirectory().appendingPathComponent("archief")
        let archived = try CLI.run(["archive", "-q", folder.path, "--out", archive.path])
        XCTAssertEqual(archived.status, 0, archived.stderr)
        let out = CLI.temporaryDirectory()
        let pdf = out.appendingPathComponent("rapport.pdf"), table = out.appendingPathComponent("rapport.csv")
        // The archive and the session files hold the same thirteen discussions.
        let result = try CLI.run(["report", archive.path, folder.path, "-o", pdf.path, "--csv", table.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("13 session(s) counted from 26 input(s) (13 counted already"), result.stdout)

        let rows = try csv(table)
        XCTAssertEqual(try String(contentsOf: table, encoding: .utf8).split(separator: "\n").first, "measure,key,count")
        XCTAssertEqual(rows["sessions,all"], "13")
        XCTAssertEqual(rows["chosen,individu"], "12")
        XCTAssertEqual(rows["chosen,groep"], "6")
        XCTAssertEqual(rows["chosen,organisatie-beleid"], "<5", "4 could point at people")
        XCTAssertEqual(rows["chosen,unknown"], "<5", "the version 1 session's choice has no level")
        XCTAssertEqual(rows["sessions_choosing,groep"], "6")
        XCTAssertEqual(rows["suggested,groep"], "24")
        XCTAssertEqual(rows["suggested,individu"], "0")
        XCTAssertEqual(rows["voorwaarde,sociale-cohesie"], "12")
        XCTAssertEqual(rows["factor,kennis"], "12")
        XCTAssertEqual(rows["dilemma,present"], "12")
        XCTAssertEqual(rows["beraad,held"], "<5")
        XCTAssertEqual(rows["signaal,present"], "12")
        XCTAssertEqual(rows["signaal,followed_up"], "6")
        XCTAssertEqual(rows["evaluatie,held"], "0")

        let text = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/pdftotext"), [pdf.path, "-"]).stdout
        let flowing = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(flowing.contains("In 6 van de 13 besprekingen koos het team iets op het niveau Groep, buurt, wijk en/of gemeenschap."), text)
        let info = try CLI.run(program: URL(fileURLWithPath: "/usr/bin/pdfinfo"), [pdf.path]).stdout
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        for token in tokens {
            for (place, content) in [("PDF text", text), ("PDF info", info), ("PDF bytes", bytes),
                                     ("CSV", try String(contentsOf: table, encoding: .utf8)),
                                     ("output", result.stdout), ("messages", result.stderr)] {
                XCTAssertFalse(content.contains(token), "\(token) in the \(place)")
            }
        }

        // For the team itself: the small counts as they are. The same inputs give the same bytes.
        let exact = out.appendingPathComponent("exact.csv")
        let shown = try CLI.run(["report", "-q", folder.path, "-o", out.appendingPathComponent("exact.pdf").path, "--csv", exact.path, "--show-small-counts"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertEqual(try csv(exact)["chosen,organisatie-beleid"], "4")
        let again = out.appendingPathComponent("again.pdf")
        XCTAssertEqual(try CLI.run(["report", "-q", archive.path, folder.path, "-o", again.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: again), try Data(contentsOf: pdf))
    }

    func testFromAndToSelectOnTheDiscussionDate() throws {
        let (folder, _) = try sessions()
        let table = CLI.temporaryDirectory().appendingPathComponent("q1.csv")
        let pdf = table.deletingPathExtension().appendingPathExtension("pdf")
        // Sessions 0-11 fall in months 1-6 (two per month); --to the end of March keeps six.
        let result = try CLI.run(["report", folder.path, "--from", "2025-01-01", "--to", "2025-03-31", "-o", pdf.path, "--csv", table.path, "--show-small-counts"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try csv(table)["sessions,all"], "6")
        let bad = try CLI.run(["report", folder.path, "--from", "2025-04-01", "--to", "2025-03-31"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--from 2025-04-01 is after --to 2025-03-31"), bad.stderr)
    }

    /// An archived invulblad whose attachment is not the session its name was made from is not
    /// counted in silence: the report is not written.
    func testAnArchiveFileWhoseNameDoesNotMatchItsSessionStopsTheReport() throws {
        let (folder, _) = try sessions()
        let archive = CLI.temporaryDirectory().appendingPathComponent("archief")
        XCTAssertEqual(try CLI.run(["archive", "-q", folder.path, "--out", archive.path]).status, 0)
        let first = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: archive.path).filter { $0.hasSuffix(".pdf") }.sorted().first)
        let renamed = String(first.prefix(11)) + String(repeating: "0", count: 24) + ".pdf"
        try FileManager.default.moveItem(at: archive.appendingPathComponent(first), to: archive.appendingPathComponent(renamed))
        let pdf = CLI.temporaryDirectory().appendingPathComponent("rapport.pdf")
        let result = try CLI.run(["report", archive.path, "-o", pdf.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(renamed), result.stderr)
        XCTAssertTrue(result.stderr.contains("not the one its file name was made from"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pdf.path))
    }

    /// The report claims PDF/UA-1, and a checker no one here wrote agrees.
    func testTheReportPassesOutloud() throws {
        let (folder, _) = try sessions()
        let pdf = CLI.temporaryDirectory().appendingPathComponent("rapport.pdf")
        XCTAssertEqual(try CLI.run(["report", "-q", folder.path, "-o", pdf.path]).status, 0)
        XCTAssertTrue(try PDFUARules.claimsPDFUA(pdf))
        XCTAssertEqual(try OutloudTests.conformanceErrors([pdf])[pdf.lastPathComponent], [])
    }
}
