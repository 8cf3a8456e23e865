package app.crossing.shell

import app.crossing.core.BorderCode
import app.crossing.core.CodeChoice
import app.crossing.core.CoreException
import app.crossing.core.CrossingCoreInterface
import app.crossing.core.EventInput
import app.crossing.core.Manifest
import app.crossing.core.StatusEvent
import app.crossing.core.SyncObserver
import app.crossing.core.SyncReport
import app.crossing.core.SyncStatus
import app.crossing.core.TripRow
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.withContext

/**
 * The app's one door to the Rust core: moves calls off the main thread and turns the sync
 * observer into a Flow. No business rules here; the core decides everything.
 */
class CrossingRepository(
    private val core: CrossingCoreInterface,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) {
    /** Trips on the phone, active first. */
    suspend fun trips(): List<TripRow> = withContext(io) { core.trips() }

    /** The trip to open at start: the active one with the earliest ETA. */
    suspend fun currentTripId(): String? = withContext(io) { core.currentTripId() }

    /** The manifest screen. */
    suspend fun manifest(tripId: String): Manifest = withContext(io) { core.manifest(tripId) }

    /** A border code as modules. */
    suspend fun code(tripId: String, choice: CodeChoice): BorderCode =
        withContext(io) { core.borderCode(tripId, choice.kind, choice.shipment) }

    /** Records an event; the core keeps it until the fleet has it. */
    suspend fun record(input: EventInput): Outcome<StatusEvent> = withContext(io) {
        try {
            Outcome.Ok(core.recordEvent(input))
        } catch (e: CoreException) {
            Outcome.Failed(e.userMessage())
        }
    }

    /** One sync now. */
    suspend fun syncNow(): Outcome<SyncReport> = try {
        Outcome.Ok(core.sync())
    } catch (e: CoreException) {
        Outcome.Failed(e.userMessage())
    }

    /** The network came back (Android network callback, iOS NWPathMonitor). */
    fun networkAvailable() {
        try {
            core.networkAvailable()
        } catch (_: CoreException) {
            // Not configured for sync: nothing to wake.
        }
    }

    /** Sync status for the badge: the current value first, then every change. */
    fun syncStatus(): Flow<SyncStatus> = callbackFlow {
        val handle = core.observeSync(object : SyncObserver {
            override fun onSyncStatus(status: SyncStatus) {
                trySend(status)
            }
        })
        awaitClose {
            handle.cancel()
            handle.close()
        }
    }
}

/** A result the UI can show without knowing the error types. */
sealed class Outcome<out T> {
    /** It worked. */
    data class Ok<T>(val value: T) : Outcome<T>()

    /** It did not; [message] is for the driver. */
    data class Failed(val message: String) : Outcome<Nothing>()
}

/** The core's sentence, without the binding's `reason=` prefix (docs/toolchain.md pitfall 10). */
fun CoreException.userMessage(): String = when (this) {
    is CoreException.InvalidInput -> reason
    is CoreException.InvalidTrip -> reason
    is CoreException.NotFound -> reason
    is CoreException.Storage -> reason
    is CoreException.Network -> reason
    is CoreException.SignInRequired -> "Sign in again. Your events are kept."
    is CoreException.UpdateRequired -> "Update the app to keep syncing. Your events are kept."
    is CoreException.NotConfigured -> reason
    is CoreException.Internal -> reason
}
