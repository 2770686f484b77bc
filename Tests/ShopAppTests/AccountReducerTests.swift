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

    @Test("With the mouse on, a click opens an Account section and selects an address")
    func mouseClicks() throws {
        var state = Self.onAddresses()
        var other = Fixtures.savedAddress
        other.id = "a2"
        other.name = "Charles Babbage"
        _ = reduce(&state, .addressesLoaded(.success([Fixtures.savedAddress, other])))
        state.account.section = .profile
        state.mouseEnabled = true

        // Find the section tabs and the address rows where the screen draws them.
        func find(_ text: String) throws -> (x: Int, y: Int) {
            let buffer = AppView.render(state, size: state.size, theme: .default)
            for y in 0..<state.size.height {
                let row = buffer.text(ofRow: y)
                if let range = row.range(of: text) { return (row.distance(from: row.startIndex, to: range.lowerBound), y) }
            }
            throw TestFailure("\(text) is not on screen")
        }
        let addresses = try find("Addresses")
        _ = reduce(&state, .mouse(MouseEvent(.click, x: addresses.x + 2, y: addresses.y)))
        #expect(state.account.section == .addresses)
        let babbage = try find("Charles Babbage")
        _ = reduce(&state, .mouse(MouseEvent(.click, x: babbage.x, y: babbage.y)))
        #expect(state.account.addressList.selected == 1)
        let activity = try find("Activity")
        _ = reduce(&state, .mouse(MouseEvent(.click, x: activity.x, y: activity.y)))
        #expect(state.account.section == .activity)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
