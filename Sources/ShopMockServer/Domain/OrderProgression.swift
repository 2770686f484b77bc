import Foundation

/// When an order moves on, in seconds after it was placed at the normal pace.
///
/// The schedule is divided by the clock's `timeScale`, so a demo at `--time-scale 60` sees
/// "packed" one second after placing and "delivered" a minute later.
enum OrderProgression {
    struct Step: Sendable {
        var status: OrderStatus
        var offset: TimeInterval
        var note: String
    }

    static let steps: [Step] = [
        Step(status: .packed, offset: 60, note: "Packed at the warehouse."),
        Step(status: .shipped, offset: 180, note: "Handed to the carrier."),
        Step(status: .inTransit, offset: 600, note: "On its way."),
        Step(status: .outForDelivery, offset: 1_800, note: "Out for delivery."),
        Step(status: .delivered, offset: 3_600, note: "Delivered."),
    ]

    static let warehouse = "Shop fulfilment centre, Reno, NV, US"
    static let sortingHub = "Carrier sorting hub, Salt Lake City, UT, US"

    /// Where the parcel is at a status, for tracking events.
    static func location(of status: OrderStatus, address: PostalAddress) -> String? {
        switch status {
        case .placed, .paid, .cancelled: nil
        case .packed, .shipped: warehouse
        case .inTransit: sortingHub
        case .outForDelivery, .delivered: "\(address.city), \(address.country)"
        }
    }

    /// The steps that are due by `now` and not yet recorded.
    static func dueSteps(for order: OrderRecord, now: Date, timeScale: Double = 1) -> [OrderEventRecord] {
        guard order.status != .cancelled else { return [] }
        let recorded = Set(order.events.map(\.status))
        return steps.compactMap { step in
            let at = order.placedAt.addingTimeInterval(step.offset / max(timeScale, 1e-9))
            guard at <= now, !recorded.contains(step.status) else { return nil }
            return OrderEventRecord(
                status: step.status, at: at, note: step.note,
                location: location(of: step.status, address: order.address))
        }
    }

    /// Shipping updates worth a notification.
    static func notifies(_ status: OrderStatus) -> Bool {
        [.shipped, .inTransit, .outForDelivery, .delivered].contains(status)
    }

    static func describe(_ status: OrderStatus) -> String {
        switch status {
        case .placed: "Order placed"
        case .paid: "Payment received"
        case .packed: "Packed"
        case .shipped: "Shipped"
        case .inTransit: "In transit"
        case .outForDelivery: "Out for delivery"
        case .delivered: "Delivered"
        case .cancelled: "Cancelled"
        }
    }
}
