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
    /// For a spelling match: how far each place's closest name is from the words as written.
    var distances: [Int: Double] = [:]
}

/// Finds the longest name at each word of the text, walking the word trie of the index.
struct SpanMatcher {
    let words: [Word]
    let index: NameIndex
    /// Running text: capitals, stop words, titles and context decide. A bare name (`resolve`)
    /// skips those checks: "saraqeb" typed in lower case is still Saraqib.
    var runningText = true
    /// Spelling matches up to this SpellingDistance over the usual bound are kept (with their
    /// distance) for a caller that checks them against other evidence (the control build).
    var spellingSlack = 0.0

    func spans() -> [Span] {
        var out: [Span] = []
        var i = 0
        while i < words.count {
            // In running text a name starts with a capital (or is Arabic, or has a digit: M4);
            // other words cannot start a mention, so do not look them up.
            if runningText && !canStart(i) { i += 1; continue }
            if let s = longest(at: i) {
                if !s.blocked && accept(s) { out.append(s) }
                if s.blocked || accept(s) { i = s.endWord; continue }
            }
            i += 1
        }
        return out
    }

    func canStart(_ i: Int) -> Bool {
        let w = words[i]
        if w.arabic || w.capitalised || w.forms.contains(where: \.capitalised) { return true }
        if articleAttached(i) { return true }
        return w.key.unicodeScalars.contains { $0.value >= 0x30 && $0.value <= 0x39 }
    }

    /// An article that belongs to the next word: attached by a hyphen (al-Numan), or a
    /// capitalised Al/El before a capitalised word (Al Numan).
    func articleAttached(_ j: Int) -> Bool {
        guard j + 1 < words.count, words[j].isLatinArticle, words[j + 1].before != .breaking else { return false }
        // A bare name ("al fuhayl") has no capitals to go by.
        return words[j + 1].before == .hyphen || (words[j].capitalised && words[j + 1].capitalised) || !runningText
    }

    func longest(at i: Int) -> Span? {
        var first = i
        if articleAttached(i) { first = i + 1 }
        var best: Span?
        // Common words and adjectives ("The", "Turkish") get no spelling guess.
        let w = words[first]
        // An Arabic word read through a Latin skeleton needs five consonants or a place word
        // before it (accept); do not compute skeletons that cannot pass.
        let guessable = w.arabic
            ? (w.forms[0].folded.count >= 5 || (first > 0 && words[first - 1].forms.contains { Stoplists.arabicPlaceWords.contains($0.key) })
               || w.forms[0].folded.first == "\u{0648}")
            : !(Stoplists.commonWords.contains(w.key) || Stoplists.adjectives.contains(w.key) || index.notPlaceWords.contains(w.key))
                || (first + 1 < words.count && words[first + 1].before != .breaking)   // "Deir Sunbul": a name may go on
        for form in w.forms {
            walk(from: first, spanFirst: i, spanStart: first == i ? words[i].start + form.cutStart : words[i].start,
                 form: form, quality: .exact, best: &best)
        }
        // A spelling guess where nothing matched exactly, or where the name may go on past an
        // exact match ("Tell" is a place, "Tell Mardih" is Tall Mardikh).
        let goesOn = first + 1 < words.count && words[first + 1].before != .breaking
            && (words[first + 1].capitalised || words[first + 1].arabic || articleAttached(first + 1))
        guard guessable, best == nil || (goesOn && best.map { $0.endWord == first + 1 } == true) else { return best }
        let exact = best
        var guess: Span?
        for form in w.forms {
            walk(from: first, spanFirst: i, spanStart: first == i ? words[i].start + form.cutStart : words[i].start,
                 form: form, quality: .spelling, best: &guess)
        }
        if let g = guess, exact == nil || g.endWord > (exact?.endWord ?? 0) { return g }
        return exact
    }

    private func key(_ f: WordForm, _ q: MatchQuality, construct: Bool) -> String {
        q == .exact ? f.key : (construct ? f.phoneticConstruct : f.phonetic)
    }

