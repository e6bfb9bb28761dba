import Foundation
import Situation

/// Turns one article into candidate events and control claims. Reads the article sentence by
/// sentence: an event cue (convoy, air strike, …) makes a candidate unless the sentence only
/// threatens, plans or denies it; the sentence's date expression (or the last one before it
/// in the paragraph, or the publication date) dates it; its places, figures, attribution and
/// actor fill it in. Candidates of one article that say the same thing are merged.
public struct Extractor: Sendable {
    public let lexicon: Lexicon
    public let provinces: Provinces
    let dates: DateFinder
    let figures: FigureFinder
    let attribution: AttributionFinder
    let roles: PlaceRoleReader

    public init(lexicon: Lexicon, provinces: Provinces) {
        self.lexicon = lexicon
        self.provinces = provinces
        dates = DateFinder(lexicon: lexicon)
        figures = FigureFinder(lexicon: lexicon)
        attribution = AttributionFinder(lexicon: lexicon)
        roles = PlaceRoleReader(lexicon: lexicon)
    }

    /// Event types, strongest first: when one sentence holds several cues, the more specific wins.
    static let priority: [String] = ["post-established", "post-encircled", "taken", "lost", "convoy", "post-reinforced",
                                     "strike", "shelling", "displacement", "casualties", "clash", "talks"]

    /// What a sentence read yields, before merging.
    struct Reading {
        var event: CandidateEvent
        var control: [ControlCandidate]
        var sentence: Int
        var cueToken: Int
        /// Whether the attribution is only the outlet's, for want of a source in the sentence.
        var unattributed = false
    }

