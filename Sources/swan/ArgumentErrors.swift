import ArgumentParser
import Foundation
import SwanApp
import SwanDiagnostics

/// Mistakes in the command line, said in the user's language. ArgumentParser words its own
/// errors in English and has no way to change that: its messages are recognised by their fixed
/// form and worded from the catalogues (an unknown form is printed as ArgumentParser wrote it).
/// Its help screens' headings (USAGE:, OPTIONS:, ARGUMENTS:) cannot be changed and stay English.
enum ArgumentErrors {
    /// Parses the Workplace's arguments and runs the command with it; a usage mistake is printed
    /// worded, everything else (help, errors of a run, exit codes) as ArgumentParser does.
    static func main(_ workplace: Workplace) -> Never {
        do {
            var command = try Swan.parseAsRoot(Array(workplace.arguments.dropFirst()))
            if let command = command as? any WorkplaceCommand { try command.run(in: workplace) } else { try command.run() }
            Swan.exit()
        } catch {
            let code = Swan.exitCode(for: error)
            guard code == .validationFailure, !(error is CleanExit), !(error is ExitCode) else { Swan.exit(withError: error) }
            let lines = Swan.fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let worded = lines.map(line).joined(separator: "\n")
            FileHandle.standardError.write(Data((worded.hasSuffix("\n") ? worded : worded + "\n").utf8))
            exit(code.rawValue)
        }
    }

    /// One line of ArgumentParser's error text: "Error: …", "Usage: …", "  See '…' for more information.".
    static func line(_ text: String) -> String {
        let catalogue = Catalogue.current
        if let message = text.dropPrefix("Error: ") {
            return "\(catalogue.word(.error)): \(worded(message))"
        }
        if let usage = text.dropPrefix("Usage: ") {
            return catalogue.text(Message(ArgumentCode.usage, ["usage": "\(usage)"]))
        }
        if let help = text.dropPrefix("Help:  ") {
            return catalogue.text(Message(ArgumentCode.help, ["help": "\(help)"]))
        }
        if let command = match(text, #"^  See '(.+)' for more information\.$"#) {
            return "  " + catalogue.text(Message(ArgumentCode.seeHelp, ["command": "\(command[0])"]))
        }
        return text
    }

    /// ArgumentParser's message, worded from the catalogue when its form is known.
    static func worded(_ message: String) -> String {
        let catalogue = Catalogue.current
        func say(_ code: ArgumentCode, _ arguments: [String: MessageArgument]) -> String {
            catalogue.text(Message(code, arguments))
        }
        if let found = match(message, #"^Missing expected argument '(.+)'$"#) {
            return say(.missingArgument, ["argument": "\(found[0])"])
        }
        if let found = match(message, #"^Missing one of: (.+)$"#) {
            return say(.missingOneOf, ["arguments": "\(found[0])"])
        }
        if let found = match(message, #"^Unknown option '(.+)'\. Did you mean '(.+)'\?$"#) {
            return say(.unknownOptionSuggestion, ["option": "\(found[0])", "suggestion": "\(found[1])"])
        }
        if let found = match(message, #"^Unknown option '(.+)'$"#) {
            return say(.unknownOption, ["option": "\(found[0])"])
        }
        if let found = match(message, #"^Missing value for '(.+)'$"#) {
            return say(.missingValue, ["option": "\(found[0])"])
        }
        if let found = match(message, #"^The option '(.+)' does not take any value, but '(.*)' was specified\.$"#) {
            return say(.noValueTaken, ["option": "\(found[0])", "value": "\(found[1])"])
        }
        if let found = match(message, #"^Unexpected argument '(.*)'$"#) {
            return say(.unexpectedArgument, ["argument": "\(found[0])"])
        }
        if let found = match(message, #"^\d+ unexpected arguments: (.+)$"#) {
            return say(.unexpectedArguments, ["arguments": "\(found[0])"])
        }
        // "The value 'x' is invalid for '--kind <kind>'. Please provide one of 'a', 'b' or 'c'."
        if let found = match(message, #"^The value '(.*)' is invalid for '([^']+)'\. Please provide one of (.+)\.$"#) {
            let choices = quoted(in: found[2]).joined(separator: ", ")
            return say(.invalidValueChoices, ["value": "\(found[0])", "option": "\(found[1])", "choices": "\(choices)"])
        }
        if let found = match(message, #"^The value '(.*)' is invalid for '([^']+)'\. Please provide one of the following:$"#) {
            return say(.invalidValueListed, ["value": "\(found[0])", "option": "\(found[1])"])
        }
        if let found = match(message, #"^The value '(.*)' is invalid for '([^']+)'$"#) {
            return say(.invalidValue, ["value": "\(found[0])", "option": "\(found[1])"])
        }
        return message
    }

    /// The capture groups of `pattern` when it matches the whole of `text`.
    private static func match(_ text: String, _ pattern: String) -> [String]? {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let result = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<result.numberOfRanges).map { index in
            Range(result.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }

    /// The 'quoted' values of a list ("'a', 'b' or 'c'").
    private static func quoted(in list: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: "'[^']*'") else { return [list] }
        return expression.matches(in: list, range: NSRange(list.startIndex..., in: list)).compactMap {
            Range($0.range, in: list).map { String(list[$0]) }
        }
    }
}

private extension String {
    func dropPrefix(_ prefix: String) -> String? { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil }
}
