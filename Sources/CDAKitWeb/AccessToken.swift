/// Random secrets for one run of the workbench: the access token and the CSRF token.
public enum AccessToken {
    /// A fresh random token: 32 bytes from the system's secure generator, as 64 lowercase hex digits.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }

    /// Compares a presented token with the expected one in time that does not depend on where they differ.
    public static func matches(_ presented: some StringProtocol, _ expected: String) -> Bool {
        let a = Array(presented.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count, !b.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
