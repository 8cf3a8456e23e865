import CrossingCore
import Foundation
import Security

/// Where the driver's token lives. `read` returns nil only when there is none, and throws
/// when the store cannot be read now (a locked phone): that is not "signed out".
public protocol TokenStore: Sendable {
    func read() throws -> String?
    func save(_ token: String) throws
}

/// A Keychain call that failed, with the system's sentence for its status.
public struct KeychainError: LocalizedError, Equatable {
    public let status: OSStatus
    public var errorDescription: String? { SecCopyErrorMessageString(status, nil) as String? }
}

/// The token in the Keychain: after first unlock (background sync works while locked), this
/// device only (never in a backup).
public final class KeychainTokenStore: TokenStore {
    private let query: [String: String]

    public init(service: String = "app.crossing.token") {
        query = [kSecClass as String: kSecClassGenericPassword as String, kSecAttrService as String: service]
    }

    public func read() throws -> String? {
        var item: CFTypeRef?
        var copy: [String: Any] = query
        copy[kSecReturnData as String] = true
        copy[kSecMatchLimit as String] = kSecMatchLimitOne
        let status = SecItemCopyMatching(copy as CFDictionary, &item)
        if status == errSecItemNotFound { return nil }
        // Anything else (errSecInteractionNotAllowed before the first unlock…) is an error.
        guard status == errSecSuccess else { throw KeychainError(status: status) }
        guard let data = item as? Data, let token = String(data: data, encoding: .utf8) else {
            throw KeychainError(status: errSecDecode)
        }
        return token
    }

    public func save(_ token: String) throws {
        let attributes: [String: Any] = [
            kSecValueData as String: Data(token.utf8),
            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly,
        ]
        let match: [String: Any] = query
        var status = SecItemUpdate(match as CFDictionary, attributes as CFDictionary)
        if status == errSecItemNotFound {
            status = SecItemAdd(match.merging(attributes) { $1 } as CFDictionary, nil)
        }
        guard status == errSecSuccess else { throw KeychainError(status: status) }
    }
}

/// The core's token callback. A store that throws becomes `CoreError.Internal`: the core retries
/// instead of asking to sign in. `forceRefresh` returns what is stored (refreshing needs sign-in).
public final class StoredTokens: TokenProvider {
    private let store: TokenStore

    public init(_ store: TokenStore) { self.store = store }

    public func token(forceRefresh: Bool) throws -> String? {
        do {
            return try store.read()
        } catch {
            Log.shell.error("token store: \(error.localizedDescription, privacy: .public)")
            throw CoreError.Internal(reason: "token store unavailable")
        }
    }

    /// Whether the shell holds a token; a store that cannot be read now counts as signed in.
    static func signedIn(_ store: TokenStore) -> Bool {
        do { return try store.read() != nil } catch { return true }
    }
}
