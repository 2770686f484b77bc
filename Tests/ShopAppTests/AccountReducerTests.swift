import ShopKit
import TerminalUI
import Testing
@testable import ShopApp

/// Saved addresses in Account: add, edit, cancel.
@Suite struct AccountReducerTests {
    static func onAddresses() -> AppState {
        var state = Fixtures.browsing()
        _ = reduce(&state, .signedIn(.success(Fixtures.account)))
        _ = reduce(&state, .tick(Fixtures.now.addingTimeInterval(10)))  // the welcome banner has gone
        Fixtures.press([.character("a")], &state)
        _ = reduce(&state, .addressesLoaded(.success([Fixtures.savedAddress])))
        Fixtures.press([.tab], &state)
        #expect(state.account.section == .addresses)
        #expect(state.banner == nil)
        return state
    }

    @Test("e edits the selected address in a form filled with it; Enter saves it under its id")
    func editAnAddress() throws {
        var state = Self.onAddresses()
        Fixtures.press([.character("e")], &state)
        let form = try #require(state.account.newAddress)
        #expect(state.account.editingAddressID == "a1")
        #expect(form.text(.name) == "Ada Lovelace" && form.text(.city) == "London" && form.text(.country) == "GB")

        state.account.newAddress!.focus = .city
        Fixtures.press([.ctrl("u")], &state)
        _ = Fixtures.type("Bath", &state)
        let effects = Fixtures.press([.enter], &state)
        var expected = Fixtures.savedAddress.input
        expected.city = "Bath"
        #expect(effects == [.updateAddress(id: "a1", expected)])

        var updated = Fixtures.savedAddress
        updated.city = "Bath"
        let after = reduce(&state, .addressSaved(.success(updated)))
        #expect(state.account.newAddress == nil && state.account.editingAddressID == nil)
        #expect(after.contains(.loadAddresses))
    }

    @Test("n adds a new address; Esc closes the form without saving")
    func addAndCancel() {
        var state = Self.onAddresses()
        Fixtures.press([.character("e")], &state)
        Fixtures.press([.escape], &state)
        #expect(state.account.newAddress == nil && state.account.editingAddressID == nil)

        Fixtures.press([.character("n")], &state)
        #expect(state.account.newAddress?.text(.name) == "" && state.account.editingAddressID == nil)
        for (field, text) in [(AddressField.name, "Ana Lima"), (.line1, "12 Rua Augusta"), (.city, "Lisboa"), (.postalCode, "1100-053")] {
            state.account.newAddress!.focus = field
            _ = Fixtures.type(text, &state)
        }
        let effects = Fixtures.press([.enter], &state)
        #expect(effects == [.saveAddress(AddressInput(name: "Ana Lima", line1: "12 Rua Augusta", city: "Lisboa", postalCode: "1100-053", country: "US"))])
    }
}