    private func consider(_ k: String, firstWord: Int, keyWord: Int, keyForm: WordForm, lastKey: String? = nil, endWord: Int, start: Int, end: Int, quality: MatchQuality,
                          best: inout Span?) {
        let map = quality == .exact ? index.exact : index.phonetic
        guard let found = map[k] else { return }
        let arabic = words[firstWord].arabic
        let q: MatchQuality = quality == .spelling && arabic ? .transliteration : quality
        if q != .exact {
            // A spelling key is weak evidence: demand enough consonants, and for Latin text a
            // spelling within a third of the name's letters (Saraqeb ~ Saraqib, not Moscow ~ Mashik).
            if PhoneticKey.strength(k) < (arabic ? 4 : 2) { return }
        }
        var hits = found
        var distances: [Int: Double] = [:]
        if q == .spelling {
            // Keep the places whose name is spelled like the words as written (SpellingDistance);
            // a bare name must have all its words ("Jibeen" is not "Tell Jibbin").
            let written = writtenKey(firstWord: keyWord, form: keyForm, endWord: endWord, lastKey: lastKey)
            // A two-consonant skeleton (Atme, Afis) is common: only a near-identical spelling
            // (Atmeh, Afes) may share it.
            let bound = PhoneticKey.strength(k) < 3 ? 0.5 : SpellingDistance.bound(written) + spellingSlack
            // Two words written as one (Talmans for Tall Manis) only for a long enough word.
            let oneWord = endWord - keyWord == 1 && written.count >= 6
            for e in index.phoneticNames[k] ?? [] where (runningText || !e.partial) && (!e.joined || oneWord) {
                let d = SpellingDistance.distance(written, e.name)
                if d <= bound && d < (distances[e.place] ?? .infinity) { distances[e.place] = d }
            }
            hits = hits.filter { distances[$0] != nil }
            if hits.isEmpty { return }
        }
        let blocked = hits.contains { $0 < 0 }
        let places = hits.filter { $0 >= 0 }
        let s = Span(firstWord: firstWord, keyWord: keyWord, keyForm: keyForm, endWord: endWord, start: start, end: end, places: places, quality: q, blocked: blocked, distances: distances)
        if let b = best {
            // Longest name first; for the same words, the longest reading of them, except that a
            // skeleton reads و/ب/ل as vowels, so there the peeled reading (وكفرومة → كفرومة) wins.
            let peeledFirst = q == .transliteration && b.quality == .transliteration
            // Two spellings of the same words: the closer one (Numan'ı is Numan + a suffix).
            let closer = q == .spelling && b.quality == .spelling
            // As close, the reading without the apostrophe's suffix (Numan'ı ~ Noomane: Numan).
            let mine = (endWord - keyWord, closer ? -(distances.values.min() ?? 0) : 0,
                        peeledFirst ? start : closer ? start - end : end - start)
            let theirs = (b.endWord - b.keyWord, closer ? -(b.distances.values.min() ?? 0) : 0,
                          peeledFirst ? b.start : closer ? b.start - b.end : b.end - b.start)
            if theirs >= mine { return }
        }
        best = s
    }

