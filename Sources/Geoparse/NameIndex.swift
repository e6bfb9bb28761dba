/// Every name of every place, folded into word-sequence keys, with the proper prefixes of
/// multi-word keys so that the matcher can walk the text word by word (a trie over words).
struct NameIndex: Sendable {
    /// Key → indexes into `places`; negative values are blockers (organisation names and the
    /// like that contain a place name but are not a mention of it).
    private(set) var exact: [String: [Int]] = [:]
    private(set) var exactPrefixes: Set<String> = []
    private(set) var phonetic: [String: [Int]] = [:]
    private(set) var phoneticPrefixes: Set<String> = []
    private(set) var maxWords = 1

    mutating func add(_ name: String, place: Int) {
        let words = Fold.words(of: name)
        guard !words.isEmpty else { return }
        let keys = words.map { String(String.UnicodeScalarView($0)) }
        maxWords = max(maxWords, keys.count)
        insert(keys, place, into: &exact, prefixes: &exactPrefixes)
        // Spelling-key entries only for Latin names: Arabic names are matched as written.
        if words.first?.first.map(Fold.isArabic) == false {
            let ph = words.map { PhoneticKey.latin($0) }
            if !ph.contains(where: \.isEmpty), PhoneticKey.strength(ph.joined(separator: " ")) >= 3 {
                insert(ph, place, into: &phonetic, prefixes: &phoneticPrefixes)
            }
        }
    }

    private func insert(_ keys: [String], _ place: Int, into map: inout [String: [Int]], prefixes: inout Set<String>) {
        let full = keys.joined(separator: " ")
        if !(map[full]?.contains(place) ?? false) { map[full, default: []].append(place) }
        var p = ""
        for k in keys.dropLast() {
            p = p.isEmpty ? k : p + " " + k
            prefixes.insert(p)
        }
    }
}
