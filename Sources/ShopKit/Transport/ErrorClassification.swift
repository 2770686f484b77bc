import AsyncHTTPClient
import Foundation
import OpenAPIRuntime

extension ShopError {
    /// Maps whatever the wire layer threw to a `ShopError`, unwrapping the generated client's
    /// `ClientError` so callers never see it.
    static func from(_ error: any Error) -> ShopError {
        switch error {
        case let shopError as ShopError:
            return shopError
        case let clientError as ClientError:
            return fromTransport(clientError.underlyingError)
        case is CancellationError:
            return .cancelled
        default:
            // Not thrown by the wire layer: the generated code found an answer outside the contract.
            return .decoding(String(describing: error))
        }
    }

    /// Maps an error of the transport (AsyncHTTPClient, NIO) or of a middleware.
    static func fromTransport(_ error: any Error) -> ShopError {
        switch error {
        case let shopError as ShopError:
            return shopError
        case let clientError as ClientError:
            return fromTransport(clientError.underlyingError)
        case is CancellationError:
            return .cancelled
        case is DecodingError:
            return .decoding(String(describing: error))
        case let httpError as HTTPClientError:
            switch httpError {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .getConnectionFromPoolTimeout, .writeTimeout:
                return .timeout
            case .cancelled:
                return .cancelled
            default:
                return .transport(String(describing: httpError))
            }
        case let urlError as URLError:
            switch urlError.code {
            case .timedOut: return .timeout
            case .cancelled: return .cancelled
            default: return .transport(String(describing: urlError))
            }
        default:
            return .transport(String(describing: error))
        }
    }
}
