package app.crossing.shell

import app.crossing.core.ActionButton
import app.crossing.core.CoreConfig
import app.crossing.core.CrossingCore
import app.crossing.core.EventKind
import app.crossing.core.Fleet
import app.crossing.core.FormInput
import app.crossing.core.InputValue
import app.crossing.core.Need
import app.crossing.core.StartStep
import app.crossing.core.TripScreen
import app.crossing.core.TripState
import app.crossing.core.coreVersion
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.io.RandomAccessFile

/**
 * The driver's journeys through the shell's JVM layer (the models the Android screens draw),
 * over the generated bindings, the real library and the real fleet server. Waits poll the
 * models' state with a generous deadline.
 */
class JourneyTest {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private val shipments = listOf("1234PARS261126001", "1234PARS261126002", "1234BND261126003")

    @AfterEach
    fun stop() = scope.cancel()

    private class MemoryTokens(var token: String? = null, var locked: Boolean = false) : TokenStore {
        override fun read(): String? = if (locked) throw IllegalStateException("keystore locked") else token
        override fun save(token: String) {
            this.token = token
        }
    }

    private fun config(dir: String, server: String? = Fleet.url) =
        CoreConfig(dir, server, "jvm-test", coreVersion(), "America/Toronto")

    private fun open(
        dir: String,
        tokens: TokenStore,
        server: String? = Fleet.url,
        locales: List<String> = listOf("en-CA"),
    ): CrossingCore =
        when (val s = runBlocking { openCore(config(dir, server), StoredTokens(tokens), locales) }) {
            is Startup.Opened -> s.core
            is Startup.CannotOpen -> error("cannot open: ${s.notice}")
        }

    private fun newTrip(tag: String): String {
        val id = "T-JVM-J$tag"
        assertEquals(201, Fleet.push(Fleet.trip("aci-trip.json", id, "1234JRN$tag")))
        return "JVM:$id"
    }

    private fun <T> StateFlow<ScreenState<T>>.awaitReady(what: String, ok: (T) -> Boolean = { true }): T = runBlocking {
        withTimeout(20_000) {
            (first { it is ScreenState.Ready && ok(it.screen) } as ScreenState.Ready<T>).screen
        }
    }

    private fun <T> StateFlow<T>.await(ok: (T) -> Boolean): T = runBlocking { withTimeout(20_000) { first(ok) } }

    private fun TripScreen.action(kind: EventKind): ActionButton = actions.first { it.kind == kind }

    /** Waits until the model is done recording (taps are ignored while it records). */
    private fun TripModel.settle() {
        busy.await { !it }
    }

    @Test
    fun `journey sign in and first sync`() {
        val id = newTrip("SIGNIN")
        val tokens = MemoryTokens()
        open(Fleet.tempDir(), tokens).use { core ->
            CoreSignals(core).use { signals ->
                val start = StartModel(core, tokens, signals, scope)
                assertEquals(StartStep.SIGN_IN, start.state.awaitReady("start").step)
                start.submitToken("not a token")
                assertTrue(start.tokenError.await { it != null }!!.contains("no spaces"))
                assertNull(tokens.token, "a refused token is not kept")
                val list = TripListModel(core, signals, scope)
                start.submitToken("  ${Fleet.driver} ")
                val ready = list.state.awaitReady("the list after the first sync") { s -> s.rows.any { it.id == id } }
                assertEquals(Fleet.driver, tokens.token)
                val row = ready.rows.first { it.id == id }
                assertTrue(row.detail.startsWith("To 0453 · ETA "), row.detail)
                assertEquals("Up to date", ready.sync.headline)
                start.reload()
                start.state.awaitReady("ready") { it.step == StartStep.READY }
            }
        }
    }

