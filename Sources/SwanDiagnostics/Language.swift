/// The language messages and help are worded in: Dutch when the user's locale is Dutch,
/// English otherwise. Only the wording follows the locale; numbers stay in the C locale.
package enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case dutch = "nl"

    /// POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG; empty values do not count.
    package static func of(environment: [String: String]) -> Language {
        let name = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        // "nl", "nl_NL.UTF-8", "nl_BE@euro": the language is what comes before '_', '.' or '@'.
        let language = name.split(whereSeparator: { "_.@".contains($0) }).first.map(String.init) ?? ""
        return language.lowercased() == "nl" ? .dutch : .english
    }
}
