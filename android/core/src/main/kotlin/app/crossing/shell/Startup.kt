package app.crossing.shell

import app.crossing.core.CoreConfig
import app.crossing.core.CoreException
import app.crossing.core.CrossingCore
import app.crossing.core.CrossingCoreInterface
import app.crossing.core.Notice
import app.crossing.core.SyncAdvice
import app.crossing.core.TokenProvider
import app.crossing.core.startupNotice
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/** Opening the core: the core, or the screen that says why it cannot open. */
sealed interface Startup {
    /** Opened. */
    data class Opened(val core: CrossingCore) : Startup

    /** Not opened; draw [notice] instead of crashing. */
    data class CannotOpen(val notice: Notice) : Startup
}

/**
 * Opens the core off the main thread (SQLite, migrations, a possible salvage), in the phone's
 * language: [locales] is the per-app language list, BCP 47 tags in the user's order.
 */
suspend fun openCore(
    config: CoreConfig,
    tokens: TokenProvider,
    locales: List<String>,
    io: CoroutineDispatcher = Dispatchers.IO,
): Startup = withContext(io) {
    Words.use(locales)
    try {
        Startup.Opened(CrossingCore(config, tokens).also { it.setPreferredLocales(locales) })
    } catch (e: CoreException) {
        Startup.CannotOpen(startupNotice(e, locales))
    }
}

/** The core's token callback over a [TokenStore]; a store that throws means "try later". */
class StoredTokens(private val store: TokenStore) : TokenProvider {
    override fun token(forceRefresh: Boolean): String? = try {
        store.read()
    } catch (e: Exception) {
        throw CoreException.Internal("token store unavailable")
    }
}

/** What a background job (WorkManager) reports. */
enum class WorkOutcome {
    /** Done. */
    SUCCESS,

    /** A retry can fix it. */
    RETRY,

    /** Only the driver can fix it (sign in, update) or storage failed: do not retry. */
    FAILURE,
}

/** One background sync through the core's one sync service, read as a job's outcome. */
suspend fun backgroundSync(core: CrossingCoreInterface): WorkOutcome = try {
    when (core.syncNow().advice) {
        SyncAdvice.DONE -> WorkOutcome.SUCCESS
        SyncAdvice.RETRY_LATER -> WorkOutcome.RETRY
        SyncAdvice.NEEDS_DRIVER, SyncAdvice.FAILED -> WorkOutcome.FAILURE
    }
} catch (e: CoreException) {
    if (e is CoreException.Network) WorkOutcome.RETRY else WorkOutcome.FAILURE
}