    public func extract(_ article: ArticleText, places found: [PlaceSpan], meta: ArticleMeta) -> Candidates {
        guard let pub = meta.publishedDay else { return Candidates() }
        let lang = (meta.language ?? ArticleLanguage.detect(article, lexicon: lexicon)).rawValue
        let toks = article.tokens
        let allPlaces = Extractor.withoutSourceNames(found, article: article, lexicon: lexicon, lang: lang)
        var readings: [Reading] = []
        var lastSource: String?
        var namedSources: [String] = []
        var lastDate: (paragraph: Int, mention: DateMention)?
        // A sentence that gives a date but tells no event ("On Tuesday, the ministry spoke.")
        // dates the next sentence, even across a paragraph break.
        var datedLeadIn: (sentence: Int, mention: DateMention)?
        // Capitals standing for their governments ("Ankara", "Moscow", "from Damascus's view").
        let seats = Extractor.seatRanges(article, lexicon: lexicon, lang: lang)
        let mainProvince = provinces.dominant(allPlaces)
        var previousTown: PlaceSpan?

        for s in article.sentences {
            let range = s.tokens
            defer {
                // The sentence's first town is its subject ("Saraqeb, … southeast of Idlib city").
                if let last = allPlaces.first(where: { $0.start >= s.start && $0.end <= s.end && ["city", "town", "village"].contains($0.kind) }) {
                    previousTown = last
                }
            }
            let cues = lexicon.events.matches(in: toks, range, lang: lang)
            let attr = attribution.find(in: article, range, lang: lang)
            var source: String?
            switch attr {
            case .named(let a): source = a.source
            case .previous(let hint):
                if let hint { source = namedSources.last { $0.lowercased().contains(hint) } } else { source = lastSource }
            case .none: source = nil
            }
            if let source { lastSource = source; namedSources.append(source) }
            let modal = cues.filter { $0.key == "modal" || $0.key == "future" }
            let future = cues.filter { $0.key == "future" }
            let negations = cues.filter { $0.key == "negation" }
            let found = dates.find(in: article, range, published: pub, lang: lang, modalEnds: modal.map(\.end))
            let readingsBefore = readings.count
            defer {
                if let d = found.last(where: { !$0.isBackground }) {
                    lastDate = (s.paragraph, d)
                    datedLeadIn = readings.count == readingsBefore ? (s.index, d) : nil
                } else if readings.count > readingsBefore {
                    datedLeadIn = nil
                }
            }
            // A capital is where talks were held only after a locative: "in Moscow", "à Moscou",
            // "Moskova'da", "في موسكو" — not "Moscow's ally", "l'allié russe de Damas".
            func isVenue(_ p: PlaceSpan) -> Bool {
                guard let k = range.first(where: { toks[$0].end > p.start }) else { return false }
                let word = toks[k].folded
                if lang == "tr", let a = word.firstIndex(of: "'") {
                    return ["da", "de", "ta", "te"].contains(String(word[word.index(after: a)...]))
                }
                guard k > range.lowerBound else { return false }
                let before = toks[k - 1].folded
                return ["in", "at", "في", "dans"].contains(before) || (lang == "fr" && before == "a")
            }
            let purposes = cues.filter { $0.key == "purpose" }
            let supports = cues.filter { $0.key == "support" }
            let placeStarts = Set(allPlaces.filter { $0.start >= s.start && $0.end <= s.end }.map(\.start))
            // A threat, plan or condition just before the cue, or a denial, is not an event; a
            // weaker cue of the sentence may still be one ("shelled … to prevent it being surrounded").
            func blocked(_ c: CueMatch) -> Bool {
                modal.contains { m in m.end <= c.start && c.start - m.end <= 8 && !clauseBreak(toks, m.end, c.start) }
                    || future.contains { m in m.start >= c.end && m.start - c.end <= 3 && !clauseBreak(toks, c.end, m.start) }
                    || negations.contains { n in n.end <= c.start && c.start - n.end <= 3 }
            }
            let typed = cues.filter { c in
                Extractor.priority.contains(c.key) && !blocked(c)
                    && !purposes.contains { $0.end == c.start }
                    && !supports.contains { c.start >= $0.end && c.start - $0.end <= 2 }
                    && !(c.key == "post-encircled" && c.end < toks.count && placeStarts.contains(toks[c.end].start))
            }
            guard !typed.isEmpty else { continue }
            // The strongest type; a convoy sent "to reinforce" posts is a convoy.
            // The strongest cue; another kind of event in another clause ("a convoy entered …,
            // and a new post was set up …") is read from its own clause.
            func stronger(_ a: CueMatch, _ b: CueMatch) -> Bool {
                let pa = Extractor.priority.firstIndex(of: a.key) ?? 99, pb = Extractor.priority.firstIndex(of: b.key) ?? 99
                return (pa, -a.cue.weight, a.start) < (pb, -b.cue.weight, b.start)
            }
            let clauseMarks = cues.filter { $0.key == "clause" }.map(\.start)
                + range.filter { toks[$0].kind == .punctuation && [",", "،", ";", ":"].contains(toks[$0].text) }
            var primaries: [CueMatch] = []
            for c in typed.sorted(by: stronger) {
                let fam = Extractor.family(c.key == "taken" || c.key == "lost" ? "clash" : c.key)
                let apart = primaries.allSatisfy { p in
                    Extractor.family(p.key == "taken" || p.key == "lost" ? "clash" : p.key) != fam
                        && clauseMarks.contains { k in k > min(p.end, c.end) - 1 && k < max(p.start, c.start) }
                }
                if primaries.isEmpty || (apart && primaries.count < 3 && !["clash", "casualties", "talks"].contains(c.key)) {
                    primaries.append(c)
                }
            }
            primaries.sort { $0.start < $1.start }
            let sentenceRange = range
            for (pi, best) in primaries.enumerated() {
            // The clause of this cue: from the clause mark before it to the one before the next cue.
            let segStart = pi == 0 ? sentenceRange.lowerBound
                : (clauseMarks.filter { $0 >= primaries[pi - 1].end && $0 < best.start }.max() ?? best.start)
            let segEnd = pi + 1 < primaries.count
                ? (clauseMarks.filter { $0 >= best.end && $0 < primaries[pi + 1].start }.max() ?? primaries[pi + 1].start)
                : sentenceRange.upperBound
            let range = segStart..<max(segStart + 1, segEnd)
            let segFrom = toks[range.lowerBound].start, segTo = toks[range.upperBound - 1].end
            var type = best.key
            if type == "post-reinforced", typed.contains(where: { $0.key == "convoy" }) { type = "convoy" }

            // The date: nearest non-background expression of the sentence, else the paragraph's last, else publication.
            let current = found.filter { !$0.isBackground }
            var date: DateMention?
            if !current.isEmpty {
                date = current.min { abs($0.tokens.lowerBound - best.start) < abs($1.tokens.lowerBound - best.start) }
            } else if !found.isEmpty {
                continue   // only history ("in 2018", "last year")
            } else if let last = lastDate, last.paragraph == s.paragraph {
                date = last.mention
            } else if let lead = datedLeadIn, lead.sentence == s.index - 1 {
                date = lead.mention
            }
            if (date?.date ?? pub) > pub { continue }   // still to come: "talks on Saturday" written on Friday

            // Places and their roles; a dateline (AZAZ, Syria) is where the reporter was.
            let inSentence = allPlaces.filter { $0.start >= segFrom && $0.end <= segTo }
                .filter { !Extractor.isDateline($0, article: article, sentence: s) }
            // Outside the theatre (Ankara, Moscow) only talks and convoys' origins take place.
            let points = inSentence.filter { p in
                !["province", "country", "road"].contains(p.kind)
                    && (!seats.contains { $0.overlaps(p.start..<p.end) } || (type == "talks" && isVenue(p)))
                    && (type == "talks" || type == "convoy" || provinces.inTheatre(lat: p.lat, lon: p.lon))
            }
            // Talks held in a capital ("Moskova'da bir araya geldi") took place there, not in the
            // towns they were about.
            let venues = type == "talks" ? points.filter { p in seats.contains { $0.overlaps(p.start..<p.end) } } : []
            var (roled, roads) = roles.read(article, range, places: venues.isEmpty ? points : venues, lang: lang)
            for p in inSentence where p.kind == "road" && !roads.contains(p.name) { roads.append(p.name) }
            var regions: [String] = []
            for p in inSentence where p.kind == "province" {
                // Named as Lexicon/provinces.tsv names them, whatever the gazetteer calls them.
                let name = provinces.province(lat: p.lat, lon: p.lon) ?? p.name
                if !regions.contains(name) { regions.append(name) }
            }
            // "the town" in a capture sentence without a place: the town named just before.
            let placeCues = lexicon.places.matches(in: toks, range, lang: lang)
            // "20 villages" counts villages; it does not point back at one.
            let anaphors = placeCues.filter { c in
                c.key == "anaphor" && !((max(range.lowerBound, c.start - 3)..<c.start).contains { toks[$0].kind == .number
                    || FigureFinder.digitsPrefix(toks[$0].folded) != nil })
            }
            if roled.isEmpty, type == "taken" || type == "lost", !anaphors.isEmpty,
               let prev = previousTown {
                roled = [RoledPlace(span: prev, role: .at)]
            }
            let dateTokens = Set(found.flatMap { Array($0.tokens) }.filter { k in
                // "in the last 24 hours" is a date but also the figure's period.
                !(toks[k].kind == .number && k + 1 < toks.count && ["hours", "hour", "ساعه", "saat", "heures"].contains(toks[k + 1].folded))
            })
            // A count next to "since December" in a sentence dated otherwise is the running total
            // ("… on Monday, after 300 civilians since December"): background, not this event's toll.
            let otherSince = found.filter { $0.since != nil && $0 != date }
            let figs = figures.find(in: article, range, lang: lang, excluding: dateTokens).filter { f in
                !otherSince.contains { m in
                    // The words between the count and the date, with no clause mark among them.
                    let gap = min(f.tokens.upperBound, m.tokens.upperBound)..<max(f.tokens.lowerBound, m.tokens.lowerBound, min(f.tokens.upperBound, m.tokens.upperBound))
                    return gap.count <= 6 && !clauseMarks.contains { gap.contains($0) }
                }
            }
            let figureTokens = Set(figs.flatMap { Array($0.tokens) })

            // The actor: a passive agent ("shelling by Syrian forces"), else the actor cue nearest
            // before the event cue, else after it; never the people a figure counts.
            // Victims are not actors: the people a figure counts, or an actor named right before
            // "killed"/"wounded" ("soldats turcs tués").
            let outcomes = lexicon.figures.matches(in: toks, range, lang: lang).filter { $0.key.hasPrefix("outcome=") }
            let actorCues = lexicon.actors.matches(in: toks, range, lang: lang)
                .filter { c in !(c.start..<c.end).contains { figureTokens.contains($0) } }
                .filter { c in !outcomes.contains { $0.start >= c.end && $0.start - c.end <= 2 } }
            let agents = cues.filter { $0.key == "agent" }
            // "shelling by Syrian forces", and "par des tirs … du régime syrien" (agent before the cue).
            let agentBeforeCue = agents.contains { $0.end <= best.start && best.start - $0.end <= 2 }
            let agentActor = actorCues.first { c in c.start >= best.end && c.start - best.end <= 6
                && (agentBeforeCue || agents.contains { $0.end == c.start || $0.end == c.start - 1 }) }
            let actorCue = agentActor ?? actorCues.last { $0.end <= best.start } ?? actorCues.first { $0.start >= best.end }
            let actorSide = actorCue.map { String($0.key.split(separator: "/").first ?? "") }
            let actorLabel = actorCue.map { String($0.key.split(separator: "/").dropFirst().joined(separator: "/")) }

            let eventType: String
            switch type {
            case "taken", "lost": eventType = "clash"
            default: eventType = type
            }
            let from = roled.first { $0.role == .from }?.span ?? (eventType == "convoy" ? roled.first { $0.role == .via }?.span : nil)
            let to = roled.first { $0.role == .to }?.span
            // A place named only to locate another ("Al-Eis east of Idlib") is not where it happened.
            let located = roled.filter { ($0.relation == "at" || $0.partner != nil) && $0.span.inGazetteer }
            let relative = roled.first { $0.relation != "at" }
            var placeNames: [String] = []
            var spans: [PlaceSpan] = []
            var sites: [String] = []
            // Only anchors of a direction ("the countryside east of Idlib", "Halep'in güneyinde"):
            // the event lies somewhere off them, so it keeps their province and the position,
            // not the anchor town itself (a wrong place, often by tens of km).
            let onlyDirections = located.isEmpty && !roled.isEmpty
                && roled.allSatisfy { $0.relation.hasSuffix("-of") && $0.partner == nil } && type != "talks"
            if onlyDirections {
                for r in roled {
                    if let pr = provinces.province(lat: r.span.lat, lon: r.span.lon), !regions.contains(pr) { regions.append(pr) }
                }
            }
            for r in (located.isEmpty ? (onlyDirections ? [] : roled) : located) {
                for p in [r.span] + (r.partner.map { [$0] } ?? []) where !placeNames.contains(p.name) && !regions.contains(p.name) {
                    spans.append(p)
                    if p.inGazetteer { placeNames.append(p.name) } else { regions.append(p.name) }
                    if let site = p.site, !sites.contains(site) { sites.append(site) }
                }
            }
            if placeNames.isEmpty, regions.isEmpty, let mainProvince { regions = [mainProvince] }

            // Figures that fit the event; a displaced or killed count in a sentence about something
            // else becomes an event of its own.
            var own: [Figure] = [], extra: [String: [Figure]] = [:]
            for f in figs {
                let fam = Extractor.figureFamily(f.key)
                if Extractor.fits(fam, eventType) { own.append(f) } else if fam == "displacement" || fam == "casualties" {
                    extra[fam, default: []].append(f)
                }
            }
            let actor = actorLabel ?? defaultActor(eventType)
            var confidence = 0.45 + min(0.2, Double(best.cue.weight) * 0.03)
            if date != nil { confidence += 0.1 }
            if !spans.isEmpty { confidence += 0.1 + 0.1 * (spans.map(\.confidence).max() ?? 0) }
            if !own.isEmpty { confidence += 0.05 }
            if eventType == "clash" && spans.isEmpty { confidence -= 0.2 }

            let srcName = source ?? meta.outlet
            let src = CandidateSource(outlet: meta.outlet, published: meta.published, attributedTo: srcName, url: meta.url)
            func make(_ t: String, _ figs: [Figure], _ conf: Double) -> CandidateEvent {
                var event = CandidateEvent(
                    id: "", date: date?.date ?? pub, dateEnd: date?.dateEnd,
                    precision: date.map { $0.precision.rawValue } ?? "approximate",
                    type: t, actor: t == eventType ? actor : defaultActor(t),
                    from: t == "convoy" ? from.flatMap { $0.inGazetteer ? $0.name : nil } : nil,
                    to: t == "convoy" ? to.flatMap { $0.inGazetteer ? $0.name : nil } : nil,
                    places: placeNames, summary: "", sources: [src], confidence: min(0.95, max(0.05, conf)),
                    evidence: Evidence(article: meta.file, start: s.start, end: s.end))
                event.regions = regions
                event.roads = roads
                event.sites = sites
                for f in figs where !event.figures.contains(where: { $0.key == f.key }) {
                    event.figures.append((f.key, f.valueText))
                    if let q = f.qualifier { event.qualifiers[f.key] = q }
                }
                event.spans = spans
                if let since = date?.since { event.note = "cumulative count since \(since)" }
                if let r = relative, t == "post-established" || located.isEmpty {
                    let anchor = r.partner.map { "\(r.span.name)|\($0.name)" } ?? r.span.name
                    event.position = CandidatePosition(anchor: anchor, relation: r.relation, offsetKm: r.offsetKm)
                }
                event.summary = Summary.write(event)
                return event
            }
            let event = make(eventType, own, confidence)
            for (fam, fs) in extra.sorted(by: { $0.key < $1.key }) {
                readings.append(Reading(event: make(fam, fs, confidence - 0.1), control: [], sentence: s.index, cueToken: best.start))
            }

            // Towns taken: a control claim for the place taken — the first place after the cue
            // ("took control of Saraqib"), else before it ("Saraqib fell").
            var control: [ControlCandidate] = []
            if type == "taken" || type == "lost" {
                let partial = cues.contains { $0.key == "partial" } || best.cue.text.hasPrefix("entered")
                var holder: String?
                // The party's side (Reading/parties.tsv); "lost" gives the town to the other side.
                holder = lexicon.parties.party(actorSide)?.holds
                if type == "lost", let h = holder { holder = lexicon.parties.opponent(of: h) }
                if partial, holder != nil { holder = "contested" }
                let plain = roled.filter { $0.relation == "at" && $0.partner == nil && $0.role != .from }
                let taken = plain.first { $0.span.start >= toks[best.start].start } ?? plain.last
                if let holder, let p = taken, p.span.inGazetteer {
                    control.append(ControlCandidate(date: event.date, place: p.span.name, placeID: p.span.id, holder: holder,
                                                    confidence: min(0.9, event.confidence), outlet: meta.outlet,
                                                    published: meta.published, attributedTo: srcName, url: meta.url,
                                                    evidence: event.evidence))
                }
            }
            readings.append(Reading(event: event, control: control, sentence: s.index, cueToken: best.start,
                                    unattributed: source == nil))
            }
            for k in readings.indices where readings[k].sentence == s.index { readings[k].unattributed = source == nil }
        }
        creditLater(&readings, article: article, lang: lang, outlet: meta.outlet)
        return merge(readings)
    }

