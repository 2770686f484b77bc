import Foundation
import ShopKit
import TerminalUI

/// Sign in, register and sign out; saved addresses; the activity log.
enum AccountReducer {
    static func type(_ key: Key, _ state: inout AppState) -> [Effect] {
        if state.account.section == .addresses, state.account.newAddress != nil {
            _ = state.account.newAddress!.type(key)
            return []
        }
        state.account.formError = nil
        switch state.account.formFocus {
        case .email: _ = state.account.email.handle(key)
        case .password: _ = state.account.password.handle(key)
        case .name: _ = state.account.name.handle(key)
        }
        return []
    }

    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        if state.isSignedIn { return performSignedIn(command, &state) }
        let fields = state.account.formFields
        let index = fields.firstIndex(of: state.account.formFocus) ?? 0
        switch command {
        case .nextPane, .moveDown:
            state.account.formFocus = fields[(index + 1) % fields.count]
        case .previousPane, .moveUp:
            state.account.formFocus = fields[(index + fields.count - 1) % fields.count]
        case .switchForm:
            state.account.formMode = state.account.formMode == .signIn ? .register : .signIn
            state.account.formFocus = state.account.formFields[0]
            state.account.formError = nil
        case .open:
            return submit(&state)
        case .back:
            return NavigationReducer.back(&state)
        default:
            break
        }
        return []
    }

    private static func submit(_ state: inout AppState) -> [Effect] {
        guard !state.account.isSubmitting else { return [] }
        let email = state.account.email.text.trimmingCharacters(in: .whitespaces)
        let password = state.account.password.text
        let name = state.account.name.text.trimmingCharacters(in: .whitespaces)
        if state.account.formMode == .register && name.isEmpty {
            state.account.formError = "Enter your name"
            state.account.formFocus = .name
            return []
        }
        guard CheckoutReducer.isPlausibleEmail(email) else {
            // As at checkout: "Enter your e-mail address" over a field with text in it read as if it were empty.
            state.account.formError = email.isEmpty ? "Enter your e-mail address" : "That does not look like an e-mail address"
            state.account.formFocus = .email
            return []
        }
        if state.account.formMode == .register && password.count < 8 {
            state.account.formError = "The password needs at least 8 characters"
            state.account.formFocus = .password
            return []
        }
        guard !password.isEmpty else {
            state.account.formError = "Enter your password"
            state.account.formFocus = .password
            return []
        }
        state.account.isSubmitting = true
        state.account.formError = nil
        return state.account.formMode == .signIn
            ? [.signIn(email: email, password: password)]
            : [.register(email: email, password: password, name: name)]
    }

    private static func performSignedIn(_ command: Command, _ state: inout AppState) -> [Effect] {
        let sections = AccountState.Section.allCases
        let sectionIndex = state.account.section.rawValue
        if state.account.section == .addresses, var form = state.account.newAddress {
            switch command {
            case .nextPane, .moveDown: _ = form.moveFocus(by: 1)
            case .previousPane, .moveUp: _ = form.moveFocus(by: -1)
            case .open:
                let address = form.validated()
                state.account.newAddress = form
                guard let address else { return [] }
                state.account.isSubmitting = true
                return [state.account.editingAddressID.map { .updateAddress(id: $0, address) } ?? .saveAddress(address)]
            case .back:
                state.account.newAddress = nil
                state.account.editingAddressID = nil
                return []
            default: break
            }
            state.account.newAddress = form
            return []
        }
        switch command {
        case .nextPane, .moveRight: state.account.section = sections[(sectionIndex + 1) % sections.count]
        case .previousPane, .moveLeft: state.account.section = sections[(sectionIndex + sections.count - 1) % sections.count]
        case .moveUp, .moveDown, .first, .last, .pageUp, .pageDown:
            if state.account.section == .addresses {
                let rows = state.visibleRows(.addresses)
                state.account.addressList.navigate(command, count: state.account.addresses.value?.count ?? 0, visibleRows: rows)
            } else if state.account.section == .activity {
                let rows = state.visibleRows(.activity)
                state.account.activityList.navigate(command, count: state.account.activity.value?.count ?? 0, visibleRows: rows)
            }
        case .signOut:
            guard state.isSignedIn else { return [] }
            // Asks first: the person should know what they keep and what this device forgets.
            state.overlay = .confirmSignOut
            state.dialogButton = 1
            return []
        case .newAddress:
            state.account.section = .addresses
            state.account.newAddress = AddressForm()
            state.account.editingAddressID = nil
        case .editAddress:
            guard state.account.section == .addresses, let address = state.account.selectedAddress else { return [] }
            state.account.newAddress = AddressForm(address)
            state.account.editingAddressID = address.id
        case .deleteAddress:
            guard state.account.section == .addresses, let address = state.account.selectedAddress else { return [] }
            // Asks first: the gateway has no way to bring an address back.
            state.overlay = .confirmDeleteAddress(addressID: address.id, summary: CheckoutView.oneLine(address))
            state.dialogButton = 1
            return []
        case .back:
            return NavigationReducer.back(&state)
        default:
            break
        }
        return []
    }

    /// What the sign-out confirmation says.
    static let signOutNotice = "Your orders, saved addresses and inbox stay with your account for when you sign in again. "
        + "This device continues as a guest, starting with an empty cart."

    static func deleteAddressConfirmed(_ addressID: String, _ state: inout AppState) -> [Effect] {
        [.deleteAddress(id: addressID)]
    }

    static func signOutConfirmed(_ state: inout AppState) -> [Effect] {
        state.account.isSubmitting = true
        return [.signOut]
    }

    static func signedIn(_ result: Result<User, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        state.account.isSubmitting = false
        switch result {
        case .success(let user):
            state.user = user
            state.account.password.setText("")
            state.account.formError = nil
            state.account.section = .profile
            state.showSuccess("Welcome, \(user.name ?? user.email ?? "back")! Your guest cart, orders and messages are now in your account.")
            state.cart.cart = state.cart.cart.reloading
            state.account.addresses = .loading(previous: nil)
            state.account.activity = .loading(previous: nil)
            state.inbox.lastPolled = state.now
            state.inbox.isPolling = true
            // The guest's orders and messages moved to the account: show them now, not on the next visit.
            state.orders.list = state.orders.list.reloading
            return [CartReducer.load(state), .loadAddresses, .loadActivity, .loadInbox, .loadOrders]
        case .failure(let failure):
            // The form keeps what was typed; the message says what to fix.
            state.account.formError = failure.message
            return []
        }
    }

    static func signedOut(_ result: Result<User, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        state.account.isSubmitting = false
        switch result {
        case .success(let guest):
            state.user = guest
            state.account = AccountState()
            state.orders = OrdersState()
            state.checkout = nil
            state.inbox = InboxState()
            state.inbox.lastPolled = state.now
            state.inbox.isPolling = true
            state.flash("Signed out")
            state.cart.cart = .loading(previous: nil)
            return [CartReducer.load(state), .loadInbox]
        case .failure(let failure):
            state.showError(failure)
            return []
        }
    }

    static func addressesLoaded(_ result: Result<[Address], ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        switch result {
        case .success(let addresses):
            state.account.addresses = .loaded(addresses)
            let count = addresses.count
            state.account.addressList.select(state.account.addressList.selected ?? 0, count: count, shownRows: state.shownRows(.addresses))
            if var checkout = state.checkout {
                checkout.savedAddresses = .loaded(addresses)
                if checkout.step <= .address && !addresses.isEmpty && checkout.confirmedAddress == nil {
                    checkout.isEditingNewAddress = false
                    checkout.addressChoice.select(0, count: count + 1, shownRows: state.shownRows(.checkoutAddresses))
                }
                state.checkout = checkout
            }
        case .failure(let failure):
            state.account.addresses = state.account.addresses.failing(failure.message)
            if state.checkout != nil {
                state.checkout!.savedAddresses = .failed(failure.message, previous: nil)
                state.checkout!.isEditingNewAddress = true
            }
        }
        return []
    }

    static func addressSaved(_ result: Result<Address, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        state.account.isSubmitting = false
        switch result {
        case .success(let address):
            state.flash(state.account.editingAddressID == nil ? "Saved address for \(address.name)" : "Updated the address for \(address.name)")
            state.account.newAddress = nil
            state.account.editingAddressID = nil
            return [.loadAddresses, .loadActivity]
        case .failure(let failure):
            for field in AddressField.allCases {
                if let message = failure.fieldErrors[field.gatewayPath] ?? failure.fieldErrors[field.rawValue] {
                    state.account.newAddress?.errors[field] = message
                }
            }
            state.showError(failure)
            return []
        }
    }

    static func addressDeleted(_ id: String, _ result: Result<Bool, ServiceFailure>, _ state: inout AppState) -> [Effect] {
        state.record(result)
        switch result {
        case .success:
            state.flash("Address removed")
            return [.loadAddresses, .loadActivity]
        case .failure(let failure):
            state.showError(failure)
            return []
        }
    }
}
