import Foundation
import Logging
import ShopKit

/// Performs effects: gateway calls through a `ShopService` and timers, each in its own task,
/// reporting back through the action queue. The run loop never waits for them.
public final class EffectRunner: Sendable {
    private let service: any ShopService
    private let queue: ActionQueue
    private let logger: Logger
    private let makeKey: @Sendable () -> String
    private let saveCurrency: @Sendable (CurrencyCode) -> Void

    public init(service: any ShopService, queue: ActionQueue, logger: Logger = Logger(label: "shop.effects"),
                makeKey: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() },
                saveCurrency: @escaping @Sendable (CurrencyCode) -> Void = { _ in }) {
        self.service = service
        self.queue = queue
        self.logger = logger
        self.makeKey = makeKey
        self.saveCurrency = saveCurrency
    }

    /// Starts `effect`. `.quit`, `.suspend` and `.signal` belong to the run loop and are ignored here.
    public func run(_ effect: Effect) {
        switch effect {
        case .quit, .suspend, .signal:
            return
        case .makeIdempotencyKey:
            queue.send(.idempotencyKeyCreated(makeKey()))
            return
        case .saveCurrency(let currency):
            saveCurrency(currency)
            return
        case .startTimer(let timer, let delay):
            let queue = self.queue
            Task {
                try? await Task.sleep(for: delay)
                queue.send(.timerFired(timer))
            }
            return
        default:
            break
        }
        let service = self.service
        let queue = self.queue
        let logger = self.logger
        Task {
            let action = await Self.perform(effect, service: service)
            if let failure = Self.failure(in: action) {
                // Named only here: describing an effect reflects its whole payload.
                logger.warning("\(Self.name(of: effect)) failed: \(failure.message)", metadata: ["kind": "\(failure.kind)"])
            }
            queue.send(action)
        }
    }

    /// Runs one gateway effect and wraps the outcome in the action that answers it.
    static func perform(_ effect: Effect, service: any ShopService) async -> Action {
        switch effect {
        case .loadSession: return .sessionLoaded(await result { try await service.currentUser() })
        case .signIn(let email, let password): return .signedIn(await result { try await service.signIn(email: email, password: password) })
        case .register(let email, let password, let name):
            return .signedIn(await result { try await service.register(email: email, password: password, name: name) })
        case .signOut: return .signedOut(await result { try await service.signOut() })
        case .loadCategories: return .categoriesLoaded(await result { try await service.categories() })
        case .loadProducts(let category, let cursor, let currency, let generation):
            return .productsLoaded(generation: generation, await result { try await service.products(categoryID: category, cursor: cursor, currency: currency) })
        case .loadProduct(let id, let currency): return .productLoaded(id: id, await result { try await service.product(id: id, currency: currency) })
        case .loadRecommendations(let id, let currency):
            return .recommendationsLoaded(productID: id, await result { try await service.recommendations(for: id, currency: currency) })
        case .loadAds(let categories): return .adsLoaded(await result { try await service.ads(categories: categories) })
        case .search(let query, let generation):
            return .searchLoaded(generation: generation, await result { try await service.search(query, cursor: nil) })
        case .searchMore(let query, let cursor, let generation):
            return .searchMoreLoaded(generation: generation, await result { try await service.search(query, cursor: cursor) })
        case .paletteSearch(let query):
            return .paletteSearched(query: query.text, await result { try await service.search(query, cursor: nil) })
        case .loadCart(let currency, let generation):
            return .cartLoaded(await result { try await service.cart(currency: currency) }, generation: generation)
        case .addToCart(let id, let quantity, let currency):
            return .cartChanged(productID: id, await result { try await service.addToCart(productID: id, quantity: quantity, currency: currency) })
        case .setCartQuantity(let id, let quantity, let currency):
            return .cartChanged(productID: id, await result { try await service.setCartQuantity(productID: id, quantity: quantity, currency: currency) })
        case .removeFromCart(let id, let currency):
            return .cartChanged(productID: id, await result { try await service.removeFromCart(productID: id, currency: currency) })
        case .quoteShipping(let address, let currency, let purpose):
            return .shippingQuoted(purpose, await result { try await service.quoteShipping(to: address, currency: currency) })
        case .placeOrder(let request, let key):
            return .orderPlaced(idempotencyKey: key, await result { try await service.placeOrder(request, idempotencyKey: key) })
        case .loadOrders: return .ordersLoaded(await result { try await service.orders(cursor: nil) })
        case .loadMoreOrders(let cursor): return .moreOrdersLoaded(cursor: cursor, await result { try await service.orders(cursor: cursor) })
        case .loadOrder(let id): return .orderLoaded(id: id, await result { try await service.order(id: id) })
        case .loadTracking(let id): return .trackingLoaded(orderID: id, await result { try await service.tracking(orderID: id) })
        case .loadInvoice(let id): return .invoiceLoaded(orderID: id, await result { try await service.invoice(orderID: id) })
        case .cancelOrder(let id): return .orderCancelled(id: id, await result { try await service.cancelOrder(id: id) })
        case .loadAddresses: return .addressesLoaded(await result { try await service.addresses() })
        case .saveAddress(let address): return .addressSaved(await result { try await service.saveAddress(address) })
        case .updateAddress(let id, let address):
            return .addressSaved(await result { try await service.updateAddress(id: id, address) })
        case .deleteAddress(let id): return .addressDeleted(id: id, await result { try await service.deleteAddress(id: id); return true })
        case .loadActivity: return .activityLoaded(await result { try await service.activity() })
        case .loadInbox: return .inboxLoaded(await result { try await service.inbox() })
        case .markNotificationRead(let id): return .notificationRead(id: id, await result { try await service.markNotificationRead(id: id); return true })
        case .markAllNotificationsRead: return .notificationRead(id: "*", await result { try await service.markAllNotificationsRead(); return true })
        case .makeIdempotencyKey, .startTimer, .saveCurrency, .quit, .suspend, .signal:
            preconditionFailure("handled by run(_:)")
        }
    }

    private static func result<Value>(_ body: () async throws -> Value) async -> Result<Value, ServiceFailure> {
        do {
            return .success(try await body())
        } catch let failure as ServiceFailure {
            return .failure(failure)
        } catch {
            return .failure(ServiceFailure(kind: .other, message: String(describing: error)))
        }
    }

    /// A name for the log that never includes arguments (they may hold a card or password).
    static func name(of effect: Effect) -> String {
        String(String(describing: effect).prefix { $0 != "(" })
    }

    static func failure(in action: Action) -> ServiceFailure? {
        let mirror = Mirror(reflecting: action)
        for child in mirror.children {
            for inner in Mirror(reflecting: child.value).children {
                if let result = inner.value as? any FailureCarrying, let failure = result.serviceFailure { return failure }
            }
            if let result = child.value as? any FailureCarrying, let failure = result.serviceFailure { return failure }
        }
        return nil
    }
}

private protocol FailureCarrying {
    var serviceFailure: ServiceFailure? { get }
}

extension Result: FailureCarrying where Failure == ServiceFailure {
    var serviceFailure: ServiceFailure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