    /// A source named just after the facts: the next sentence or two of the paragraph ("…,"
    /// the ministry said. / C'est ce qu'a annoncé le ministère), or a photo credit closing the
    /// paragraph ("Omar Haj Kadour / AFP", "(Photo by AFP)").
    func creditLater(_ readings: inout [Reading], article: ArticleText, lang: String, outlet: String) {
        let toks = article.tokens
        let sentences = article.sentences
        var named: [Int: String] = [:]
        for s in sentences {
            if case .named(let a) = attribution.find(in: article, s.tokens, lang: lang) { named[s.index] = a.source }
        }
        let withEvents = Set(readings.map(\.sentence))
        var credit: [Int: String] = [:]   // paragraph → photo credit
        for s in sentences {
            var end = s.tokens.upperBound
            while end > s.tokens.lowerBound, toks[end - 1].kind == .punctuation { end -= 1 }
            guard end > s.tokens.lowerBound else { continue }
            let tail = max(s.tokens.lowerBound, end - 4)..<end
            // "Omar Haj Kadour / AFP", "(Photo by AFP)", or a credit line of its own ("AFP").
            if let m = lexicon.sources.matches(in: toks, tail, lang: lang).last, m.end == end, !m.key.contains("{}"),
               m.start == s.tokens.lowerBound || ["/", "(", "by", "par", "photo", "|"].contains(toks[m.start - 1].folded) {
                credit[s.paragraph] = m.key
            }
        }
        for k in readings.indices where readings[k].unattributed {
            let i = readings[k].sentence
            let para = sentences[i].paragraph
            var found: String?
            for j in (i + 1)..<min(sentences.count, i + 3) where sentences[j].paragraph == para {
                if let n = named[j] { found = n; break }
                if withEvents.contains(j) { break }
            }
            if let f = found ?? credit[para] {
                readings[k].event.sources[0].attributedTo = f
                for c in readings[k].control.indices { readings[k].control[c].attributedTo = f }
                readings[k].unattributed = false
            }
        }
    }