    /// The folded words of a span as written (articles dropped), for comparing with a name.
    /// `lastKey`: the reading of the last word the match used (without a suffix it may have lost).
    func writtenKey(firstWord: Int, form: WordForm, endWord: Int, lastKey: String? = nil) -> String {
        var parts = [form.key]
        var j = firstWord + 1
        while j < endWord {
            if j == endWord - 1 { parts.append(lastKey ?? words[j].key) } else if !words[j].isLatinArticle { parts.append(words[j].key) }
            j += 1
        }
        return parts.joined(separator: " ")
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
                consider(cur + " " + key(f, quality, construct: false), firstWord: spanFirst, keyWord: w, keyForm: form, lastKey: f.key, endWord: j + 1, start: spanStart,
                         end: words[j].end - f.cutEnd, quality: quality, best: &best)
            }
            cur += " " + key(words[j].forms[0], quality, construct: true)
            j += 1; n += 1
        }
    }

    /// Capitalisation, stop words, adjectives and titles: a match that fails them is not a place.
    func accept(_ s: Span) -> Bool {
        if s.blocked || s.places.isEmpty { return false }
        guard runningText else { return true }
        let w = words[s.keyWord]
        let single = s.endWord - s.keyWord == 1
        let k = s.keyForm.key
        if w.arabic {
            if single && (Stoplists.arabicWords.contains(k) || index.notPlaceWords.contains(k) || k.unicodeScalars.count < 2) { return false }
            // Read through a Latin name's skeleton, an Arabic word needs a strong skeleton, or a
            // word like قرية/بلدة before it, or to follow a place in a list (سراقب ومرديخ).
            if s.quality == .transliteration && PhoneticKey.strength(s.keyForm.phonetic) < 5 && !placeCue(before: s) { return false }
            // A peeled proclitic must leave a real word (ب+نش is not Binnish).
            if single && s.keyForm.cutStart > 0 && k.unicodeScalars.count < 3 { return false }
        } else {
            let hasDigit = k.unicodeScalars.contains { $0.properties.numericType != nil }
            // Lower case is not a proper name (French d'Idleb is read after the cut).
            if !s.keyForm.capitalised && !hasDigit { return false }
            if single && (Stoplists.commonWords.contains(k) || Stoplists.adjectives.contains(k) || index.notPlaceWords.contains(k)
                          || (k.unicodeScalars.count < 3 && !hasDigit)) {
                return false
            }
            if s.quality != .exact && single && w.end - w.start < 4 { return false }
            // A capital at the start of a sentence proves nothing: no spelling guess there ("Under").
            if s.quality != .exact && single && w.sentenceStart && s.keyForm.cutEnd == 0 { return false }
            // A spelling-key match between capitalised words that are not places is most likely
            // part of a person's or an organisation's name (Mahmoud Hassano).
            // (A suffix or an elided article marks the end or start of the name itself.)
            if s.quality != .exact && single
                && ((s.keyForm.cutStart == 0 && unknownCapitalised(s.firstWord - 1, before: true))
                    || (!endsWithCut(s) && unknownCapitalised(s.endWord, before: false))) {
                return false
            }
            // SAM, SDF, HTS in capitals are not places.
            if single && !w.hasLowercase && (Stoplists.acronyms.contains(k) || index.notPlaceAcronyms.contains(k)) { return false }
            // A village named like a first name, followed by a capitalised word that is no
            // place, is a person (Martin Griffiths, Rami Abdulrahman).
            if single && s.quality == .exact && s.keyForm.cutEnd == 0 && unknownCapitalised(s.endWord, before: false)
                && s.places.allSatisfy({ index.rankOf[$0].map { $0 <= 2 } ?? false }) {
                return false
            }
            // Acronyms (SOHR, UNHCR) only match exactly.
            if s.quality != .exact && !words[s.keyWord..<s.endWord].contains(where: { w in
                w.hasLowercase }) {
                return false
            }
            // "the Astana agreement", "Sochi deal": an event named after a place.
            if s.endWord < words.count, words[s.endWord].before == .space, Stoplists.eventWords.contains(words[s.endWord].key) {
                return false
            }
        }
        // A name right after a title is a person's (President Assad, Gen. Akar, الرئيس الأسد).
        if s.firstWord >= 1 {
            let p = words[s.firstWord - 1]
            if p.forms.contains(where: { Stoplists.titles.contains($0.key) }) { return false }
            // (President Erdogan Moscow is no person: a city or country after a title and a name is a place.)
            if s.firstWord >= 2, p.capitalised, !p.arabic, Stoplists.titles.contains(words[s.firstWord - 2].key),
               index.exact[p.key] == nil, !s.places.contains(where: { (index.rankOf[$0] ?? 0) >= 5 }) {
                return false
            }
        }
        return true
    }

    /// A capitalised Latin word next to a span that is no place name (a first name, a surname).
    private func unknownCapitalised(_ j: Int, before: Bool) -> Bool {
        guard j >= 0, j < words.count else { return false }
        let w = words[j]
        if w.arabic || !w.capitalised || w.isLatinArticle { return false }
        if before && j + 1 < words.count && words[j + 1].before == .breaking { return false }
        if !before && w.before == .breaking { return false }
        if w.sentenceStart && before { return false }
        return index.exact[w.key] == nil
    }

    /// The span's last word lost a suffix (İdlib'in, Idlib's).
    private func endsWithCut(_ s: Span) -> Bool {
        s.end < words[s.endWord - 1].end
    }

    /// An Arabic place word (قرية, بلدة, مدينة, منطقة…) just before the span, or a place just
    /// before it that this one is listed with (بلدتي سراقب ومرديخ).
    func placeCue(before s: Span) -> Bool {
        guard s.firstWord >= 1 else { return false }
        let p = words[s.firstWord - 1]
        if p.forms.contains(where: { Stoplists.arabicPlaceWords.contains($0.key) }) { return true }
        let w = words[s.keyWord]
        if s.keyForm.cutStart > 0, w.forms[0].folded.first == "\u{0648}", w.before != .breaking {
            // و + name right after a matched place name.
            return index.exact[p.forms[0].key] != nil || p.forms.contains { index.exact[$0.key] != nil }
        }
        return false
    }
}