    @Test
    fun `journey a border day offline, through the forms`() {
        val id = newTrip("DAY")
        val dir = Fleet.tempDir()
        val tokens = MemoryTokens(Fleet.driver)
        open(dir, tokens).use { core -> assertEquals(WorkOutcome.SUCCESS, runBlocking { backgroundSync(core) }) }

        // No signal from here to the consignee: the same phone with no reachable server.
        open(dir, tokens, "http://127.0.0.1:9").use { core ->
            CoreSignals(core).use { signals ->
                val trip = TripModel(core, id, signals, scope)
                var screen = trip.state.awaitReady("trip")
                trip.tap(screen.action(EventKind.TRIP_ACKNOWLEDGED))
                trip.settle()
                screen = trip.state.awaitReady("acknowledged") { it.actions.first().kind == EventKind.DEPARTED_ORIGIN }
                trip.tap(screen.action(EventKind.DEPARTED_ORIGIN))
                trip.settle()
                screen = trip.state.awaitReady("departed") { it.actions.first().kind == EventKind.ARRIVED_AT_BORDER }

                // Arrival with the default port: the form preselects the trip's port.
                trip.tap(screen.action(EventKind.ARRIVED_AT_BORDER))
                trip.settle()
                val arrival = trip.form.await { it != null }!!.form
                val port = arrival.inputs.first() as FormInput.Choice
                assertEquals("0453", port.selected)
                trip.submit(emptyList())
                trip.settle()
                trip.form.await { it == null }
                trip.state.awaitReady("at the border") { it.headline == "At the border (0453) · not yet sent" }

                // An exception without a note is refused with the sentence; with one it is kept.
                trip.tap(screen.action(EventKind.EXCEPTION))
                trip.settle()
                trip.form.await { it?.form?.kind == EventKind.EXCEPTION }
                trip.submit(listOf(InputValue("note", " ")))
                trip.settle()
                val refused = trip.form.await { it?.refusal != null }!!.refusal!!
                assertEquals("note", refused.input)
                assertEquals("Note is required for exception events: say what happened", refused.message)
                trip.submit(listOf(InputValue("note", "Reefer alarm, checked")))
                trip.settle()
                trip.form.await { it == null }

                // Secondary inspection, released, at the consignee.
                screen = trip.state.awaitReady("inspection offered") { s -> s.actions.any { it.kind == EventKind.IN_INSPECTION } }
                trip.tap(screen.action(EventKind.IN_INSPECTION))
                trip.settle()
                trip.form.await { it?.form?.kind == EventKind.IN_INSPECTION }
                trip.submit(listOf(InputValue("inspection", "secondary")))
                trip.settle()
                trip.state.awaitReady("secondary") { it.headline == "In secondary inspection · not yet sent" }
                trip.tap(screen.action(EventKind.RELEASED))
                trip.settle()
                screen = trip.state.awaitReady("crossed") { s -> s.actions.any { it.kind == EventKind.ARRIVED_AT_CONSIGNEE } }
                trip.tap(screen.action(EventKind.ARRIVED_AT_CONSIGNEE))
                trip.settle()
                screen = trip.state.awaitReady("at consignee") { s -> s.actions.firstOrNull()?.kind == EventKind.DELIVERED }

                // The second of three through the picker.
                trip.tap(screen.action(EventKind.DELIVERED))
                trip.settle()
                val picker = trip.form.await { it?.form?.kind == EventKind.DELIVERED }!!.form.inputs.first() as FormInput.Choice
                assertEquals(shipments, picker.options.map { it.id })
                trip.submit(listOf(InputValue("shipment", shipments[1])))
                trip.settle()
                trip.state.awaitReady("one delivered") { it.headline == "Delivering: 1 of 3 shipments delivered · not yet sent" }
                assertTrue(trip.message.value!!.text.startsWith("Delivered saved"), trip.message.value?.text)
                assertEquals(WorkOutcome.RETRY, runBlocking { backgroundSync(core) }, "offline: WorkManager retries")
            }
        }
        open(dir, tokens).use { core -> assertEquals(WorkOutcome.SUCCESS, runBlocking { backgroundSync(core) }) }
        val server = Fleet.events(id.substringAfter(':'))
        assertEquals(8, Regex("\"event_id\"").findAll(server).count(), server)
        assertTrue(server.contains("\"shipment\":\"${shipments[1]}\""), server)
        assertTrue(server.contains("\"inspection\":\"secondary\""), server)
    }

    @Test
    fun `journey an amendment, then the cancellation, while the screens are open`() {
        val id = newTrip("AMEND")
        val tokens = MemoryTokens(Fleet.driver)
        open(Fleet.tempDir(), tokens).use { core ->
            CoreSignals(core).use { signals ->
                runBlocking { backgroundSync(core) }
                val trip = TripModel(core, id, signals, scope)
                val border = BorderModel(core, id, signals, scope)
                trip.tap(trip.state.awaitReady("trip").action(EventKind.TRIP_ACKNOWLEDGED))
                trip.settle()
                trip.state.awaitReady("acknowledged") { it.actions.first().kind == EventKind.DEPARTED_ORIGIN }
                assertEquals("1234JRNAMEND", border.state.awaitReady("code").code!!.payload)

                val v2 = Fleet.trip("aci-trip.json", "T-JVM-JAMEND", "1234JRNAMEND2").replace("\"version\": 1,", "\"version\": 2,")
                assertEquals(200, Fleet.push(v2))
                core.requestSync()
                val amended = trip.state.awaitReady("the amendment banner") { it.amendment != null }
                assertEquals(listOf("Trip number: 1234JRNAMEND → 1234JRNAMEND2"), amended.amendment!!.changes)
                val banner = amended.banner!!
                assertTrue(banner.papersVoid)
                assertEquals(listOf("ACI lead sheet"), amended.amendment!!.sheetsVoid)
                trip.paper(amended.papers.single().id)
                val file = trip.paper.await { it != null }!!
                assertEquals("ACI lead sheet 1234JRNAMEND2 v2.pdf", file.fileName)
                assertTrue(String(file.pdf.copyOfRange(0, 8)) == "%PDF-1.4")
                trip.paperHandled()
                assertEquals(EventKind.TRIP_ACKNOWLEDGED, banner.acknowledge!!.kind)
                assertEquals("1234JRNAMEND2", border.state.awaitReady("redrawn code") { it.code?.tripVersion == 2uL }.code!!.payload)

                assertEquals(204, Fleet.cancel("T-JVM-JAMEND"))
                core.requestSync()
                val gone = border.state.awaitReady("no code after the cancellation") { it.code == null }
                assertTrue(gone.notice!!.startsWith("Your fleet cancelled this trip"), gone.notice)
                assertEquals(TripState.CANCELLED, trip.state.awaitReady("cancelled") { it.state == TripState.CANCELLED }.state)
            }
        }
    }