    /// A name the lexicon knows as a source ("SOHR", "Anadolu") is not a place, unless the
    /// geoparser is sure of it.
    static func withoutSourceNames(_ places: [PlaceSpan], article: ArticleText, lexicon: Lexicon, lang: String) -> [PlaceSpan] {
        let toks = article.tokens
        let names = lexicon.sources.matches(in: toks, 0..<toks.count, lang: lang).map { toks[$0.start].start..<toks[$0.end - 1].end }
        return places.filter { p in p.confidence >= 0.8 || !names.contains { $0.overlaps(p.start..<p.end) } }
    }

    /// Code points of the capitals the lexicon names as seats of government (`seat` in places.tsv).
    static func seatRanges(_ article: ArticleText, lexicon: Lexicon, lang: String) -> [Range<Int>] {
        let toks = article.tokens
        return lexicon.places.matches(in: toks, 0..<toks.count, lang: lang).filter { $0.key == "seat" }
            .map { toks[$0.start].start..<toks[$0.end - 1].end }
    }

    static func isDateline(_ p: PlaceSpan, article: ArticleText, sentence s: Sentence) -> Bool {
        // "AZAZ, Syria (Reuters) –": upper-case name at the head of the sentence.
        guard p.start - s.start < 3 else { return false }
        let letters = p.text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count > 2 && letters.allSatisfy { $0.properties.isUppercase }
    }

