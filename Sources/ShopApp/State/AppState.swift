import Foundation
import ShopKit
import TerminalUI

/// Whether the gateway is answering.
public enum ConnectionState: Equatable, Sendable {
    case connecting
    case online
    /// The last request could not reach the gateway.
    case offline
}

/// A dismissable message over the screen. It never replaces what the person typed.
public struct BannerMessage: Equatable, Sendable {
    public var text: String
    public var kind: Banner.Kind
    /// Good news goes away by itself at this time; problems stay until dismissed.
    public var expires: Date?
    /// It says the gateway cannot be reached, so it goes when the gateway answers again.
    public var isConnectionProblem: Bool

    public init(_ text: String, kind: Banner.Kind = .error, expires: Date? = nil, isConnectionProblem: Bool = false) {
        self.text = text
        self.kind = kind
        self.expires = expires
        self.isConnectionProblem = isConnectionProblem
    }
}

/// A passing note in the status bar.
public struct Flash: Equatable, Sendable {
    public var text: String
    public var until: Date

    public init(_ text: String, until: Date) {
        self.text = text
        self.until = until
    }
}

/// A modal layer over the current screen.
public enum Overlay: Equatable, Sendable {
    case help
    /// "Quit while a checkout is in progress?"
    case confirmQuit
    case confirmCancelOrder(orderID: String)
    /// "Sign out?", saying what stays with the account and that this device starts as a guest.
    case confirmSignOut
    /// The command palette (`PaletteState`).
    case palette
    /// "Delete this address?", naming it (a deleted address cannot be brought back).
    case confirmDeleteAddress(addressID: String, summary: String)
}

/// Everything the app shows, as one value. Only `reduce` changes it.
public struct AppState: Equatable, Sendable {
    public var screen: Screen = .browse
    /// Screens to return to with Esc, most recent last.
    public var backStack: [Screen] = []
    public var size: Size
    /// The time, whole seconds, from `.tick` actions (the reducer never reads the clock).
    public var now: Date
    public var currency: CurrencyCode
    /// The signed-in account or the guest; nil until the session is known.
    public var user: User?
    /// "http://127.0.0.1:8080" or "offline demo".
    public var gatewayLabel: String
    public var connection: ConnectionState = .connecting
    /// While offline: when what failed to load was last asked for again (see `reconnectInterval`).
    public var lastReconnectAttempt: Date?

    public var browse = BrowseState()
    public var search = SearchState()
    public var cart = CartState()
    public var checkout: CheckoutState?
    public var orders = OrdersState()
    public var account = AccountState()
    public var inbox = InboxState()
    public var palette = PaletteState()
    /// The palette's recent choices, kept while the app runs.
    public var paletteHistory = PaletteHistory()

    public var banner: BannerMessage?
    /// A short confirmation in the status bar ("Added …"), gone after a few seconds.
    public var flash: Flash?
    public var overlay: Overlay?
    /// The first row of the help overlay shown (it scrolls when the keys do not fit).
    public var helpScroll = 0
    /// The highlighted button of a confirm dialog (0 is the first).
    public var dialogButton = 0
    public var isRunning = true
    /// Advances while something loads, to animate spinners.
    public var spinnerTick = 0
    /// Since when (whole seconds) something has been on its way from the gateway without a
    /// break; nil while nothing is. Drives the "Still waiting for the shop…" notice.
    public var waitingSince: Date?
    public var mouseEnabled: Bool
    /// What the terminal can show. Views say in words what it cannot draw as a symbol (a
    /// rating reads `4.1/5` where `★★★★☆` would come out as stand-ins).
    public var capabilities: TerminalCapabilities = .full
    /// Where the last frame drew its lists and clickable parts, as its views published it; the
    /// runtime stores it after each frame. Paging and the mouse use it (see `geometry(of:)`).
    public var layout: ScreenLayout = .none
    /// The keys, as `config.yaml` set them.
    public var keymap: Keymap = .vim
    /// `y` copies ids through OSC 52 (`copy: false` turns it off).
    public var copyEnabled = true
    /// How news rings the terminal. Off unless whoever starts the session turns it on: the
    /// local app sets it from `config.yaml` (`ClientSettings.notificationStyle(environment:)`:
    /// a bell by default, off in an SSH login); a session `shop serve` runs leaves it off unless
    /// its server sets it (`NotificationStyle.default(overSSH: true)` is `.off`).
    public var notificationStyle: NotificationStyle = .off
    /// News seen and the last ring (see `NewsBell`).
    public var newsBell = NewsBell()

    public init(size: Size, now: Date, currency: CurrencyCode = .usd, gatewayLabel: String, mouseEnabled: Bool = false) {
        self.size = size
        self.now = now
        self.currency = currency
        self.gatewayLabel = gatewayLabel
        self.mouseEnabled = mouseEnabled
    }

    /// The smallest terminal the screens are laid out for.
    public static let minimumSize = Size(width: 60, height: 20)

    public var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

    /// Whether the terminal can draw a rating's stars (see `Format.rating`).
    var showsStars: Bool { SymbolDegradation.canShow("★", capabilities: capabilities) && SymbolDegradation.canShow("☆", capabilities: capabilities) }

    public var isSignedIn: Bool { user.map { !$0.isGuest } ?? false }

    /// A checkout is under way (quitting asks first).
    public var isCheckoutInProgress: Bool {
        guard let checkout, checkout.step != .done else { return false }
        return screen == .checkout || checkout.isPlacing
    }

    /// True when printable keys go into a text field instead of being commands.
    public var isTyping: Bool {
        if overlay != nil { return false }
        switch screen {
        case .search: return search.focus == .query
        case .checkout:
            guard let checkout else { return false }
            switch checkout.step {
            case .contact, .payment: return true
            case .address: return checkout.isEditingNewAddress
            default: return false
            }
        case .account:
            if account.section == .addresses { return account.newAddress != nil }
            return !isSignedIn && account.section == .profile
        default: return false
        }
    }

    /// Something is on its way from the gateway (spinners turn).
    public var isBusy: Bool {
        browse.isLoadingPage || browse.detail.isLoading || browse.categories.isLoading || search.results.isLoading
            || cart.cart.isLoading || cart.pendingChanges > 0 || (checkout?.isPlacing ?? false)
            || (checkout?.shippingOptions.isLoading ?? false) || orders.list.isLoading
            || (orders.detail?.order.isLoading ?? false) || account.isSubmitting
    }
}
