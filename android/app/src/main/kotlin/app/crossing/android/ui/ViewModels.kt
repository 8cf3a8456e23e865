package app.crossing.android.ui

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import app.crossing.android.Launch
import app.crossing.shell.BorderModel
import app.crossing.shell.StartModel
import app.crossing.shell.TripListModel
import app.crossing.shell.TripModel

// One androidx ViewModel per screen, each owning the android/core model on viewModelScope:
// the state survives rotation, and the model's work stops when the screen is gone for good.

/** Sign-in, first sync, and the recovery notice (the model redraws on sync and trip changes). */
class StartViewModel(private val shell: Launch.Open) : ViewModel() {
    val model = StartModel(shell.core, shell.tokens, shell.signals, viewModelScope)

    /** The badge's sync button before the list exists: the core's loop runs soon. */
    fun syncSoon() = shell.core.requestSync()
}

class TripListViewModel(shell: Launch.Open) : ViewModel() {
    val model = TripListModel(shell.core, shell.signals, viewModelScope)
}

class TripViewModel(shell: Launch.Open, tripId: String) : ViewModel() {
    val model = TripModel(shell.core, tripId, shell.signals, viewModelScope)
}

class BorderViewModel(shell: Launch.Open, tripId: String, codeId: String?) : ViewModel() {
    val model = BorderModel(shell.core, tripId, shell.signals, viewModelScope, initialCode = codeId)
}
