package app.crossing.core

import com.google.zxing.BinaryBitmap
import com.google.zxing.RGBLuminanceSource
import com.google.zxing.common.HybridBinarizer
import com.google.zxing.qrcode.QRCodeReader
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import kotlin.test.assertFailsWith
import java.io.File
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit

/** The generated Kotlin bindings against the real library and a real fleet server. */
class CrossingCoreTest {
    private fun config(dir: String, server: String? = Fleet.url) = CoreConfig(
        dataDir = dir, serverUrl = server, platform = "jvm-test", appVersion = coreVersion(),
        deviceZone = "America/Toronto",
    )

    /** Pushes a trip as fleet JVM's manager; returns its id as the phone knows it (trip ids are
     *  per fleet: the phone gets `<fleet>:<id>`). */
    private fun newTrip(tag: String): String {
        val id = "T-JVM-$tag"
        assertEquals(201, Fleet.push(Fleet.trip("aci-trip.json", id, "1234JVM$tag")))
        return "JVM:$id"
    }

    private fun intent(id: String, kind: EventKind, vararg values: Pair<String, String>) =
        RecordIntent(id, kind, values.map { InputValue(it.first, it.second) })

    @Test
    fun `a pushed trip syncs and its trip screen is ready to render`() {
        val id = newTrip("SYNC1")
        CrossingCore(config(Fleet.tempDir()), FixedToken(Fleet.driver)).use { core ->
            val outcome = runBlocking { core.syncNow() }
            assertEquals(SyncAdvice.DONE, outcome.advice, outcome.message)
            assertTrue(core.tripList().rows.any { it.id == id && it.state == TripState.ACTIVE })
            val m = core.tripScreen(id)
            assertEquals("ACI trip 1234JVMSYNC1 → 0453", m.title)
            assertEquals(listOf("Trip", "Conveyance", "Trailer 1 of 1", "Driver"), m.sections.take(4).map { it.title })
            val ids = m.sections.map { it.id } + m.sections.flatMap { s -> s.fields.map { it.id } }
            assertEquals(ids.size, ids.toSet().size, "list ids are unique")
            assertEquals(EventKind.TRIP_ACKNOWLEDGED, m.actions.first().kind)
            assertTrue(m.actions.first().recommended)
        }
    }

    @Test
    fun `every border code comes as a matrix and the QR decodes with ZXing`() {
        val id = newTrip("CODES")
        CrossingCore(config(Fleet.tempDir()), FixedToken(Fleet.driver)).use { core ->
            runBlocking { core.syncNow() }
            val m = core.tripScreen(id)
            assertEquals(listOf(BorderCodeKind.QR, BorderCodeKind.CRN128, BorderCodeKind.CCN128), m.codes.map { it.kind }.distinct())
            for (button in m.codes) {
                val screen = core.borderScreen(id, button.id)
                assertEquals(button.id, screen.selected)
                val code = screen.code!!
                assertEquals((code.matrix.width * code.matrix.height).toInt(), code.matrix.modules.size)
                assertEquals(1L, code.tripVersion.toLong())
                assertTrue(screen.keepScreenOn)
            }
            val qr = core.borderScreen(id, null).code!!
            assertEquals(Symbology.QR, qr.symbology)
            assertEquals(4u, qr.matrix.quietZone)
            assertEquals("1234JVMCODES", decodeQr(qr.matrix))
        }
    }

    private fun decodeQr(m: ModuleMatrix, scale: Int = 6): String {
        val w = m.width.toInt()
        val px = IntArray(w * scale * w * scale) { i ->
            val x = (i % (w * scale)) / scale
            val y = (i / (w * scale)) / scale
            if (m.modules[y * w + x].toInt() == 1) 0xFF000000.toInt() else 0xFFFFFFFF.toInt()
        }
        val bitmap = BinaryBitmap(HybridBinarizer(RGBLuminanceSource(w * scale, w * scale, px)))
        return QRCodeReader().decode(bitmap).text
    }

