import Foundation
import ShopKit
import Testing
import TerminalUI
@testable import ShopApp

/// Undo, confirmations, copying ids and the news bell.
@Suite("Undo, confirm, copy, notify")
struct PowerUserTests {
    private func onCart() -> AppState {
        var state = Fixtures.browsing()
        Fixtures.press([.character("c")], &state)
        _ = reduce(&state, .cartLoaded(.success(Fixtures.cartWithTwo)))
        return state
    }

    // MARK: Undo

    @Test("x removes a line, the message says u undo, and u puts it back at its quantity")
    func undoRemovedLine() {
        var state = onCart()
        #expect(Fixtures.press([.character("x")], &state) == [.removeFromCart(productID: "p1", currency: .usd)])
        let after = Fixtures.cart([Fixtures.line(Fixtures.products[3], quantity: 1)])
        _ = reduce(&state, .cartChanged(productID: "p1", .success(after)))
        #expect(state.flash?.text == "Removed Espresso cup · u undo")
        #expect(state.cart.undo == CartUndo(productID: "p1", name: "Espresso cup", quantity: 2, changedTo: 0))

        #expect(Fixtures.press([.character("u")], &state) == [.setCartQuantity(productID: "p1", quantity: 2, currency: .usd)])
        // The gateway puts the line back after the others: the selection follows it there.
        let restored = Fixtures.cart([Fixtures.line(Fixtures.products[3], quantity: 1), Fixtures.line(Fixtures.products[0], quantity: 2)])
        _ = reduce(&state, .cartChanged(productID: "p1", .success(restored)))
        #expect(state.flash?.text == "Undone: Espresso cup back to 2 in cart · u undo")
        #expect(state.cart.list.selected == 1)
        // A second u undoes the undo.
        #expect(Fixtures.press([.character("u")], &state) == [.removeFromCart(productID: "p1", currency: .usd)])
    }

    @Test("u restores a quantity change; with nothing to undo it says so; a stale undo is dropped")
    func undoQuantity() {
        var state = onCart()
        #expect(Fixtures.press([.character("u")], &state).isEmpty)
        #expect(state.flash?.text == "Nothing to undo")

        Fixtures.press([.character("-")], &state)
        _ = reduce(&state, .cartChanged(productID: "p1", .success(Fixtures.cart([Fixtures.line(Fixtures.products[0], quantity: 1),
                                                                                Fixtures.line(Fixtures.products[3], quantity: 1)]))))
        #expect(state.flash?.text == "Espresso cup: 1 in cart · u undo")
        // Another device changed the line meanwhile: undoing would not restore what was there.
        _ = reduce(&state, .cartLoaded(.success(Fixtures.cart([Fixtures.line(Fixtures.products[0], quantity: 5),
                                                               Fixtures.line(Fixtures.products[3], quantity: 1)]))))
        #expect(Fixtures.press([.character("u")], &state).isEmpty)
        #expect(state.flash?.text == "Nothing to undo: Espresso cup changed since")
    }

    @Test("The undo key in the message follows the keymap")
    func undoKeyFromKeymap() throws {
        var state = onCart()
        state.keymap = try ClientSettings.parse("keys:\n  global:\n    undo: Z\n", file: "config.yaml").keymap
        Fixtures.press([.character("x")], &state)
        _ = reduce(&state, .cartChanged(productID: "p1", .success(Fixtures.cart([Fixtures.line(Fixtures.products[3], quantity: 1)]))))
        #expect(state.flash?.text == "Removed Espresso cup · Z undo")
    }

    // MARK: Confirm

    @Test("Deleting an address asks first, naming it; n keeps it, y deletes it")
    func deleteAddressAsks() {
        var state = AccountReducerTests.onAddresses()
        #expect(Fixtures.press([.character("x")], &state).isEmpty)
        guard case .confirmDeleteAddress(let id, let summary) = state.overlay else {
            Issue.record("no confirmation: \(String(describing: state.overlay))")
            return
        }
        #expect(id == "a1" && summary.contains("12 St James's Square"))
        #expect(state.dialogButton == 1)  // "Keep it" is the default
        #expect(Fixtures.press([.enter], &state).isEmpty)
        #expect(state.overlay == nil)

        Fixtures.press([.character("x")], &state)
        Fixtures.press([.character("n")], &state)
        #expect(state.overlay == nil)

        Fixtures.press([.character("x")], &state)
        #expect(Fixtures.press([.character("y")], &state) == [.deleteAddress(id: "a1")])
    }

