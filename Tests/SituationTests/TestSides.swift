import Foundation
@testable import Situation

/// The shipped default theatre's sides, for tests about its data (sides are equal by id).
extension Side {
    static let government = Side(id: "government", label: "", order: 0)
    static let opposition = Side(id: "opposition", label: "", order: 1)
    static let contested = Side(id: "contested", label: "", order: 4, contested: true)
    /// The test theatre's sides (Tests/Fixtures/square-theatre): blue threatens, gold has the way out.
    static let blue = Side(id: "blue", label: "", order: 0)
    static let gold = Side(id: "gold", label: "", order: 1)
}

/// The small made-up theatre the tests use to show that nothing about a theatre is in the code.
let fixtureRoot = repoRoot.appendingPathComponent("Tests/Fixtures/square-theatre")
let fixtureDescription: TheatreDescription = try! TheatreDescription.load(folder: fixtureRoot)
