import CrossingCore
import Foundation
import Security

/// The driver's token in the Keychain (after first unlock, this device only). Rust asks for it
/// on every sync and never stores it. A refresh needs the sign-in flow, so `forceRefresh`
/// returns what is stored and the core reports "sign-in required".
public final class KeychainTokenProvider: TokenProvider {
    private let service = "app.crossing.token"

    public init() {}

    public func token(forceRefresh: Bool) throws -> String? {
        var query = base()
        query[kSecReturnData as String] = true
        query[kSecMatchLimit as String] = kSecMatchLimitOne
        var item: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &item) == errSecSuccess,
              let data = item as? Data else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Stores the token from the sign-in screen.
    public func store(_ token: String) {
        SecItemDelete(base() as CFDictionary)
        var add = base()
        add[kSecValueData as String] = Data(token.utf8)
        add[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly
        SecItemAdd(add as CFDictionary, nil)
    }

    /// Signs out.
    public func clear() {
        SecItemDelete(base() as CFDictionary)
    }

    private func base() -> [String: Any] {
        [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: service]
    }
}
