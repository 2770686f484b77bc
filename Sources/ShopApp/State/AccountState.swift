import ShopKit
import TerminalUI

/// Sign in / register for guests; profile, saved addresses and the activity log for accounts.
public struct AccountState: Equatable, Sendable {
    public enum Section: Int, Equatable, Sendable, CaseIterable {
        case profile, addresses, activity

        public var title: String {
            switch self {
            case .profile: "Profile"
            case .addresses: "Addresses"
            case .activity: "Activity"
            }
        }
    }

    public enum FormMode: Equatable, Sendable { case signIn, register }

    public enum FormField: Equatable, Sendable { case email, password, name }

    public var section: Section = .profile
    public var formMode: FormMode = .signIn
    public var email = TextInputState(maxLength: 254)
    public var password = TextInputState(maxLength: 128)
    public var name = TextInputState(maxLength: 100)
    public var formFocus: FormField = .email
    public var formError: String?
    public var isSubmitting = false

    public var addresses: Loadable<[Address]> = .idle
    public var addressList = ListState()
    /// The address form, while an address is being added or edited.
    public var newAddress: AddressForm?
    /// The saved address the form edits; nil when it adds a new one.
    public var editingAddressID: String?

    public var activity: Loadable<[ActivityEvent]> = .idle
    public var activityList = ListState()

    public init() {}

    public var formFields: [FormField] { formMode == .signIn ? [.email, .password] : [.name, .email, .password] }

    public var selectedAddress: Address? {
        guard let list = addresses.value, let row = addressList.selected, row >= 0, row < list.count else { return nil }
        return list[row]
    }
}