    @Test("While a confirmation is open the footer offers its keys, named after its buttons, as the keymap has them")
    func confirmationFooter() throws {
        var state = AccountReducerTests.onAddresses()
        Fixtures.press([.character("x")], &state)
        let footer = AppView.render(state, size: state.size, theme: .default).text(ofRow: state.size.height - 2)
        #expect(footer.contains("y delete") && footer.contains("n keep it") && footer.contains("Enter choose"), "\(footer)")
        // The screen's keys do nothing now, so the footer does not offer them.
        #expect(!footer.contains("q quit") && !footer.contains("add address"), "\(footer)")

        state.keymap = try ClientSettings.parse("keys:\n  dialog:\n    confirm: Y\n", file: "config.yaml").keymap
        let remapped = AppView.render(state, size: state.size, theme: .default).text(ofRow: state.size.height - 2)
        #expect(remapped.contains("Y delete") && !remapped.contains("y delete"), "\(remapped)")
        #expect(Fixtures.press([.character("y")], &state).isEmpty)
        #expect(Fixtures.press([.character("Y")], &state) == [.deleteAddress(id: "a1")])
    }

    // MARK: Copy

    @Test("y copies the selected order id, the tracking id in the tracker, a product code in listings")
    func copyTargets() {
        var state = Fixtures.browsing()
        #expect(Fixtures.press([.character("y")], &state) == [.signal(.copy("P1"))])
        #expect(state.flash?.text == "Copied product code P1")

        Fixtures.press([.character("o")], &state)
        _ = reduce(&state, .ordersLoaded(.success(Page(items: Fixtures.orderSummaries))))
        #expect(Fixtures.press([.character("y")], &state) == [.signal(.copy("ord-1001"))])
        #expect(Keymap.helpSections(state.keyContext).flatMap(\.hints).contains { $0.label == "copy order id" && $0.keys == [.character("y")] })

        Fixtures.press([.enter], &state)
        let order = Fixtures.order(status: .shipped)
        _ = reduce(&state, .orderLoaded(id: "ord-1001", .success(order)))
        #expect(Fixtures.press([.character("y")], &state) == [.signal(.copy("TRK-5531"))])
        #expect(state.flash?.text == "Copied tracking id TRK-5531")
    }

    @Test("y on the checkout's confirmation copies the order just placed; before that it copies nothing")
    func copyPlacedOrder() {
        var state = Fixtures.browsing()
        CheckoutDriver.toReview(&state)
        #expect(Fixtures.press([.character("y")], &state).isEmpty)
        Fixtures.press([.enter], &state)
        _ = reduce(&state, .idempotencyKeyCreated("key-1"))
        let order = Fixtures.order()
        _ = reduce(&state, .orderPlaced(idempotencyKey: "key-1", .success(order)))
        #expect(Fixtures.press([.character("y")], &state) == [.signal(.copy(order.id))])
        #expect(state.flash?.text == "Copied order id \(order.id)")
    }

    @Test("copy: false turns y off, and help stops offering it")
    func copyOff() throws {
        var state = Fixtures.browsing()
        state.copyEnabled = try ClientSettings.parse("copy: false", file: "config.yaml").copy
        #expect(Fixtures.press([.character("y")], &state).isEmpty)
        #expect(!Keymap.helpSections(state.keyContext).flatMap(\.hints).contains { $0.keys.contains(.character("y")) })
    }

    // MARK: Notify

    private func watching(_ style: NotificationStyle) -> AppState {
        var state = Fixtures.browsing()
        state.notificationStyle = style
        _ = reduce(&state, .ordersLoaded(.success(Page(items: Fixtures.orderSummaries))))
        return state
    }

    private func summaries(_ status: OrderStatus) -> [OrderSummary] {
        var list = Fixtures.orderSummaries
        list[0].status = status
        return list
    }