    @Test
    fun `events recorded with no server are kept and delivered exactly once later`() {
        val id = newTrip("OFFLINE")
        val dir = Fleet.tempDir()
        CrossingCore(config(dir), FixedToken(Fleet.driver)).use { core -> runBlocking { core.syncNow() } }
        // Same phone, no reachable server (nothing listens on port 9 of loopback).
        CrossingCore(config(dir, "http://127.0.0.1:9"), FixedToken(Fleet.driver)).use { core ->
            for (kind in listOf(EventKind.TRIP_ACKNOWLEDGED, EventKind.DEPARTED_ORIGIN, EventKind.ARRIVED_AT_BORDER)) {
                assertTrue(core.record(intent(id, kind)) is RecordOutcome.Recorded)
            }
            val offline = runBlocking { core.syncNow() }
            assertEquals(SyncAdvice.RETRY_LATER, offline.advice)
            assertTrue(offline.view.headline.startsWith("Offline · retrying at "), offline.view.headline)
            assertEquals(3u, core.syncView().pending)
            assertEquals("At the border (0453) · not yet sent", core.tripScreen(id).headline)
        }
        CrossingCore(config(dir), FixedToken(Fleet.driver)).use { core ->
            val outcome = runBlocking { core.syncNow() }
            assertEquals(SyncAdvice.DONE, outcome.advice, outcome.message)
            assertEquals(0u, core.syncView().pending)
        }
        val server = Fleet.events(id.substringAfter(':'))
        assertEquals(3, Regex("\"event_id\"").findAll(server).count(), server)
    }

