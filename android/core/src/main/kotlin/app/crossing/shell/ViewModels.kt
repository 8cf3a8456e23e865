package app.crossing.shell

import app.crossing.core.ActionButton
import app.crossing.core.BorderScreen
import app.crossing.core.CoreException
import app.crossing.core.CrossingCoreInterface
import app.crossing.core.InputValue
import app.crossing.core.Notice
import app.crossing.core.PaperFile
import app.crossing.core.RecordForm
import app.crossing.core.RecordIntent
import app.crossing.core.RecordOutcome
import app.crossing.core.SignInOutcome
import app.crossing.core.StartScreen
import app.crossing.core.TripListScreen
import app.crossing.core.TripScreen
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicLong
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** A sentence to show once (a snackbar); [id] differs for every sentence, even a repeated one. */
data class Said(val text: String, val id: Long)

private val saidIds = AtomicLong()

internal fun said(text: String) = Said(text, saidIds.incrementAndGet())

/** The trip list: redraws on every trip change and badge change; pull-to-refresh syncs. */
class TripListModel(
    private val core: CrossingCoreInterface,
    signals: CoreSignals,
    scope: CoroutineScope,
    io: CoroutineDispatcher = Dispatchers.IO,
) : ScreenModel<TripListScreen>(scope, io) {
    private val last = MutableStateFlow<Said?>(null)

    /** The last sync's sentence ("Synced: …", "No connection: …"), for a snackbar. */
    val message: StateFlow<Said?> = last.asStateFlow()

    init {
        scope.launch { signals.trips.collect { reload() } }
        scope.launch { signals.sync.collect { reload() } }
        start()
    }

    override fun load(): TripListScreen = core.tripList()

    /** Pull-to-refresh: one sync through the core's one sync service. */
    fun refresh() {
        scope.launch {
            last.value = said(
                try {
                    core.syncNow().message
                } catch (e: CoreException) {
                    e.toProblem().message
                },
            )
        }
    }
}

/** A refused form: which input to mark, and the core's sentence. */
data class Refusal(val input: String?, val message: String)

/** An open form with what the last send said. */
data class FormState(val form: RecordForm, val refusal: Refusal? = null)

/** The trip screen, its action forms, and what recording said. */
class TripModel(
    private val core: CrossingCoreInterface,
    private val tripId: String,
    signals: CoreSignals,
    scope: CoroutineScope,
    io: CoroutineDispatcher = Dispatchers.IO,
) : ScreenModel<TripScreen>(scope, io) {
    private val openForm = MutableStateFlow<FormState?>(null)
    private val last = MutableStateFlow<Said?>(null)
    private val sending = AtomicBoolean(false)
    private val busyNow = MutableStateFlow(false)

    /** The open form, if any. */
    val form: StateFlow<FormState?> = openForm.asStateFlow()

    /** The last sentence to show (recorded, or why a form could not open). */
    val message: StateFlow<Said?> = last.asStateFlow()

    /** An event is being recorded: taps are ignored until it is done (no double records). */
    val busy: StateFlow<Boolean> = busyNow.asStateFlow()

    private val paperNow = MutableStateFlow<PaperFile?>(null)

    /** A sheet made for printing, until the screen has handed it to the print dialog. */
    val paper: StateFlow<PaperFile?> = paperNow.asStateFlow()

    /** Makes a sheet of the trip ([app.crossing.core.PaperButton.id]) for the print dialog. */
    fun paper(paperId: String) {
        scope.launch {
            try {
                val file = withContext(io) { core.paper(tripId, paperId, false) }
                file.notice?.let { last.value = said(it) }
                paperNow.value = file
            } catch (e: CoreException) {
                last.value = said(e.toProblem().message)
            }
        }
    }

    /** The print dialog has the sheet. */
    fun paperHandled() {
        paperNow.value = null
    }

    init {
        scope.launch { signals.trips.collect { if (it.touches(tripId)) reload() } }
        start()
    }

    override fun load(): TripScreen = core.tripScreen(tripId)

    /** A status button: opens its form, or records at once. */
    fun tap(action: ActionButton) {
        if (action.opensForm) open(action) else send(RecordIntent(tripId, action.kind, emptyList()))
    }

    private fun open(action: ActionButton) {
        scope.launch {
            try {
                openForm.value = FormState(withContext(io) { core.recordForm(tripId, action.kind) })
            } catch (e: CoreException) {
                last.value = said(e.toProblem().message)
            }
        }
    }

    /** Sends the open form with the driver's values. */
    fun submit(values: List<InputValue>) {
        val open = openForm.value ?: return
        send(RecordIntent(tripId, open.form.kind, values))
    }

    /** Closes the form without recording. */
    fun closeForm() {
        openForm.value = null
    }

    private fun send(intent: RecordIntent) {
        if (!sending.compareAndSet(false, true)) return
        busyNow.value = true
        scope.launch {
            try {
                show(withContext(io) { core.record(intent) })
            } catch (e: CoreException) {
                last.value = said(e.toProblem().message)
            } finally {
                sending.set(false)
                busyNow.value = false
            }
        }
    }

    private fun show(outcome: RecordOutcome) {
        when (outcome) {
            is RecordOutcome.Recorded -> {
                openForm.value = null
                last.value = said(outcome.message)
            }
            is RecordOutcome.Refused -> {
                val open = openForm.value
                if (open != null) {
                    openForm.value = open.copy(refusal = Refusal(outcome.input, outcome.message))
                } else {
                    last.value = said(outcome.message)
                }
            }
        }
    }
}

