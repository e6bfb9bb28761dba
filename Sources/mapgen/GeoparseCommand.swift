import ArgumentParser
import Foundation
import Geo
import Geoparse

struct GeoparseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geoparse",
        abstract: "Find and resolve the places a text mentions (\(TextLanguage.allCases.map(\.name).joined(separator: ", "))).",
        discussion: """
        Prints the text with the mentions marked, then a table; --json prints one object per file \
        with every mention's code point offsets, place, confidence and alternatives. Places come \
        from the theatre's gazetteer (--theatre, or --data DIR); ambiguous names resolve towards \
        its `geoparse_focus` place. A text in a language the theatre's theatre.yaml does not list \
        under `languages:` is read, with a warning on standard error.

        Examples:
          mapgen geoparse article.txt
          mapgen geoparse report.txt --theatre NAME --json
          echo "..." | mapgen geoparse - --lang en
        """)

    @Argument(help: "Text files to read (- for standard input).")
    var files: [String]

    @Flag(help: "Print JSON: one object per file.")
    var json = false

    @Option(help: ArgumentHelp("The text's language: auto (detect it), or \(TextLanguage.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "lang"))
    var lang: String = "auto"

    @Option(help: .hidden)
    var bench: Int = 0

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard lang == "auto" || TextLanguage(rawValue: lang) != nil else {
            throw ValidationError("--lang must be auto, \(TextLanguage.allCases.map(\.rawValue).joined(separator: ", ")) (got \"\(lang)\")")
        }
    }

    func run() throws {
        let parser = try reportingErrors { try Geoparser.load(dataRoot: dataOptions.root) }
        let language = TextLanguage(rawValue: lang)
        var out: [[String: Any]] = []
        for file in files {
            let text = try reportingErrors { try readInput(file) }
            let detected = language ?? TextLanguage.detect(text)
            if let w = parser.languageWarning(detected, what: file == "-" ? "standard input" : file) {
                FileHandle.standardError.write(Data((w + "\n").utf8))
            }
            if bench > 0 {
                try runBench(parser, text, detected)
                continue
            }
            let mentions = parser.mentions(in: text, language: detected)
            if json {
                out.append(["file": file, "lang": detected.rawValue, "mentions": mentions.map(jsonObject)])
            } else {
                printMarked(file: file, text: text, lang: detected, mentions: mentions)
            }
        }
        if json {
            let data = try JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        }
    }

    func readInput(_ file: String) throws -> String {
        if file == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        return try readText(URL(fileURLWithPath: file))
    }

    func jsonObject(_ m: PlaceMention) -> [String: Any] {
        ["start": m.start, "end": m.end, "text": m.text, "id": m.place.id, "name": m.place.name, "kind": m.place.kind,
         "lat": m.place.lat, "lon": m.place.lon, "confidence": m.confidence,
         "alternatives": m.alternatives.map { ["id": $0.id, "name": $0.name, "kind": $0.kind, "lat": $0.lat, "lon": $0.lon] }]
    }

    func printMarked(file: String, text: String, lang: TextLanguage, mentions: [PlaceMention]) {
        print("== \(file) (\(lang.rawValue), \(mentions.count) mentions)")
        var marked = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var pos = 0
        for m in mentions {
            marked.append(contentsOf: scalars[pos..<m.start])
            marked.append(contentsOf: "[[".unicodeScalars)
            marked.append(contentsOf: scalars[m.start..<m.end])
            marked.append(contentsOf: "]]".unicodeScalars)
            pos = m.end
        }
        marked.append(contentsOf: scalars[pos...])
        print(String(marked))
        print("")
        for m in mentions {
            let alts = m.alternatives.isEmpty ? "" : "  or: " + m.alternatives.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
            print(String(format: "%6d-%-6d %@ → %@ [%@ %@]  %.4f N %.4f E  conf %.2f%@", m.start, m.end, m.text, m.place.name,
                         m.place.kind, m.place.id, m.place.lat, m.place.lon, m.confidence, alts))
        }
    }

    /// `--bench N`: geoparse the text N times after loading, print the median time per run.
    func runBench(_ parser: Geoparser, _ text: String, _ lang: TextLanguage) throws {
        var times: [Double] = []
        var count = 0
        for _ in 0..<bench {
            let t0 = DispatchTime.now().uptimeNanoseconds
            count = parser.mentions(in: text, language: lang).count
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        times.sort()
        let words = text.split(whereSeparator: { $0.isWhitespace }).count
        print(String(format: "%d words, %d mentions: median %.2f ms, min %.2f ms over %d runs", words, count,
                     times[times.count / 2], times[0], times.count))
    }
}
