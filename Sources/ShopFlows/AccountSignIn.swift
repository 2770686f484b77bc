import ShopKit

/// Signing in from a guest session: the gateway merges the guest's cart into the account's, so
/// both front ends report what the person now has in the account's cart.
public struct SignedIn: Sendable, Codable, Hashable {
    /// The account now signed in.
    public var user: User
    /// The account's cart after the guest's lines were merged in.
    public var cart: Cart
    /// Units the guest had in the cart before signing in (0 when there was no guest cart).
    public var guestItemCount: Int
}

public enum AccountSignIn {
    /// Signs in (or registers, with `name`) and answers the merged cart. The guest's cart is read
    /// only when a guest session already exists, so signing in never starts a throwaway guest.
    public static func signIn(_ client: ShopClient, email: String, password: String, registeringAs name: String? = nil,
                              currency: CurrencyCode? = nil) async throws(ShopError) -> SignedIn {
        var guestItems = 0
        if let session = await client.currentSession, session.isGuest {
            guestItems = (try? await client.cart.get(currency: currency))?.itemCount ?? 0
        }
        let session: Session
        if let name {
            session = try await client.sessions.register(email: email, password: password, name: name)
        } else {
            session = try await client.sessions.signIn(email: email, password: password)
        }
        let cart = try await client.cart.get(currency: currency)
        return SignedIn(user: session.user, cart: cart, guestItemCount: guestItems)
    }
}