    func clauseBreak(_ toks: [Token], _ a: Int, _ b: Int) -> Bool {
        (min(a, b)..<max(a, b)).contains { toks[$0].kind == .punctuation && [";", "."].contains(toks[$0].text) }
    }

    /// The actor of an event whose sentence names none (Reading/parties.tsv `acts`).
    func defaultActor(_ type: String) -> String { lexicon.parties.defaultActor(type) }

    /// Readings of one article about the same happening (same type family, dates within a
    /// day, shared places or none) become one candidate with the first sentence as evidence.
    func merge(_ readings: [Reading]) -> Candidates {
        let sideWords = lexicon.parties.sideWords
        var events: [CandidateEvent] = []
        var control: [ControlCandidate] = []
        for r in readings {
            var e = r.event
            if let i = events.firstIndex(where: { Extractor.sameHappening($0, e, sideWords: sideWords) }) {
                var m = events[i]
                m.evidence.more.append([e.evidence.start, e.evidence.end])
                for p in e.places where !m.places.contains(p) { m.places.append(p) }
                for s in e.spans where !m.spans.contains(where: { $0.id == s.id }) { m.spans.append(s) }
                for s in e.sites where !m.sites.contains(s) { m.sites.append(s) }
                for r in e.regions where !m.regions.contains(r) && !e.spans.isEmpty { m.regions.append(r) }
                for r in e.roads where !m.roads.contains(r) { m.roads.append(r) }
                if !m.places.isEmpty { m.regions = m.regions.filter { r in e.spans.isEmpty || !r.isEmpty } }
                m.from = m.from ?? e.from
                m.to = m.to ?? e.to
                m.position = m.position ?? e.position
                if m.precision != "day", e.precision == "day" { m.date = e.date; m.precision = "day"; m.dateEnd = nil }
                if m.actor == defaultActor(m.type), e.actor != defaultActor(e.type) { m.actor = e.actor }
                for f in e.figures {
                    if let old = m.figures.first(where: { $0.key == f.key }) {
                        if old.value != f.value, !m.claims.contains(where: { $0.figures.contains { $0.key == f.key && $0.value == f.value } }) {
                            m.claims.append(CandidateClaim(figures: [f], qualifiers: e.qualifiers[f.key].map { [f.key: $0] } ?? [:],
                                                           date: nil, sources: e.sources))
                        }
                    } else {
                        m.figures.append(f)
                        if let q = e.qualifiers[f.key] { m.qualifiers[f.key] = q }
                    }
                }
                let mAttr = m.sources[0].attributedTo, eAttr = e.sources[0].attributedTo
                if mAttr == m.sources[0].outlet, eAttr != mAttr { m.sources[0].attributedTo = eAttr }
                m.confidence = min(0.95, max(m.confidence, e.confidence) + 0.05)
                m.summary = Summary.write(m)
                events[i] = m
            } else {
                e.summary = Summary.write(e)
                events.append(e)
            }
            for c in r.control where !control.contains(where: { $0.placeID == c.placeID && $0.holder == c.holder && $0.date == c.date }) {
                control.append(c)
            }
        }
        // Figures from claims only: the event keeps the first, claims the rest (already done).
        var seen: [String: Int] = [:]
        for i in events.indices {
            let base = "\(events[i].date)-\(events[i].type)-\(Summary.slug(events[i].places.first ?? events[i].regions.first ?? events[i].actor))"
            let n = (seen[base] ?? 0) + 1
            seen[base] = n
            events[i].id = n == 1 ? base : "\(base)-\(n)"
        }
        return Candidates(events: events, control: control)
    }