    @Test
    fun `journey a damaged store and a store from a newer app at start-up`() {
        val dir = Fleet.tempDir()
        val tokens = MemoryTokens(Fleet.driver)
        open(dir, tokens, null).close()
        File(dir, "cache.db").writeText("this is not a database")
        File(dir, "cache.db-wal").delete()
        open(dir, tokens, null).use { core ->
            CoreSignals(core).use { signals ->
                val start = StartModel(core, tokens, signals, scope)
                val notice = start.recovery.await { it != null }!!
                assertEquals("Your data was repaired", notice.title)
                start.dismissRecovery()
                assertNull(core.recoveryNotice())
            }
        }
        // A downgrade: user_version (offset 60 of the SQLite header) from a newer app.
        RandomAccessFile(File(dir, "outbox.db"), "rw").use { it.seek(60); it.writeInt(999) }
        when (val s = runBlocking { openCore(config(dir, null), StoredTokens(tokens), listOf("en-CA")) }) {
            is Startup.Opened -> error("a newer store was opened")
            is Startup.CannotOpen -> {
                assertEquals("Update the app", s.notice.title)
                assertEquals(Need.UPDATE_APP, s.notice.needs)
            }
        }
        // The same notice in the phone's language, before any core could say it.
        when (val s = runBlocking { openCore(config(dir, null), StoredTokens(tokens), listOf("fr-CA")) }) {
            is Startup.Opened -> error("a newer store was opened")
            is Startup.CannotOpen -> assertEquals("Mettez l'application à jour", s.notice.title)
        }
        Words.use(listOf("en-CA"))
    }

    @Test
    fun `journey in Canadian French, then back to English when the phone's language changes`() {
        val id = newTrip("FR")
        val tokens = MemoryTokens(Fleet.driver)
        open(Fleet.tempDir(), tokens, locales = listOf("fr-CA", "en-CA")).use { core ->
            assertEquals("Réessayer", Words.texts.retry)
            CoreSignals(core).use { signals ->
                val list = TripListModel(core, signals, scope)
                runBlocking { core.syncNow() }
                val screen = list.state.awaitReady("list") { s -> s.rows.any { it.id == id } }
                assertEquals("Voyages", screen.title)
                val row = screen.rows.first { it.id == id }
                assertTrue(row.detail.contains(" h "), row.detail)
                // A locale change: the core says so and the list redraws in English.
                Words.use(listOf("en-CA"))
                assertEquals("en", core.setPreferredLocales(listOf("en-CA")))
                assertEquals("Trips", list.state.awaitReady("list") { it.title == "Trips" }.title)
                assertEquals("Try again", Words.texts.retry)
            }
        }
    }

    @Test
    fun `journey a token store that throws means retry, not sign in`() {
        val tokens = MemoryTokens(Fleet.driver, locked = true)
        open(Fleet.tempDir(), tokens).use { core ->
            assertEquals(WorkOutcome.RETRY, runBlocking { backgroundSync(core) })
            assertNull(core.syncView().needs)
            CoreSignals(core).use { signals ->
                val start = StartModel(core, tokens, signals, scope)
                assertEquals(StartStep.FIRST_SYNC, start.state.awaitReady("start").step)
            }
            tokens.locked = false
            tokens.token = null
            assertEquals(WorkOutcome.FAILURE, runBlocking { backgroundSync(core) }, "signed out: no WorkManager retry loop")
            assertEquals(Need.SIGN_IN, core.syncView().needs)
        }
    }

    @Test
    fun `codes are drawn at whole pixels per module`() {
        val tokens = MemoryTokens(Fleet.driver)
        open(Fleet.tempDir(), tokens, null).use { core ->
            val id = core.importTripJson(Fleet.trip("ace-trip.json", "T-JVM-RASTER", "NRTH2026112700017"))
            val matrix = core.borderScreen(id, "ace39").code!!.matrix
            val scale = CodeRaster.scaleFor(matrix, 1000)
            assertEquals(1000 / matrix.width.toInt(), scale)
            val px = CodeRaster.pixels(matrix, scale)
            assertEquals(matrix.width.toInt() * scale * CodeRaster.rows(matrix) * scale, px.size)
            assertTrue(px.all { it == CodeRaster.BLACK || it == CodeRaster.WHITE })
        }
    }
}
