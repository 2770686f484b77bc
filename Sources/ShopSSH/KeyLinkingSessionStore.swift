import Logging
import ShopKit
import Synchronization

/// A session's gateway session, in memory, that notices when the person signs in or registers
/// inside the app and binds their SSH key to that account, so the same key comes back signed in.
final class KeyLinkingSessionStore: SessionStore {
    private let fingerprint: String?
    private let admin: AdminService
    private let logger: Logger
    private let stored: Mutex<Session?>
    /// The account the key is bound to as far as this session knows.
    private let linkedUserId: Mutex<String?>

    init(initial: Session?, fingerprint: String?, admin: AdminService, logger: Logger) {
        self.fingerprint = fingerprint
        self.admin = admin
        self.logger = logger
        self.stored = Mutex(initial)
        self.linkedUserId = Mutex(initial?.user.id)
    }

    func load() async throws -> Session? {
        stored.withLock { $0 }
    }

    func save(_ session: Session?) async throws {
        stored.withLock { $0 = session }
        guard let fingerprint, let session, !session.isGuest else { return }
        let isNewAccount = linkedUserId.withLock { linked in
            defer { linked = session.user.id }
            return linked != session.user.id
        }
        guard isNewAccount else { return }
        do {
            // The answer is a second session for the same account; this one keeps its own.
            _ = try await admin.keySession(fingerprint: fingerprint, bindTo: session.user.id)
            logger.info("linked an SSH key to an account", metadata: ["fingerprint": "\(fingerprint)", "user": "\(session.user.id)"])
        } catch {
            linkedUserId.withLock { $0 = nil }
            logger.warning("could not link an SSH key", metadata: ["fingerprint": "\(fingerprint)", "error": "\(error)"])
        }
    }
}
