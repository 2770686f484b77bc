import ArgumentParser
import ShopFlows

/// The exit codes of `shop`'s subcommands, documented in docs/cli.md. Scripts switch on them,
/// so they never change meaning.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    /// Anything not listed below: an answer that could not be read, an unexpected status.
    case failure = 1
    /// The command line or its input was wrong (unknown option, quantity out of range, a card
    /// given as an argument, a field the gateway refused).
    case usage = 2
    /// No such product, order, address or message.
    case notFound = 3
    /// Out of stock, not cancellable any more, e-mail already registered.
    case conflict = 4
    /// The card was refused: invalid, expired or declined. Nothing was charged.
    case paymentRefused = 5
    /// The command needs an account: sign in with `shop account login`.
    case signInNeeded = 6
    /// The gateway could not be reached or said it is unavailable (after retries).
    case unreachable = 7

    init(_ kind: FailureKind) {
        switch kind {
        case .unreachable, .unavailable: self = .unreachable
        case .signInNeeded: self = .signInNeeded
        case .paymentRefused: self = .paymentRefused
        case .notFound: self = .notFound
        case .conflict: self = .conflict
        case .invalidInput: self = .usage
        case .other: self = .failure
        }
    }

    /// The name used in `--json` errors.
    var name: String {
        switch self {
        case .success: "success"
        case .failure: "failure"
        case .usage: "usage"
        case .notFound: "not-found"
        case .conflict: "conflict"
        case .paymentRefused: "payment-refused"
        case .signInNeeded: "sign-in-needed"
        case .unreachable: "unreachable"
        }
    }
}
