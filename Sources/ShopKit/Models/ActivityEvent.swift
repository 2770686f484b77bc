import Foundation

/// One entry of an audit trail: something that happened to an account or a product.
public struct ActivityEvent: Sendable, Codable, Hashable, Identifiable {
    /// What happened.
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        /// An account was created.
        case signedUp = "signed_up"
        /// Someone signed in.
        case signedIn = "signed_in"
        /// Someone signed out.
        case signedOut = "signed_out"
        /// A cart changed.
        case cartChanged = "cart_changed"
        /// An order was placed.
        case orderPlaced = "order_placed"
        /// An order was cancelled.
        case orderCancelled = "order_cancelled"
        /// An address was saved, changed or removed.
        case addressChanged = "address_changed"
        /// A profile changed.
        case profileChanged = "profile_changed"
        /// An admin added a product.
        case productCreated = "product_created"
        /// An admin changed a product.
        case productUpdated = "product_updated"
        /// An admin removed a product.
        case productDeleted = "product_deleted"
    }

    /// The event id.
    public var id: String
    /// When it happened.
    public var at: Date
    /// What happened.
    public var kind: Kind
    /// A sentence for people.
    public var summary: String
    /// The user concerned, if any.
    public var userID: String?
    /// The order, product or address concerned, if any.
    public var subjectID: String?

    /// Creates an activity event.
    public init(id: String, at: Date, kind: Kind, summary: String, userID: String? = nil, subjectID: String? = nil) {
        self.id = id
        self.at = at
        self.kind = kind
        self.summary = summary
        self.userID = userID
        self.subjectID = subjectID
    }
}
