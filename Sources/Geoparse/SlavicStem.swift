/// Ukrainian and Russian inflect place names (Ізюм → в Ізюмі, біля Ізюма; Балаклія → Балаклію;
/// Изюм → в Изюме): a stem without the case ending lets every form meet the name. Language
/// knowledge, like the Arabic proclitics: the common noun endings of the two languages, and the
/// і/о alternation of a Ukrainian last syllable (Харків → Харкова). Stem keys end in `~`, so
/// they only ever meet other stems, never a whole word.
enum SlavicStem {
    /// Endings, folded as words are (ї becomes і, й becomes и), longest first. Not the plural -ів/-ов/-ев: names end so
    /// (Харків, Харьков).
    private static let endings: [[Unicode.Scalar]] = [
        "ами", "ями", "ією", "ію", "ія", "ії", "ия", "ию", "ии", "ея", "еи", "ею", "ее", "ья", "ью", "ье",
        "ою", "ом", "ем", "ам", "ям", "ах", "ях",
        "а", "я", "у", "ю", "і", "е", "и", "ы", "о", "ь",
    ].map { Fold.fold(Array($0.unicodeScalars)).scalars }.sorted { $0.count > $1.count }
    private static let vowels: Set<Unicode.Scalar> = Set("аеиоуяюіыэє".unicodeScalars)

    static func isCyrillic<C: Collection>(_ folded: C) -> Bool where C.Element == Unicode.Scalar {
        folded.first.map(Fold.isCyrillic) ?? false
    }

    /// The stem key of a folded Cyrillic word (at least three letters are kept).
    static func key<C: Collection>(_ folded: C) -> String where C.Element == Unicode.Scalar {
        var w = Array(folded)
        if let e = endings.first(where: { w.count >= $0.count + 3 && w.suffix($0.count).elementsEqual($0) }) {
            w.removeLast(e.count)
        }
        // Ukrainian і in a closed last syllable becomes о when an ending follows (Харків, Харкова).
        if let v = w.lastIndex(where: vowels.contains), v < w.count - 1, w[v] == "і" { w[v] = "о" }
        return Fold.key(w) + "~"
    }
}