    /// What kind of event a figure belongs to.
    static func figureFamily(_ key: String) -> String {
        if key.contains("displaced") { return "displacement" }
        if ["killed", "wounded", "neutralized"].contains(key) || key.hasSuffix("_killed") || key.hasSuffix("_wounded")
            || ["soldiers_neutralized", "fighters_neutralized", "people_neutralized"].contains(key) { return "casualties" }
        if key == "period_hours" { return "any" }
        if key == "posts" { return "posts" }
        return "equipment"
    }

    static func fits(_ figureFamily: String, _ type: String) -> Bool {
        switch figureFamily {
        case "any": return true
        case "displacement": return type == "displacement"
        case "casualties": return ["strike", "shelling", "casualties", "clash"].contains(type)
        case "posts": return type.hasPrefix("post-")
        default: return type != "displacement" && type != "talks"
        }
    }

    static func family(_ t: String) -> String {
        switch t {
        case "convoy", "post-reinforced": return "convoy"
        case "strike", "shelling", "casualties": return "attack"
        default: return t
        }
    }

    static func sameHappening(_ a: CandidateEvent, _ b: CandidateEvent, sideWords: Set<String> = []) -> Bool {
        guard family(a.type) == family(b.type), abs(a.date.days(since: b.date)) <= 1 else { return false }
        // Two convoys from different places, or with different counts, are two convoys.
        if let f1 = a.from, let f2 = b.from, f1 != f2 { return false }
        if let t1 = a.to, let t2 = b.to, t1 != t2 { return false }
        if !a.figures.isEmpty, !b.figures.isEmpty {
            // Counts of one kind (killed = turkish_soldiers_killed) must agree, and at least one
            // must be shared, unless the two count different things ("2 killed" / "5 wounded").
            var shared = false
            for f in a.figures {
                for g in b.figures {
                    let fk = FigureKind(f.key, sideWords: sideWords), gk = FigureKind(g.key, sideWords: sideWords)
                    guard fk.compatible(with: gk) || gk.compatible(with: fk) else { continue }
                    if f.value != g.value { return false }
                    shared = true
                }
            }
            // Without a shared count, only a toll told in parts ("2 killed" / "5 wounded") is one happening;
            // "114 neutralised" in reply to it is another.
            let toll: Set<String> = ["killed", "wounded"]
            if !shared && !(a.figures + b.figures).allSatisfy({ FigureKind($0.key).outcome.map(toll.contains) ?? false }) {
                return false
            }
        }
        // Different attributions of different numbers stay apart until a reviewer merges them.
        let aAttr = a.sources[0].attributedTo, bAttr = b.sources[0].attributedTo
        let outlet = a.sources[0].outlet
        if aAttr != bAttr, aAttr != outlet, bAttr != outlet { return false }
        if a.type == "talks" { return true }
        if a.places.isEmpty || b.places.isEmpty { return a.places.isEmpty && b.places.isEmpty }
        return !Set(a.places).isDisjoint(with: b.places)
    }
}
