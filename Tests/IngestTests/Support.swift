import Foundation
import XCTest
@testable import Ingest

/// The package root (Lexicon/, Gazetteer/, Reports/), found from this file.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Loading the lexicon and geoparser takes a moment: once per test run.
enum Shared {
    static let lexicon: Lexicon = {
        do { return try Lexicon.load(directory: packageRoot.appendingPathComponent("Lexicon"), theatre: packageRoot.appendingPathComponent("Reading")) } catch {
            preconditionFailure("Lexicon/ does not load: \(error)")
        }
    }()
    static let ingester: Ingester = {
        do { return try Ingester.load(dataRoot: packageRoot) } catch { preconditionFailure("ingester does not load: \(error)") }
    }()
}

extension XCTestCase {
    /// Dates of a sentence we write, against a publication date.
    func dates(_ text: String, published: String, lang: String, future: Bool = false) -> [DateMention] {
        let a = ArticleText(text)
        guard let pub = ArticleMeta(outlet: "t", published: published).publishedDay else { return [] }
        return DateFinder(lexicon: Shared.lexicon).find(in: a, 0..<a.tokens.count, published: pub, lang: lang, future: future)
    }

    func figures(_ text: String, lang: String) -> [Figure] {
        let a = ArticleText(text)
        return FigureFinder(lexicon: Shared.lexicon).find(in: a, 0..<a.tokens.count, lang: lang, excluding: [])
    }

    func attribution(_ text: String, lang: String) -> String? {
        let a = ArticleText(text)
        if case .named(let n) = AttributionFinder(lexicon: Shared.lexicon).find(in: a, 0..<a.tokens.count, lang: lang) {
            return n.source
        }
        return nil
    }
}
