import Foundation
import Logging
import NIOSSH
import TerminalUI

/// What `shop serve` was asked for: where to listen, whose gateway to use, and the limits that
/// keep one person (or one address) from taking the server from everyone else.
public struct SSHServeConfiguration: Sendable {
    /// The address to listen on (loopback unless the operator says otherwise).
    public var host: String
    /// The port; 0 picks a free one (``SSHShopServer/port`` tells which).
    public var port: Int
    /// The server's identity, shown to clients on first connect.
    public var hostKey: HostKey
    /// The gateway every session shops at.
    public var gatewayURL: URL
    /// The gateway's admin token: only the server holds it, to sign people in by key.
    public var adminToken: String
    /// A shown label for the gateway (the status bar's).
    public var gatewayLabel: String
    /// Sessions open at once; one more is told the shop is full and closed.
    public var maxSessions: Int
    /// A session with no input for this long is told so and closed.
    public var idleTimeout: Duration
    /// New connections per address: a burst, then a steady rate (per second).
    public var connectionBurst: Int
    public var connectionsPerSecond: Double
    /// Input bytes per session: a burst (a paste), then a steady rate; beyond, bytes are dropped.
    public var inputBurstBytes: Int
    public var inputBytesPerSecond: Int
    /// The theme every session is drawn in.
    public var theme: Theme
    /// Where the server logs (who connected, never what they typed).
    public var logger: Logger
    /// How long a session waits for one gateway answer before saying the shop took too long
    /// (ShopKit's default, 15 s; the in-process tests beside the whole suite wait longer).
    public var gatewayTimeout: Duration = .seconds(15)

    public init(host: String = "127.0.0.1", port: Int = 2222, hostKey: HostKey, gatewayURL: URL, adminToken: String,
                gatewayLabel: String, maxSessions: Int = 100, idleTimeout: Duration = .seconds(30 * 60),
                connectionBurst: Int = 20, connectionsPerSecond: Double = 5, inputBurstBytes: Int = 64 * 1024,
                inputBytesPerSecond: Int = 16 * 1024, theme: Theme, logger: Logger = Logger(label: "shop.serve")) {
        self.host = host
        self.port = port
        self.hostKey = hostKey
        self.gatewayURL = gatewayURL
        self.adminToken = adminToken
        self.gatewayLabel = gatewayLabel
        self.maxSessions = maxSessions
        self.idleTimeout = idleTimeout
        self.connectionBurst = connectionBurst
        self.connectionsPerSecond = connectionsPerSecond
        self.inputBurstBytes = inputBurstBytes
        self.inputBytesPerSecond = inputBytesPerSecond
        self.theme = theme
        self.logger = logger
    }
}
