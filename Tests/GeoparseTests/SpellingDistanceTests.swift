import XCTest
@testable import Geoparse

/// Transliteration families are the same name; names that differ in a consonant or a vowel's
/// quality are not (a wrong match is worse than none).
final class SpellingDistanceTests: XCTestCase {
    func testFamiliesAreClose() {
        for (a, b) in [("saraqeb", "saraqib"), ("sarakeb", "saraqib"), ("kfar nabl", "kafr nabl"), ("tal", "tell"),
                       ("maaret", "maarat"), ("sheikh", "shaykh"), ("sakhar", "sakhr"), ("tina", "tineh"), ("touqan", "tuqan"), ("jubas", "jubus")] {
            XCTAssertLessThanOrEqual(SpellingDistance.distance(a, b), SpellingDistance.bound(a), "\(a) ~ \(b)")
        }
    }

    func testDifferentNamesAreFar() {
        for (a, b) in [("baris", "barisha"), ("salloumiyah", "salamiyah"), ("sheikh khalil", "sheikh hilal"),
                       ("jabla", "jibala"), ("moscow", "mashik"), ("barda", "barad")] {
            XCTAssertGreaterThan(SpellingDistance.distance(a, b), SpellingDistance.bound(a), "\(a) !~ \(b)")
        }
    }
}
