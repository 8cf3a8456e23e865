import Foundation

/// Where the databases live: Application Support (not an App Group: avoids 0xdead10cc),
/// excluded from backup, with protection "until first unlock" so background sync can still
/// open SQLite while the phone is locked.
enum DataDirectory {
    static func prepare() throws -> URL {
        let fm = FileManager.default
        var dir = try fm.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
            .appendingPathComponent("crossing", isDirectory: true)
        try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [
            .protectionKey: FileProtectionType.completeUntilFirstUserAuthentication,
        ])
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try dir.setResourceValues(values)
        return dir
    }
}
