package app.crossing.shell

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/**
 * A screen's state holder: loads the core's view model off the main thread, one load at a
 * time (requests made during a load coalesce into one more), and never throws. The Android
 * ViewModels wrap one of these with `viewModelScope`; the JVM tests use their own scope.
 */
abstract class ScreenModel<T>(
    protected val scope: CoroutineScope,
    protected val io: CoroutineDispatcher,
) {
    private val current = MutableStateFlow<ScreenState<T>>(ScreenState.Loading)
    private val requests = Channel<Unit>(Channel.CONFLATED)

    /** What to draw. */
    val state: StateFlow<ScreenState<T>> = current.asStateFlow()

    /** Reads the view model from the core (runs on [io]). */
    protected abstract fun load(): T

    /** Starts the loader; subclasses call it at the end of their `init`. */
    protected fun start() {
        scope.launch {
            for (request in requests) {
                current.value = withContext(io) { screenOf { load() } }
            }
        }
        reload()
    }

    /** Asks for a fresh view model. */
    fun reload() {
        requests.trySend(Unit)
    }
}
