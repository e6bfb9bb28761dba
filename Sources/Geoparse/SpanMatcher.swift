/// How a span of text matched a name.
enum MatchQuality: Double, Sendable {
    case exact = 1.0
    /// Same consonant skeleton as a Latin name (Saraqeb ~ Saraqib).
    case spelling = 0.8
    /// Arabic text read through the skeleton of a Latin name (no Arabic name on record).
    case transliteration = 0.65
}

/// A stretch of text that matched one or more names.
struct Span: Sendable {
    let firstWord: Int
    /// The word the name starts on (after an attached article) and how it was read.
    let keyWord: Int
    let keyForm: WordForm
    let endWord: Int
    let start: Int
    let end: Int
    let places: [Int]
    let quality: MatchQuality
    let blocked: Bool
}

/// Finds the longest name at each word of the text, walking the word trie of the index.
struct SpanMatcher {
    let words: [Word]
    let index: NameIndex

    func spans() -> [Span] {
        var out: [Span] = []
        var i = 0
        while i < words.count {
            if let s = longest(at: i) {
                if !s.blocked && accept(s) { out.append(s) }
                if s.blocked || accept(s) { i = s.endWord; continue }
            }
            i += 1
        }
        return out
    }

    /// An article that belongs to the next word: attached by a hyphen (al-Numan), or a
    /// capitalised Al/El before a capitalised word (Al Numan).
    func articleAttached(_ j: Int) -> Bool {
        guard j + 1 < words.count, words[j].isLatinArticle, words[j + 1].before != .breaking else { return false }
        return words[j + 1].before == .hyphen || (words[j].capitalised && words[j + 1].capitalised)
    }

    func longest(at i: Int) -> Span? {
        var first = i
        if articleAttached(i) { first = i + 1 }
        var best: Span?
        for quality in [MatchQuality.exact, .spelling] {
            for form in words[first].forms {
                walk(from: first, spanFirst: i, spanStart: first == i ? words[i].start + form.cutStart : words[i].start,
                     form: form, quality: quality, best: &best)
            }
            if best != nil { break }
        }
        return best
    }

    private func key(_ f: WordForm, _ q: MatchQuality, construct: Bool) -> String {
        q == .exact ? f.key : (construct ? f.phoneticConstruct : f.phonetic)
    }

    private func consider(_ k: String, firstWord: Int, keyWord: Int, keyForm: WordForm, endWord: Int, start: Int, end: Int, quality: MatchQuality,
                          best: inout Span?) {
        let map = quality == .exact ? index.exact : index.phonetic
        guard let hits = map[k] else { return }
        let arabic = words[firstWord].arabic
        let q: MatchQuality = quality == .spelling && arabic ? .transliteration : quality
        if q != .exact {
            // A spelling key is weak evidence: demand enough consonants.
            if PhoneticKey.strength(k) < (arabic ? 4 : 3) { return }
        }
        let blocked = hits.contains { $0 < 0 }
        let places = hits.filter { $0 >= 0 }
        let s = Span(firstWord: firstWord, keyWord: keyWord, keyForm: keyForm, endWord: endWord, start: start, end: end, places: places, quality: q, blocked: blocked)
        if let b = best, (b.endWord - b.keyWord, b.end - b.start) >= (endWord - keyWord, end - start) { return }
        best = s
    }

    private func walk(from w: Int, spanFirst: Int, spanStart: Int, form: WordForm, quality: MatchQuality, best: inout Span?) {
        let prefixes = quality == .exact ? index.exactPrefixes : index.phoneticPrefixes
        let k0 = key(form, quality, construct: false)
        consider(k0, firstWord: spanFirst, keyWord: w, keyForm: form, endWord: w + 1, start: spanStart, end: words[w].end - form.cutEnd, quality: quality, best: &best)
        guard form.cutEnd == 0 else { return }
        var cur = key(form, quality, construct: true)
        var j = w + 1
        var n = 1
        while prefixes.contains(cur), j < words.count, words[j].before != .breaking, n < index.maxWords {
            if articleAttached(j) || (words[j].isLatinArticle && j + 1 < words.count && words[j + 1].before != .breaking
                                       && words[j + 1].capitalised) {
                j += 1; continue
            }
            for f in words[j].forms where f.cutStart == 0 {
                consider(cur + " " + key(f, quality, construct: false), firstWord: spanFirst, keyWord: w, keyForm: form, endWord: j + 1, start: spanStart,
                         end: words[j].end - f.cutEnd, quality: quality, best: &best)
            }
            cur += " " + key(words[j].forms[0], quality, construct: true)
            j += 1; n += 1
        }
    }

    /// Capitalisation, stop words, adjectives and titles: a match that fails them is not a place.
    func accept(_ s: Span) -> Bool {
        if s.blocked || s.places.isEmpty { return false }
        let w = words[s.keyWord]
        let single = s.endWord - s.keyWord == 1
        let k = s.keyForm.key
        if w.arabic {
            if single && (Stoplists.arabicWords.contains(k) || k.unicodeScalars.count < 2) { return false }
            // A peeled proclitic must leave a real word (ب+نش is not Binnish).
            if single && s.keyForm.cutStart > 0 && k.unicodeScalars.count < 3 { return false }
        } else {
            let hasDigit = k.unicodeScalars.contains { $0.properties.numericType != nil }
            // Lower case is not a proper name (French d'Idleb is read after the cut).
            if !s.keyForm.capitalised && !hasDigit { return false }
            if single && (Stoplists.commonWords.contains(k) || Stoplists.adjectives.contains(k)
                          || (k.unicodeScalars.count < 3 && !hasDigit)) {
                return false
            }
            if s.quality != .exact && w.end - w.start < 4 { return false }
        }
        // A name right after a title is a person's (President Assad, Gen. Akar, الرئيس الأسد).
        if s.firstWord >= 1 {
            let p = words[s.firstWord - 1]
            if p.forms.contains(where: { Stoplists.titles.contains($0.key) }) { return false }
            if s.firstWord >= 2, p.capitalised, !p.arabic, Stoplists.titles.contains(words[s.firstWord - 2].key),
               index.exact[p.key] == nil {
                return false
            }
        }
        return true
    }
}
