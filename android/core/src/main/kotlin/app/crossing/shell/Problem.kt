package app.crossing.shell

import app.crossing.core.CoreException

/**
 * What went wrong, as a screen tells it apart: the core's error kinds, one to one. The
 * sentence is the core's; nothing is decided here.
 */
sealed interface Problem {
    /** The core's sentence. */
    val message: String

    /** The token was refused: show sign-in. Nothing is lost. */
    data class SignIn(override val message: String) : Problem

    /** The server or the data on the phone needs a newer app. Nothing is lost. */
    data class Update(override val message: String) : Problem

    /** No connection or the server is failing; the core retries by itself. */
    data class Offline(override val message: String) : Problem

    /** An input was refused; the sentence names the field and the rule. */
    data class Refused(override val message: String) : Problem

    /** The trip is no longer on the phone (unassigned and purged): go back to the list. */
    data class Gone(override val message: String) : Problem

    /** The phone's storage failed. */
    data class Storage(override val message: String) : Problem

    /** A bug or a failed callback. */
    data class Internal(override val message: String) : Problem
}

/** The one mapping from the core's exceptions to [Problem]. */
fun CoreException.toProblem(): Problem = when (this) {
    is CoreException.SignInRequired -> Problem.SignIn(reason)
    is CoreException.UpdateRequired -> Problem.Update(reason)
    is CoreException.Network -> Problem.Offline(reason)
    is CoreException.InvalidInput -> Problem.Refused(reason)
    is CoreException.InvalidTrip -> Problem.Refused(reason)
    is CoreException.NotFound -> Problem.Gone(reason)
    is CoreException.Storage -> Problem.Storage(reason)
    is CoreException.NotConfigured -> Problem.Internal(reason)
    is CoreException.Internal -> Problem.Internal(reason)
}

/** What a screen holds: loading, the core's view model, or why there is none. */
sealed interface ScreenState<out T> {
    /** Not loaded yet. */
    data object Loading : ScreenState<Nothing>

    /** The view model to draw. */
    data class Ready<T>(val screen: T) : ScreenState<T>

    /** Why there is nothing to draw. */
    data class Failed(val problem: Problem) : ScreenState<Nothing>
}

/** Runs a core call, turning its exception into [ScreenState.Failed] instead of a crash. */
internal inline fun <T> screenOf(call: () -> T): ScreenState<T> = try {
    ScreenState.Ready(call())
} catch (e: CoreException) {
    ScreenState.Failed(e.toProblem())
}
