import Foundation
import XCTest
@testable import Ingest

final class ReviewPageTests: XCTestCase {
    func testPageMarksPlacesAndPutsCandidatesBesideTheirSentence() throws {
        let text = "Turkish forces set up a new post west of Sarmin on Friday, SOHR said.\nقصفت الطائرات الروسية مدينة أريحا أمس."
        let r = Shared.ingester.ingest(text, meta: ArticleMeta(outlet: "Test", published: "2020-02-08", file: "a.txt"))
        let html = ReviewPage.html(articles: [r], mapPNG: Data([0x89, 0x50, 0x4E, 0x47]))
        XCTAssertTrue(html.contains("title=\"Sarmin"), "place mention with its resolved name on hover")
        XCTAssertTrue(html.contains("<mark class=\"hi\""))
        XCTAssertTrue(html.contains("data:image/png;base64,iVBORw"))
        // The post candidate sits in the row of its sentence, with its position.
        let row = try XCTUnwrap(html.components(separatedBy: "<div class=\"row\"").first { $0.contains("new post west of") })
        XCTAssertTrue(row.contains("<b>post-established</b>"))
        XCTAssertTrue(row.contains("west-of Sarmin"))
        XCTAssertFalse(html.contains("<script"))
    }
}
