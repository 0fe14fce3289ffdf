import Foundation

/// The browser sessions of one run of the workbench, kept in memory only.
///
/// Opening the printed address (`/?token=…`) starts a session: a fresh random value, unrelated
/// to the access token, that the browser keeps in an `HttpOnly` cookie. So a cookie that leaks
/// (browsers send cookies for 127.0.0.1 to every port on it) gives away neither the token nor
/// anything that outlives this run: a restart of `cda serve` ends every session.
final class BrowserSessions: @unchecked Sendable {
    /// The most sessions kept; starting one more ends the oldest.
    static let limit = 64

    private let lock = NSLock()
    private var values: [String] = []

    /// Starts a session and returns its value for the cookie.
    func start() -> String {
        let value = AccessToken.random()
        lock.withLock {
            values.append(value)
            if values.count > Self.limit { values.removeFirst(values.count - Self.limit) }
        }
        return value
    }

    /// Whether `presented` is the value of a session of this run, compared in constant time.
    func isValid(_ presented: some StringProtocol) -> Bool {
        let current = lock.withLock { values }
        var found = false
        for value in current where AccessToken.matches(presented, value) { found = true }
        return found
    }
}
