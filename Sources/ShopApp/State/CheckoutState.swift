import ShopKit
import TerminalUI

/// The steps of the checkout wizard, in order.
public enum CheckoutStep: Int, Equatable, Sendable, CaseIterable, Comparable {
    case contact, address, shipping, payment, review, done

    public var title: String {
        switch self {
        case .contact: "Contact"
        case .address: "Address"
        case .shipping: "Shipping"
        case .payment: "Payment"
        case .review: "Review"
        case .done: "Done"
        }
    }

    public static func < (lhs: CheckoutStep, rhs: CheckoutStep) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where placing the order is. Enter on Review only sends when `idle` or `failed`.
public enum Placement: Equatable, Sendable {
    case idle
    /// Waiting for a fresh idempotency key for this attempt.
    case preparingKey
    /// The request is on its way; nothing more may be sent.
    case placing
    /// The request may not have arrived (network); Enter retries with the same key.
    case failed(String)
}

/// The checkout wizard. Lives from "checkout" in the cart to leaving the confirmation.
public struct CheckoutState: Equatable, Sendable {
    public var step: CheckoutStep = .contact

    // Contact
    public var email = TextInputState(maxLength: 254)
    public var emailError: String?

    // Address: the saved addresses of an account, then "New address".
    public var savedAddresses: Loadable<[Address]> = .idle
    public var addressChoice = ListState()
    public var addressForm = AddressForm()
    /// True while the new-address form has focus (false: choosing among saved addresses).
    public var isEditingNewAddress = true

    /// The address chosen when leaving the Address step.
    public var confirmedAddress: AddressInput?
    /// Set when that address is a saved one (the order then names it by id).
    public var confirmedAddressID: String?

    // Shipping
    public var shippingOptions: Loadable<[ShippingOption]> = .idle
    public var shippingChoice = ListState()

    // Payment
    public var card = CardForm()

    // Placing
    public var placement: Placement = .idle
    /// The key of this attempt: created once, reused on every retry of the same request, so
    /// the gateway charges at most once.
    public var idempotencyKey: String?
    /// The request the key was made for; a different request needs a different key.
    public var keyedRequest: PlaceOrderRequest?
    public var placedOrder: Order?
    /// The gateway's message for the step the person was sent back to.
    public var stepMessage: String?

    public init() {}

    public var selectedSavedAddress: Address? {
        guard !isEditingNewAddress, let saved = savedAddresses.value, let row = addressChoice.selected, row < saved.count else { return nil }
        return saved[row]
    }

    public var selectedShipping: ShippingOption? {
        guard let options = shippingOptions.value, let row = shippingChoice.selected, row >= 0, row < options.count else { return nil }
        return options[row]
    }

    /// True while the order is being sent (Enter does nothing then, and quitting asks first).
    public var isPlacing: Bool { placement == .placing || placement == .preparingKey }
}
