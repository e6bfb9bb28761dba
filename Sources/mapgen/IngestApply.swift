import ArgumentParser
import Foundation
import Ingest

extension IngestCommand {
    func runApply(_ file: String) throws {
        throw ValidationError("--apply: not built yet")
    }
    func writeReview(_ path: String, articles: [IngestedArticle], candidates: Candidates) throws {}
}
