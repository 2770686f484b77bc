import Foundation

enum ActivityKind: String, Codable, Sendable {
    case signedUp = "signed_up"
    case signedIn = "signed_in"
    case signedOut = "signed_out"
    case cartChanged = "cart_changed"
    case orderPlaced = "order_placed"
    case orderCancelled = "order_cancelled"
    case addressChanged = "address_changed"
    case profileChanged = "profile_changed"
    case productCreated = "product_created"
    case productUpdated = "product_updated"
    case productDeleted = "product_deleted"
}

/// One line of the audit trail.
struct ActivityRecord: Codable, Sendable {
    var id: String
    var at: Date
    var kind: ActivityKind
    var summary: String
    var userId: String?
    var subjectId: String?
    var sequence: Int
}
