// Both switches are exhaustive over the code generated from the contract's `ProblemCode`
// list: a code added to docs/openapi.yaml does not compile until ShopKit has a case for it.
extension ProblemCode {
    init(wire: Components.Schemas.ProblemCode) {
        switch wire {
        case .badRequest: self = .badRequest
        case .validationFailed: self = .validationFailed
        case .unauthorized: self = .unauthorized
        case .tokenExpired: self = .tokenExpired
        case .forbidden: self = .forbidden
        case .notFound: self = .notFound
        case .routeNotFound: self = .routeNotFound
        case .methodNotAllowed: self = .methodNotAllowed
        case .notAcceptable: self = .notAcceptable
        case .requestTimeout: self = .requestTimeout
        case .outOfStock: self = .outOfStock
        case .cartEmpty: self = .cartEmpty
        case .notCancellable: self = .notCancellable
        case .emailTaken: self = .emailTaken
        case .duplicateCode: self = .duplicateCode
        case .idempotencyKeyInFlight: self = .idempotencyKeyInFlight
        case .idempotencyKeyReused: self = .idempotencyKeyReused
        case .cardDeclined: self = .cardDeclined
        case .insufficientFunds: self = .insufficientFunds
        case .incorrectCvc: self = .incorrectCVC
        case .payloadTooLarge: self = .payloadTooLarge
        case .headersTooLarge: self = .headersTooLarge
        case .tooManyRequests: self = .tooManyRequests
        case .signInLocked: self = .signInLocked
        case ._internal: self = .internal
        case .serviceUnavailable: self = .serviceUnavailable
        case .tooManyConnections: self = .tooManyConnections
        }
    }

    /// The contract's code for a known case; `nil` for ``unknown(_:)``.
    var wire: Components.Schemas.ProblemCode? {
        switch self {
        case .badRequest: .badRequest
        case .validationFailed: .validationFailed
        case .unauthorized: .unauthorized
        case .tokenExpired: .tokenExpired
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .routeNotFound: .routeNotFound
        case .methodNotAllowed: .methodNotAllowed
        case .notAcceptable: .notAcceptable
        case .requestTimeout: .requestTimeout
        case .outOfStock: .outOfStock
        case .cartEmpty: .cartEmpty
        case .notCancellable: .notCancellable
        case .emailTaken: .emailTaken
        case .duplicateCode: .duplicateCode
        case .idempotencyKeyInFlight: .idempotencyKeyInFlight
        case .idempotencyKeyReused: .idempotencyKeyReused
        case .cardDeclined: .cardDeclined
        case .insufficientFunds: .insufficientFunds
        case .incorrectCVC: .incorrectCvc
        case .payloadTooLarge: .payloadTooLarge
        case .headersTooLarge: .headersTooLarge
        case .tooManyRequests: .tooManyRequests
        case .signInLocked: .signInLocked
        case .internal: ._internal
        case .serviceUnavailable: .serviceUnavailable
        case .tooManyConnections: .tooManyConnections
        case .unknown: nil
        }
    }
}