/** The border screen: the selected code (first [initialCode]), kept across redraws (an
 *  amendment redraws it). */
class BorderModel(
    private val core: CrossingCoreInterface,
    private val tripId: String,
    signals: CoreSignals,
    scope: CoroutineScope,
    io: CoroutineDispatcher = Dispatchers.IO,
    initialCode: String? = null,
) : ScreenModel<BorderScreen>(scope, io) {
    @Volatile
    private var selected: String? = initialCode

    init {
        scope.launch { signals.trips.collect { if (it.touches(tripId)) reload() } }
        start()
    }

    override fun load(): BorderScreen = core.borderScreen(tripId, selected)

    /** Shows the code of a [app.crossing.core.CodeButton] id. */
    fun select(codeId: String) {
        selected = codeId
        reload()
    }
}

/** Where the token lives (Keystore on Android). [read] throws when the store cannot be read. */
interface TokenStore {
    /** The token, or null when signed out. */
    fun read(): String?

    /** Keeps a token. */
    fun save(token: String)
}

/** First run and sign-in, and the recovery notice; redraws on sync and trip changes. */
class StartModel(
    private val core: CrossingCoreInterface,
    private val tokens: TokenStore,
    signals: CoreSignals,
    scope: CoroutineScope,
    io: CoroutineDispatcher = Dispatchers.IO,
) : ScreenModel<StartScreen>(scope, io) {
    private val error = MutableStateFlow<String?>(null)
    private val recoveryNotice = MutableStateFlow<Notice?>(null)

    /** Why the typed token was not kept. */
    val tokenError: StateFlow<String?> = error.asStateFlow()

    /** What opening repaired, until dismissed. */
    val recovery: StateFlow<Notice?> = recoveryNotice.asStateFlow()

    init {
        scope.launch { recoveryNotice.value = withContext(io) { core.recoveryNotice() } }
        scope.launch { signals.sync.collect { reload() } }
        scope.launch { signals.trips.collect { reload() } }
        start()
    }

    // A store that cannot be read now is not "signed out": the core retries the sync.
    override fun load(): StartScreen =
        core.startScreen(try { tokens.read() != null } catch (e: Exception) { true })

    /** The sign-in button. */
    fun submitToken(text: String) {
        scope.launch {
            when (val checked = core.checkToken(text)) {
                is SignInOutcome.Refused -> error.value = checked.message
                is SignInOutcome.Accepted -> {
                    val saved = try {
                        withContext(io) { tokens.save(checked.token) }
                        true
                    } catch (e: Exception) {
                        false
                    }
                    error.value = if (saved) null else Words.texts.tokenStoreLocked
                    if (saved) {
                        core.signedIn()
                        reload()
                    }
                }
            }
        }
    }

    /** The driver read the recovery notice. */
    fun dismissRecovery() {
        core.dismissRecovery()
        recoveryNotice.value = null
    }
}
