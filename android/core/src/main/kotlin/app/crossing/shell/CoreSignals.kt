package app.crossing.shell

import app.crossing.core.AppObserver
import app.crossing.core.CrossingCoreInterface
import app.crossing.core.SyncView
import kotlinx.coroutines.channels.BufferOverflow
import kotlinx.coroutines.flow.MutableSharedFlow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharedFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asSharedFlow
import kotlinx.coroutines.flow.asStateFlow

/** Trips whose screens must redraw; [all]: every screen. */
data class TripsChanged(val tripIds: List<String>, val all: Boolean) {
    /** Whether the screen of [tripId] must redraw. */
    fun touches(tripId: String): Boolean = all || tripId in tripIds
}

/**
 * The core's redraw signals for the whole app, from one observer: trip changes (a sync, an
 * amendment, a cancellation, a recorded event) and the sync badge. One per process; every
 * ViewModel collects from it.
 */
class CoreSignals(core: CrossingCoreInterface) : AutoCloseable {
    private val syncState = MutableStateFlow<SyncView?>(null)
    private val tripChanges = MutableSharedFlow<TripsChanged>(
        extraBufferCapacity = 64,
        onBufferOverflow = BufferOverflow.DROP_OLDEST,
    )

    /** The sync badge (null until the core has called back once). */
    val sync: StateFlow<SyncView?> = syncState.asStateFlow()

    /** Trip changes, as they happen. */
    val trips: SharedFlow<TripsChanged> = tripChanges.asSharedFlow()

    private val handle = core.observe(object : AppObserver {
        override fun onTripsChanged(tripIds: List<String>, all: Boolean) {
            tripChanges.tryEmit(TripsChanged(tripIds, all))
        }

        override fun onSyncChanged(sync: SyncView) {
            syncState.value = sync
        }
    })

    override fun close() {
        handle.cancel()
        handle.close()
    }
}
