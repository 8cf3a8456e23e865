@_exported import CrossingCore
import Foundation
import os

/// What went wrong, in the core's sentence. `gone`: the trip is no longer on the phone
/// (`NotFound`), so "try again" cannot help.
public struct Problem: Error, Equatable, Sendable {
    public let message: String
    public var gone = false

    /// The one mapping from a thrown error to a problem.
    public static func of(_ error: Error) -> Problem {
        switch error as? CoreError {
        case let .NotFound(reason): return Problem(message: reason, gone: true)
        case let .SignInRequired(reason), let .UpdateRequired(reason), let .Network(reason),
             let .InvalidInput(reason), let .InvalidTrip(reason), let .Storage(reason),
             let .NotConfigured(reason), let .Internal(reason):
            return Problem(message: reason)
        case nil: return Problem(message: error.localizedDescription)
        }
    }
}

/// What a screen holds: loading, the core's view model, or why there is none.
public enum ScreenState<Screen> {
    case loading
    case ready(Screen)
    case failed(Problem)
}

/// A sentence to show once (an outcome, an error), with its tone.
public struct Message: Identifiable, Equatable, Sendable {
    public let id = UUID()
    public let text: String
    public let tone: Tone

    public init(_ text: String, tone: Tone) {
        self.text = text
        self.tone = tone
    }

    public init(problem: Problem) { self.init(problem.message, tone: .problem) }
}

public extension ShellTexts {
    /// The shell's own words (buttons it adds, platform failures), from the core in the app's
    /// language (iOS relaunches the app when its language changes, so once is enough).
    static let current = shellTexts(locales: Languages.current)
}

/// The phone's language list for the core: the app's localizations in the user's order (its
/// per-app choice; Info.plist CFBundleLocalizations declares them), then the system's.
public enum Languages {
    public static var current: [String] {
        (Bundle.main.preferredLocalizations + Locale.preferredLanguages).map { $0.replacingOccurrences(of: "_", with: "-") }
    }
}

/// Runs a blocking core call (SQLite, file I/O) off the main actor.
func offMain<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await Task.detached(priority: .userInitiated) { try work() }.value
}

/// The shell's own log lines.
enum Log {
    static var shell: Logger { Logger(subsystem: "app.crossing", category: "shell") }
}

/// The core's log lines into the unified log; they are already redacted, hence `.public`.
final class OSLogSink: LogSink {
    func log(level: LogLevel, area: String, message: String) {
        let logger = Logger(subsystem: "app.crossing", category: area)
        switch level {
        case .info: logger.info("\(message, privacy: .public)")
        case .warn: logger.warning("\(message, privacy: .public)")
        case .error: logger.error("\(message, privacy: .public)")
        }
    }
}
