/// Opt-in personal metadata for a filled invulblad. By default the PDF's metadata holds the
/// form's name and the date only; a team that wants its archive searchable by name can ask for
/// the participants' names as author and keywords.
package import SwanLayout
package import SwanSession

extension Document {
    /// This document with the session's names in its metadata (author: the inbrenger;
    /// keywords: everyone taking part).
    package func withPersonalMetadata(from session: Session) -> Document {
        var copy = self
        copy.info.author = session.inbrenger
        let names = [session.inbrenger, session.gespreksleider, session.schrijver].compactMap { $0 } + session.deelnemers
        copy.info.keywords = names.joined(separator: ", ")
        return copy
    }
}
