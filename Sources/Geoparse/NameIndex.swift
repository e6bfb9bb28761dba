/// Every name of every place, folded into word-sequence keys, with the proper prefixes of
/// multi-word keys so that the matcher can walk the text word by word (a trie over words).
struct NameIndex: Sendable {
    /// Key → indexes into `places`; negative values are blockers (organisation names and the
    /// like that contain a place name but are not a mention of it).
    private(set) var exact: [String: [Int]] = [:]
    private(set) var exactPrefixes: Set<String> = []
    private(set) var phonetic: [String: [Int]] = [:]
    /// Spelling key → (place, folded name) pairs that produced it, to check a spelling match is close.
    /// `partial`: the name without its generic first word (Mardikh for Tell Mardikh);
    /// `joined`: its words written as one (كفرنبل), for Arabic text only.
    private(set) var phoneticNames: [String: [(place: Int, name: String, partial: Bool, joined: Bool)]] = [:]
    private(set) var phoneticPrefixes: Set<String> = []
    private(set) var maxWords = 1
    /// Each place's rank (5 city … 1 minor), for rules that spare big places.
    var rankOf: [Int: Int] = [:]
    /// The theatre's words that are never a place alone (adjectives, organisation words) and its
    /// acronyms (`not_places.tsv`); its multi-word names are blockers in `exact`.
    var notPlaceWords: Set<String> = []
    var notPlaceAcronyms: Set<String> = []

    /// Generic first words of names that texts often leave out (Tell Mardikh → Mardikh).
    static let heads: Set<String> = ["tell", "tall", "tal", "tel", "khirbet", "khirbat", "jabal", "jebel"]

    mutating func add(_ name: String, place: Int) {
        let words = Fold.words(of: name)
        guard !words.isEmpty else { return }
        let keys = words.map { Fold.key($0) }
        maxWords = max(maxWords, keys.count)
        Self.insert(keys, place, into: &exact, prefixes: &exactPrefixes)
        // A Cyrillic name also by the stem of its last word, which its inflected forms share.
        if let last = words.last, SlavicStem.isCyrillic(last), last.count >= 3 {
            Self.insert(keys.dropLast() + [SlavicStem.key(last)], place, into: &exact, prefixes: &exactPrefixes)
        }
        // Spelling-key entries only for Latin names: Arabic names are matched as written.
        if words.first?.first.map(Fold.isArabic) == false {
            let ph = words.map { PhoneticKey.latin($0) }
            var variants: [([String], String, Bool, Bool)] = [(ph, keys.joined(separator: " "), false, false)]
            if ph.count > 1 {
                // Arabic writes Kafr Nabl and Maar Hitat as one word (كفرنبل, معرحطاط).
                // (one letter where the words meet the same: Kafr Ruma → كفرومة)
                var joined = ""
                for part in ph { joined += (joined.last != nil && joined.last == part.first) ? String(part.dropFirst()) : part }
                variants.append(([joined], keys.joined(), false, true))
                // "Tell Mardikh" is often just "Mardikh".
                if Self.heads.contains(keys[0]) { variants.append((Array(ph.dropFirst()), keys.dropFirst().joined(separator: " "), true, false)) }
            }
            for (v, name, partial, joined) in variants where !v.contains(where: \.isEmpty) && PhoneticKey.strength(v.joined(separator: " ")) >= 2 {
                Self.insert(v, place, into: &phonetic, prefixes: &phoneticPrefixes)
                let full = v.joined(separator: " ")
                if !(phoneticNames[full]?.contains { $0.place == place && $0.name == name } ?? false) {
                    phoneticNames[full, default: []].append((place, name, partial, joined))
                }
            }
        }
    }

    // Static: an instance method here would read a copy of self while its dictionaries are
    // mutated in place, and every insert would copy the whole dictionary (seconds at load).
    private static func insert(_ keys: [String], _ place: Int, into map: inout [String: [Int]], prefixes: inout Set<String>) {
        let full = keys.joined(separator: " ")
        if !(map[full]?.contains(place) ?? false) { map[full, default: []].append(place) }
        var p = ""
        for k in keys.dropLast() {
            p = p.isEmpty ? k : p + " " + k
            prefixes.insert(p)
        }
    }
}
