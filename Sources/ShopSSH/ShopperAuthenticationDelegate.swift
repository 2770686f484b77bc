import NIOCore
import NIOSSH

/// User authentication the terminal.shop way: every public key is welcome and becomes the
/// person's identity; a client without a key is let in by the password method as a guest (the
/// password is ignored, never logged or kept). The "none" probe every client sends first is
/// declined, so a client that has keys offers them.
final class ShopperAuthenticationDelegate: NIOSSHServerUserAuthenticationDelegate {
    private let identity: ConnectionIdentity

    init(identity: ConnectionIdentity) {
        self.identity = identity
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { [.publicKey, .password] }

    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        switch request.request {
        case .publicKey(let offer):
            // NIOSSH has already checked the signature: the client holds this key's private half.
            identity.settle(.key(fingerprint: KeyFingerprint.of(offer.publicKey)))
            responsePromise.succeed(.success)
        case .password:
            identity.settle(.guest)
            responsePromise.succeed(.success)
        default:
            responsePromise.succeed(.failure)
        }
    }
}