    @Test
    fun `trip and sync changes reach an observer until its handle is cancelled`() {
        val id = newTrip("OBSERVE")
        CrossingCore(config(Fleet.tempDir()), FixedToken(Fleet.driver)).use { core ->
            val badges = CopyOnWriteArrayList<SyncView>()
            val trips = CopyOnWriteArrayList<String>()
            val handle = core.observe(object : AppObserver {
                override fun onTripsChanged(tripIds: List<String>, all: Boolean) {
                    trips.addAll(tripIds)
                }

                override fun onSyncChanged(sync: SyncView) {
                    badges.add(sync)
                }
            })
            core.requestSync()
            val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
            while (System.nanoTime() < deadline && !(id in trips && badges.last().headline == "Up to date")) {
                Thread.sleep(20)
            }
            assertEquals("Not synced yet", badges.first().headline, "the current badge comes first")
            assertTrue(id in trips, "the pulled trip is announced: $trips")
            assertEquals("Up to date", badges.last().headline)
            handle.cancel()
            val deadlineEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5)
            while (!handle.isFinished() && System.nanoTime() < deadlineEnd) Thread.sleep(10)
            assertTrue(handle.isFinished())
            val count = badges.size + trips.size
            core.record(intent(id, EventKind.TRIP_ACKNOWLEDGED))
            assertEquals(count, badges.size + trips.size, "no calls after cancel")
            handle.close()
        }
    }

    @Test
    fun `refusals name the field and errors are typed`() {
        val id = newTrip("ERRORS")
        CrossingCore(config(Fleet.tempDir()), FixedToken(Fleet.driver)).use { core ->
            runBlocking { core.syncNow() }
            val port = core.record(intent(id, EventKind.ARRIVED_AT_BORDER, "port" to "453")) as RecordOutcome.Refused
            assertEquals("port", port.input)
            assertEquals("Port \"453\" must be 4 digits with leading zeros (e.g. 0453)", port.message)
            val missing = assertFailsWith<CoreException.NotFound> { core.tripScreen("T-NOPE") }
            assertTrue(missing.reason.contains("T-NOPE"))
            val secret = Fleet.trip("aci-trip.json", "T-JVM-SECRET", "1234JVMSECRET")
                .replaceFirst("{", "{\"sharedSecret\": \"x\",")
            val refused = assertFailsWith<CoreException.InvalidTrip> { core.importTripJson(secret) }
            assertTrue(refused.reason.startsWith("sharedSecret: refused"), refused.reason)
            assertNotNull(core.borderScreen(id, "ace-qr").notice, "a code not on the trip says so")
        }
    }

    /** One message of a catalogue, as its file writes it (single-line messages only). */
    private fun catalogue(lang: String, id: String): String {
        val root = File(System.getProperty("crossing.examples")).parentFile
        return File(root, "text/locales/$lang/crossing.ftl").readLines()
            .first { it.startsWith("$id = ") }.removePrefix("$id = ")
    }

    @Test
    fun `Punjabi from the catalogue arrives in Kotlin byte for byte and English comes back`() {
        val id = newTrip("PA")
        CrossingCore(config(Fleet.tempDir()), FixedToken(Fleet.driver)).use { core ->
            assertEquals("pa", core.setPreferredLocales(listOf("pa-Guru-IN", "en-CA")))
            runBlocking { core.syncNow() }
            val expected = catalogue("pa", "status-assigned")
            assertTrue(expected.any { it in '\u0A00'..'\u0A7F' }, "Gurmukhi: $expected")
            val headline = core.tripScreen(id).headline
            assertEquals(expected, headline)
            assertArrayEquals(expected.toByteArray(Charsets.UTF_8), headline.toByteArray(Charsets.UTF_8))
            assertEquals(catalogue("pa", "shell-retry"), shellTexts(listOf("pa_IN")).retry)
            val gone = assertFailsWith<CoreException.NotFound> { core.tripScreen("T-NOPE") }
            assertTrue(gone.reason.startsWith(catalogue("pa", "problem-gone")), gone.reason)
            // Shahmukhi is not offered Gurmukhi; the nearest is English.
            assertEquals("en", core.setPreferredLocales(listOf("pa-Arab-PK")))
            assertEquals("Assigned: acknowledge the manifest", core.tripScreen(id).headline)
            val english = assertFailsWith<CoreException.NotFound> { core.tripScreen("T-NOPE") }
            assertTrue(english.reason.contains("T-NOPE") && !english.reason.contains('('), english.reason)
        }
    }

    @Test
    fun `no token means the driver must sign in and the queue is kept`() {
        val id = newTrip("NOTOKEN")
        val dir = Fleet.tempDir()
        CrossingCore(config(dir), FixedToken(Fleet.driver)).use { core -> runBlocking { core.syncNow() } }
        val tokens = FixedToken("crd_expired")
        CrossingCore(config(dir), tokens).use { core ->
            core.record(intent(id, EventKind.DEPARTED_ORIGIN))
            val outcome = runBlocking { core.syncNow() }
            assertEquals(SyncAdvice.NEEDS_DRIVER, outcome.advice)
            assertEquals(Need.SIGN_IN, outcome.view.needs)
            assertEquals(1u, outcome.view.pending)
            assertEquals(StartStep.SIGN_IN, core.startScreen(true).step)
        }
    }

    @Test
    fun `a Rust panic arrives as an exception and the library keeps working`() {
        val e = assertFailsWith<InternalException> { testPanic("boom") }
        assertNotNull(e.message)
        assertFalse(coreVersion().isEmpty())
        CrossingCore(config(Fleet.tempDir(), null), FixedToken(null)).use { core ->
            assertTrue(core.tripList().rows.isEmpty())
            assertEquals("Sync is off", core.syncView().headline)
            assertFalse(core.syncView().canSyncNow)
            assertNull(core.recoveryNotice())
        }
    }

    @Test
    fun `objects are released on repeat, without leaking files or threads`() {
        val dir = Fleet.tempDir()
        val fds = { File("/proc/self/fd").list()?.size ?: 0 }
        repeat(5) { CrossingCore(config(dir), FixedToken(Fleet.driver)).use { it.tripList() } }
        val before = fds()
        repeat(100) {
            CrossingCore(config(dir), FixedToken(Fleet.driver)).use { core ->
                core.tripList()
                core.syncView()
            }
        }
        System.gc()
        Thread.sleep(200)
        val after = fds()
        assertTrue(after - before < 10, "file descriptors grew from $before to $after")
    }
}
