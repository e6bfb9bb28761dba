import Foundation

/// The review page: one self-contained HTML file. Each article is shown sentence by sentence
/// with its place mentions highlighted (green, amber, red by the geoparser's confidence; the
/// resolved name on hover) and, beside each sentence, the candidates read from it with their
/// fields. A map of the candidates (PNG, inlined) heads the page.
public enum ReviewPage {
    public static func html(articles: [IngestedArticle], mapPNG: Data?) -> String {
        var h = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>mapgen ingest review</title><style>
        body{font:14px/1.45 "Noto Sans",sans-serif;margin:0;background:#f4f4f1;color:#222}
        header{padding:12px 20px;background:#27343f;color:#fff}h1{font-size:18px;margin:0}
        .map{padding:12px 20px}.map img{max-width:100%;border:1px solid #bbb;background:#fff}
        article{margin:12px 20px;background:#fff;border:1px solid #ccc;border-radius:4px}
        article h2{font-size:15px;margin:0;padding:8px 12px;background:#e8e8e2;border-bottom:1px solid #ccc}
        .row{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);border-bottom:1px solid #eee}
        .s{padding:6px 12px}.c{padding:6px 12px;background:#fafaf7}
        .rtl .s{direction:rtl;text-align:right}
        mark{border-radius:3px;padding:0 2px;cursor:help}
        mark.hi{background:#b9e4b0}mark.mid{background:#ffe08a}mark.lo{background:#f6b2a8}
        .cand{border:1px solid #c9c9c0;border-left:4px solid #3a7bd5;border-radius:3px;margin:4px 0;padding:4px 8px;font-size:12.5px;background:#fff}
        .cand.control{border-left-color:#c0392b}.cand b{font-size:13px}.cand table{border-collapse:collapse}
        .cand td{padding:0 6px 0 0;vertical-align:top}.cand td:first-child{color:#666;white-space:nowrap}
        .legend span{display:inline-block;margin-right:10px}
        </style></head><body><header><h1>mapgen ingest — candidates to review</h1>
        <div class="legend">Places: <span><mark class="hi">sure</mark></span><span><mark class="mid">likely</mark></span>
        <span><mark class="lo">doubtful</mark></span> (hover for the place chosen). Candidates sit beside their sentence.
        Keep, edit or reject them in the candidates file, then run <code>mapgen ingest --apply FILE</code>.</div></header>
        """
        if let png = mapPNG {
            h += "<div class=\"map\"><img alt=\"map of the candidates\" src=\"data:image/png;base64,\(png.base64EncodedString())\"></div>\n"
        }
        for a in articles {
            let rtl = a.language == .ar
            h += "<article class=\"\(rtl ? "rtl" : "")\"><h2>\(esc(a.meta.file ?? "article")) — \(esc(a.meta.outlet)), \(esc(a.meta.published))"
            h += " (\(a.language.rawValue); \(a.candidates.events.count) events, \(a.candidates.control.count) control claims)</h2>\n"
            for s in a.article.sentences {
                h += "<div class=\"row\" id=\"s\(s.start)\"><div class=\"s\">\(marked(a, s.start, s.end))</div><div class=\"c\">"
                for e in a.candidates.events where e.evidence.start == s.start { h += card(e) }
                for e in a.candidates.events where e.evidence.more.contains(where: { $0.first == s.start }) {
                    h += "<div class=\"cand\">also: <b>\(esc(e.id))</b></div>"
                }
                for c in a.candidates.control where c.evidence.start == s.start { h += card(c) }
                h += "</div></div>\n"
            }
            h += "</article>\n"
        }
        return h + "</body></html>\n"
    }

    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A sentence with its place mentions wrapped in <mark>.
    static func marked(_ a: IngestedArticle, _ start: Int, _ end: Int) -> String {
        var out = ""
        var i = start
        for p in a.places where p.start >= start && p.end <= end && p.start >= i {
            out += esc(a.article.slice(i, p.start))
            let cls = p.confidence >= 0.8 ? "hi" : p.confidence >= 0.5 ? "mid" : "lo"
            let title = "\(p.name) (\(p.kind), id \(p.id)\(p.site.map { ", post \($0)" } ?? "")) — confidence \(String(format: "%.2f", p.confidence))"
            out += "<mark class=\"\(cls)\" title=\"\(esc(title))\">\(esc(a.article.slice(p.start, p.end)))</mark>"
            i = p.end
        }
        return out + esc(a.article.slice(i, end))
    }

    static func rows(_ pairs: [(String, String?)]) -> String {
        "<table>" + pairs.compactMap { k, v in v.flatMap { $0.isEmpty ? nil : "<tr><td>\(k)</td><td>\(esc($0))</td></tr>" } }.joined() + "</table>"
    }

    static func card(_ e: CandidateEvent) -> String {
        let figs = e.figures.map { f in (e.qualifiers[f.key].map { "\($0) " } ?? "") + "\(f.key) \(f.value)" }
        let pos = e.position.map { "\($0.relation) \($0.anchor)" + ($0.offsetKm.map { String(format: ", %g km", $0) } ?? "") }
        return "<div class=\"cand\"><b>\(esc(e.type))</b> · \(esc(e.id)) · confidence \(String(format: "%.2f", e.confidence))"
            + rows([("date", e.date.description + (e.dateEnd.map { " – \($0)" } ?? "") + " (\(e.precision))"), ("actor", e.actor),
                    ("from", e.from), ("to", e.to), ("places", e.places.joined(separator: ", ")),
                    ("regions", e.regions.joined(separator: ", ")), ("posts", e.sites.joined(separator: ", ")),
                    ("roads", e.roads.joined(separator: ", ")), ("position", pos), ("figures", figs.joined(separator: ", ")),
                    ("source", "\(e.sources[0].outlet), citing \(e.sources[0].attributedTo)"), ("summary", e.summary)])
            + "</div>"
    }

    static func card(_ c: ControlCandidate) -> String {
        "<div class=\"cand control\"><b>control claim</b> · confidence \(String(format: "%.2f", c.confidence))"
            + rows([("date", c.date.description), ("place", c.place), ("holder", c.holder), ("role", c.role),
                    ("source", "\(c.outlet), citing \(c.attributedTo)")]) + "</div>"
    }
}
