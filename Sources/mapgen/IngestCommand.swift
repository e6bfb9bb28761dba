import ArgumentParser
import Foundation
import Geo
import Geoparse
import Ingest
import Situation

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read news articles into candidate events for review; apply the reviewed candidates to Reports/.",
        discussion: """
        Reads an article (plain text; - for standard input) or a folder of articles and writes \
        candidate events (the schema of Reports/events.yaml plus status, confidence and evidence \
        offsets) and control claims as YAML. A person reviews them (--review writes an HTML page: \
        the article with places highlighted and each candidate beside its sentence), deletes or \
        edits, then --apply merges what is left into Reports/.

        Examples:
          mapgen ingest article.txt --published 2020-02-08 --outlet Reuters --out /tmp/c.yaml --review /tmp/c.html
          mapgen ingest articles/ --out /tmp/c.yaml          (front matter, NAME.meta or articles.tsv per article)
          mapgen ingest --apply /tmp/c.yaml
        """)

    @Argument(help: "An article file, - for standard input, or a folder of articles.")
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Publication date of a single article, YYYY-MM-DD (relative dates resolve against it).", valueName: "date"))
    var published: String?

    @Option(help: ArgumentHelp("Outlet of a single article.", valueName: "name"))
    var outlet: String?

    @Option(help: ArgumentHelp("Address of a single article.", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("The article's language: auto (detect it), or \(ArticleLanguage.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "lang"))
    var lang: String = "auto"

    @Option(help: ArgumentHelp("Write the candidates here instead of standard output.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Write a review page (self-contained HTML) here.", valueName: "file"))
    var review: String?

    @Option(help: ArgumentHelp("Merge reviewed candidates into Reports/ (validated; nothing changes on error).", valueName: "file"))
    var apply: String?

    @Option(help: ArgumentHelp("Score the candidates against gold events (events.tsv format) and print the scores.", valueName: "file"))
    var evaluate: String?

    @Flag(help: "With --apply: check and print what would be added, change nothing.")
    var dryRun = false

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        if apply != nil {
            guard inputs.isEmpty else { throw ValidationError("--apply takes the candidates file only; drop the article arguments") }
            return
        }
        guard !inputs.isEmpty else { throw ValidationError("give an article file, - for standard input, or a folder (or --apply FILE)") }
        guard lang == "auto" || ArticleLanguage(rawValue: lang) != nil else {
            throw ValidationError("--lang must be auto, \(ArticleLanguage.allCases.map(\.rawValue).joined(separator: ", ")) (got \"\(lang)\")")
        }
        if let published, Day(published) == nil {
            throw ValidationError("--published must be a date, YYYY-MM-DD (got \"\(published)\")")
        }
    }

    func run() throws {
        if let apply { return try runApply(apply) }
        try reportingErrors {
            var clock = Stopwatch()
            let ingester = try Ingester.load(dataRoot: dataOptions.root, lexiconRoot: dataOptions.base)
            clock.lap("load lexicon and geoparser")
            var items: [ArticleFolder.Item] = []
            for input in inputs {
                var isDir: ObjCBool = false
                if input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue {
                    items += try ArticleFolder.read(URL(fileURLWithPath: input, isDirectory: true))
                    continue
                }
                let raw = input == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                    : try readText(URL(fileURLWithPath: input))
                let (fields, body) = ArticleFolder.frontMatter(raw)
                guard let outlet = outlet ?? fields["outlet"], let published = published ?? fields["published"],
                      Day(published) != nil else {
                    throw ValidationError("\(input): give --published YYYY-MM-DD and --outlet NAME (or front matter with outlet: and published:)")
                }
                let name = input == "-" ? "stdin" : URL(fileURLWithPath: input).lastPathComponent
                items.append(ArticleFolder.Item(file: name, text: body, meta: ArticleMeta(
                    outlet: outlet, published: published, url: url ?? fields["url"], file: name,
                    language: ArticleLanguage(rawValue: lang) ?? fields["lang"].flatMap { ArticleLanguage(rawValue: $0) })))
            }
            var all = Candidates()
            var read: [IngestedArticle] = []
            for (i, item) in items.enumerated() {
                var meta = item.meta
                if let l = ArticleLanguage(rawValue: lang) { meta.language = l }
                let start = DispatchTime.now()
                let r = ingester.ingest(item.text, meta: meta)
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
                read.append(r)
                if let lang = TextLanguage(rawValue: r.language.rawValue),
                   let w = ingester.geoparser.languageWarning(lang, what: item.file) {
                    FileHandle.standardError.write(Data((w + "\n").utf8))
                }
                all.events += r.candidates.events
                all.control += r.candidates.control
                if items.count > 1 || out != nil {
                    FileHandle.standardError.write(Data(String(
                        format: "ingest: [%d/%d] %@ (%@): %d events, %d control claims, %d places, %.0f ms (places %.0f, events %.0f)\n",
                        i + 1, items.count, item.file, r.language.rawValue, r.candidates.events.count,
                        r.candidates.control.count, r.places.count, ms, r.geoparseMS, r.extractMS).utf8))
                }
            }
            if let evaluate {
                let gold = try GoldEvent.load(try readText(URL(fileURLWithPath: evaluate)), file: evaluate)
                var ev = Evaluation()
                for r in read {
                    let file = r.meta.file ?? ""
                    ev.score(file: file, language: r.language.rawValue, outlet: r.meta.outlet,
                             gold: gold.filter { $0.file == file }, candidates: r.candidates.events,
                             control: r.candidates.control, lexicon: ingester.extractor.lexicon,
                             provinces: ingester.extractor.provinces, locate: { ingester.locate($0) })
                }
                FileHandle.standardError.write(Data((ev.misses.joined(separator: "\n") + "\n" + ev.report() + "\n").utf8))
            }
            let yaml = CandidateFile.write(all, header: items.map { "article: \($0.file) — \($0.meta.outlet), \($0.meta.published)" })
            if let out {
                try AtomicFile.write(Data(yaml.utf8), to: URL(fileURLWithPath: out))
                print("wrote \(out): \(all.events.count) candidate events, \(all.control.count) control claims")
            } else {
                print(yaml, terminator: "")
            }
            if let review { try writeReview(review, articles: read, candidates: all) }
        }
    }

}
