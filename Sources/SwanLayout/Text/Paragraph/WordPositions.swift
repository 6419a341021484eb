/// Positions in a word made of pieces (stretches shaped apart), found in one walk over the word:
/// a word of megabytes has a break opportunity at every cluster, and a walk from the word's
/// start per break made its layout quadratic.
import Foundation

/// A place in a word: UTF-8 byte `byte` of piece `piece`.
struct BytePosition: Hashable {
    var piece: Int
    var byte: Int
}

/// Maps character offsets of the word to byte positions. Offsets asked in ascending order cost
/// one walk over the word in all; an offset before the last one asked starts the walk again.
struct WordPositions {
    private let texts: [String]
    private let counts: [Int]
    /// The walk so far: piece `piece`, whose first character is the word's `before`-th, at its
    /// character `offset` (String index `index`).
    private var piece = 0, before = 0, offset = 0
    private var index: String.Index

    init(_ texts: [String]) {
        self.texts = texts
        counts = texts.map(\.count)
        index = texts.first?.startIndex ?? "".startIndex
    }

    /// The piece and byte where the word's `characterOffset`-th character starts; the end of the
    /// word is the end of its last piece, and an offset at the boundary of two pieces is the
    /// start of the second. Nil past the end.
    mutating func locate(_ characterOffset: Int) -> BytePosition? {
        if characterOffset < before + offset { piece = 0; before = 0; offset = 0; index = texts.first?.startIndex ?? index }
        while piece < texts.count {
            let remaining = characterOffset - before
            let count = counts[piece]
            if remaining < count || (remaining == count && piece == texts.count - 1) {
                let text = texts[piece]
                index = text.index(index, offsetBy: remaining - offset)
                offset = remaining
                return BytePosition(piece: piece, byte: text.utf8.distance(from: text.startIndex, to: index))
            }
            if remaining == count { return BytePosition(piece: piece + 1, byte: 0) }
            before += count
            piece += 1
            offset = 0
            if piece < texts.count { index = texts[piece].startIndex }
        }
        return nil
    }
}

/// Keys of the word's text up to each break, lowercased and hashed, for breaks asked in
/// ascending order: equal for "hoofd-" in "hoofdvraag" and "hoofdvragen", so that two lines in a
/// row never end in the same fragment. One walk over the word for all its breaks.
struct PrefixKeys {
    private let texts: [String]
    private var hasher = Hasher()
    private var position = BytePosition(piece: 0, byte: 0)
    private var index: String.Index

    init(_ texts: [String]) {
        self.texts = texts
        index = texts.first?.startIndex ?? "".startIndex
    }

    mutating func key(upTo end: BytePosition) -> Int {
        if (end.piece, end.byte) < (position.piece, position.byte) { self = PrefixKeys(texts) }
        while position.piece < end.piece || (position.piece == end.piece && position.byte < end.byte) {
            let text = texts[position.piece]
            guard index < text.endIndex else {
                position = BytePosition(piece: position.piece + 1, byte: 0)
                if position.piece < texts.count { index = texts[position.piece].startIndex } else { break }
                continue
            }
            let character = text[index]
            hasher.combine(String(character).lowercased())
            index = text.index(after: index)
            position.byte += character.utf8.count
        }
        let finished = hasher
        return finished.finalize() | 1
    }
}