    private func message(_ id: String, _ kind: NotificationKind, order: String? = "ord-1001") -> InboxMessage {
        InboxMessage(id: id, kind: kind, title: "News \(id)", body: "", orderID: order, createdAt: Fixtures.now, isRead: false)
    }

    @Test("An order changing status rings, at most once a minute (the clock is the reducer's)")
    func rateLimited() {
        var state = watching(.bell)
        let start = Fixtures.now
        _ = reduce(&state, .tick(start))
        #expect(reduce(&state, .ordersLoaded(.success(Page(items: summaries(.outForDelivery))))) == [.signal(.bell)])
        _ = reduce(&state, .tick(start.addingTimeInterval(59)))
        #expect(reduce(&state, .ordersLoaded(.success(Page(items: summaries(.delivered))))).isEmpty)
        // The same status again is not news.
        _ = reduce(&state, .tick(start.addingTimeInterval(120)))
        #expect(reduce(&state, .ordersLoaded(.success(Page(items: summaries(.delivered))))).isEmpty)
        // A new message after the minute rings.
        let page = Page(items: [message("n3", .shippingUpdate)] + Fixtures.messages, unreadCount: 2)
        #expect(reduce(&state, .inboxLoaded(.success(page))) == [.signal(.bell)])
        #expect(reduce(&state, .inboxLoaded(.success(page))).isEmpty)
    }

    @Test("OSC 9 and OSC 777 carry the news; off rings nothing")
    func styles() {
        var nine = watching(.osc9)
        #expect(reduce(&nine, .ordersLoaded(.success(Page(items: summaries(.delivered))))) == [.signal(.notify(message: "shop: Order ord-1001 is now delivered"))])
        var seven = watching(.osc777)
        #expect(reduce(&seven, .ordersLoaded(.success(Page(items: summaries(.delivered))))) == [.signal(.notifyTitled(title: "shop", body: "Order ord-1001 is now delivered"))])
        var off = watching(.off)
        #expect(reduce(&off, .ordersLoaded(.success(Page(items: summaries(.delivered))))).isEmpty)
        #expect(AppState(size: Size(width: 80, height: 24), now: Fixtures.now, gatewayLabel: "ssh").notificationStyle == .off)
    }

    @Test("What the person did here is not news: their own order's confirmation, a welcome, the inbox at start")
    func ownActionsAreQuiet() {
        var state = watching(.bell)
        // The inbox's first answer (in `browsing`) was the baseline: nothing rang for it.
        NewsReducer.ownAction(order: "ord-2000", status: .placed, &state)
        let own = Page(items: [message("n7", .orderConfirmation, order: "ord-2000"), message("n8", .welcome, order: nil)]
            + Fixtures.messages, unreadCount: 3)
        #expect(reduce(&state, .inboxLoaded(.success(own))).isEmpty)
        let other = Page(items: [message("n9", .orderConfirmation, order: "ord-3000")] + own.items, unreadCount: 4)
        #expect(reduce(&state, .inboxLoaded(.success(other))) == [.signal(.bell)])
    }

    @Test("notify: in config.yaml; a bare off is off; unset, a bell here and nothing over SSH")
    func notifySetting() throws {
        let unset = try ClientSettings.parse("", file: "c")
        #expect(unset.notify == nil)
        #expect(unset.notificationStyle(environment: ["TERM": "xterm"]) == .bell)
        #expect(unset.notificationStyle(environment: ["SSH_CONNECTION": "10.0.0.2 50022 10.0.0.1 22"]) == .off)
        #expect(unset.notificationStyle(environment: ["SSH_TTY": "/dev/pts/3"]) == .off)
        #expect(unset.notificationStyle(environment: ["SSH_TTY": ""]) == .bell)
        let asked = try ClientSettings.parse("notify: bell", file: "c")
        #expect(asked.notificationStyle(environment: ["SSH_CONNECTION": "10.0.0.2 50022 10.0.0.1 22"]) == .bell)
        #expect(NotificationStyle.default(overSSH: true) == .off)
        #expect(try ClientSettings.parse("notify: osc777", file: "c").notify == .osc777)
        #expect(try ClientSettings.parse("notify: off", file: "c").notify == .off)
        #expect(throws: SettingsError.self) { try ClientSettings.parse("notify: loud", file: "c") }
    }
}
