package app.crossing.shell

import app.crossing.core.BorderCode
import app.crossing.core.CodeChoice

/**
 * State of the "At the border" screen: which code is shown and which others the driver can
 * switch to. The order (and so the default) comes from the core; this only steps through it.
 */
class BorderScreenModel(private val repository: CrossingRepository) {
    /** What the screen shows. */
    data class State(
        val tripId: String,
        val code: BorderCode,
        val choices: List<CodeChoice>,
        val index: Int,
    ) {
        /** Large text under the code. */
        val caption: String get() = code.humanReadable

        /** Shown with the code, e.g. "v2". Codes are redrawn when the trip is amended. */
        val versionStamp: String get() = "trip version ${code.tripVersion}"
    }

    /** Loads the first code of the trip (the core lists the one to show first). */
    suspend fun open(tripId: String): State? {
        val choices = repository.manifest(tripId).codes
        if (choices.isEmpty()) return null
        return State(tripId, repository.code(tripId, choices[0]), choices, 0)
    }

    /** The next code kind (QR → Code 128 → …), wrapping around. */
    suspend fun next(state: State): State {
        val i = (state.index + 1) % state.choices.size
        return state.copy(code = repository.code(state.tripId, state.choices[i]), index = i)
    }
}
