package app.crossing.core

import com.google.zxing.BinaryBitmap
import com.google.zxing.RGBLuminanceSource
import com.google.zxing.common.HybridBinarizer
import com.google.zxing.qrcode.QRCodeReader
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import kotlin.test.assertFailsWith
import java.io.File
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit

/** The generated Kotlin bindings against the real library and a real fleet server. */
class CrossingCoreTest {
    private fun config(dir: String, server: String? = Fleet.url) =
        CoreConfig(dataDir = dir, serverUrl = server, platform = "jvm-test", appVersion = coreVersion())

    /** Pushes a trip as fleet JVM's manager; returns its id as the phone knows it (trip ids are
     *  per fleet: the phone gets `<fleet>:<id>`). */
    private fun newTrip(tag: String): String {
        val id = "T-JVM-$tag"
        assertEquals(201, Fleet.push(Fleet.trip("aci-trip.json", id, "1234JVM$tag")))
        return "JVM:$id"
    }

    @Test
    fun `a pushed trip syncs and its manifest is ready to render`() {
        val id = newTrip("SYNC1")
        CrossingCore(config(Fleet.tempDir()), FixedToken(Fleet.driver)).use { core ->
            val report = runBlocking { core.sync() }
            assertTrue(report.tripsUpdated >= 1u)
            assertTrue(core.trips().any { it.id == id && it.state == TripState.ACTIVE })
            val m = core.manifest(id)
            assertEquals("ACI trip 1234JVMSYNC1 → 0453", m.title)
            assertEquals(listOf("Trip", "Conveyance", "Trailer 1 of 1", "Driver"), m.sections.take(4).map { it.title })
            assertTrue(m.status.needsAcknowledgement)
            assertEquals(EventKind.TRIP_ACKNOWLEDGED, m.actions.first { it.recommended }.kind)
        }
    }

    @Test
    fun `every border code comes as a matrix and the QR decodes with ZXing`() {
        val id = newTrip("CODES")
        CrossingCore(config(Fleet.tempDir()), FixedToken(Fleet.driver)).use { core ->
            runBlocking { core.sync() }
            val m = core.manifest(id)
            assertEquals(listOf(BorderCodeKind.QR, BorderCodeKind.CRN128, BorderCodeKind.CCN128), m.codes.map { it.kind }.distinct())
            for (choice in m.codes) {
                val code = core.borderCode(id, choice.kind, choice.shipment)
                assertEquals((code.width * code.height).toInt(), code.modules.size)
                assertEquals(1L, code.tripVersion.toLong())
            }
            val qr = core.borderCode(id, BorderCodeKind.QR, null)
            assertEquals(4u, qr.quietZone)
            assertEquals("1234JVMCODES", decodeQr(qr))
        }
    }

    private fun decodeQr(code: BorderCode, scale: Int = 6): String {
        val w = code.width.toInt()
        val px = IntArray(w * scale * w * scale) { i ->
            val x = (i % (w * scale)) / scale
            val y = (i / (w * scale)) / scale
            if (code.modules[y * w + x].toInt() == 1) 0xFF000000.toInt() else 0xFFFFFFFF.toInt()
        }
        val bitmap = BinaryBitmap(HybridBinarizer(RGBLuminanceSource(w * scale, w * scale, px)))
        return QRCodeReader().decode(bitmap).text
    }

    @Test
    fun `events recorded with no server are kept and delivered exactly once later`() {
        val id = newTrip("OFFLINE")
        val dir = Fleet.tempDir()
        CrossingCore(config(dir), FixedToken(Fleet.driver)).use { core -> runBlocking { core.sync() } }
        // Same phone, no reachable server (nothing listens on port 9 of loopback).
        CrossingCore(config(dir, "http://127.0.0.1:9"), FixedToken(Fleet.driver)).use { core ->
            for (kind in listOf(EventKind.TRIP_ACKNOWLEDGED, EventKind.DEPARTED_ORIGIN, EventKind.ARRIVED_AT_BORDER)) {
                val e = core.recordEvent(EventInput(id, kind, null, null, null, null, null))
                assertEquals(DeliveryState.PENDING, e.state)
            }
            val err = assertFailsWith<CoreException.Network> { runBlocking { core.sync() } }
            assertTrue(err.reason.contains("no connection"), err.reason)
            assertEquals(3u, core.syncStatus().pending)
            assertTrue(core.manifest(id).status.headline.endsWith("· not yet sent"))
        }
        CrossingCore(config(dir), FixedToken(Fleet.driver)).use { core ->
            val report = runBlocking { core.sync() }
            assertEquals(3u, report.uploaded)
            assertEquals(0u, core.syncStatus().pending)
        }
        val server = Fleet.events(id.substringAfter(':'))
        assertEquals(3, Regex("\"event_id\"").findAll(server).count(), server)
    }

    @Test
    fun `sync state changes reach an observer until its handle is cancelled`() {
        newTrip("OBSERVE")
        CrossingCore(config(Fleet.tempDir()), FixedToken(Fleet.driver)).use { core ->
            val seen = CopyOnWriteArrayList<SyncPhase>()
            val handle = core.observeSync(object : SyncObserver {
                override fun onSyncStatus(status: SyncStatus) {
                    seen.add(status.phase)
                }
            })
            core.requestSync()
            val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10)
            // Syncing and Idle may coalesce (the observer sees the latest state), so wait for
            // any update after the first that ends in Idle with a successful sync recorded.
            while (System.nanoTime() < deadline &&
                !(seen.size >= 2 && seen.last() is SyncPhase.Idle && core.syncStatus().lastSuccess != null)
            ) {
                Thread.sleep(20)
            }
            assertTrue(seen.first() is SyncPhase.Idle, "the current state comes first: $seen")
            assertTrue(seen.size >= 2, "$seen")
            assertTrue(seen.last() is SyncPhase.Idle, "$seen")
            assertNotNull(core.syncStatus().lastSuccess)
            handle.cancel()
            Thread.sleep(50)
            assertTrue(handle.isFinished())
            val count = seen.size
            core.requestSync()
            Thread.sleep(300)
            assertEquals(count, seen.size, "no calls after cancel")
            handle.close()
        }
    }

    @Test
    fun `bad input gets typed errors that name the field`() {
        val id = newTrip("ERRORS")
        CrossingCore(config(Fleet.tempDir()), FixedToken(Fleet.driver)).use { core ->
            runBlocking { core.sync() }
            val port = assertFailsWith<CoreException.InvalidInput> {
                core.recordEvent(EventInput(id, EventKind.ARRIVED_AT_BORDER, "453", null, null, null, null))
            }
            assertEquals("port: \"453\" must be 4 digits with leading zeros (e.g. 0453)", port.reason)
            val missing = assertFailsWith<CoreException.NotFound> { core.manifest("T-NOPE") }
            assertTrue(missing.reason.contains("T-NOPE"))
            val secret = Fleet.trip("aci-trip.json", "T-JVM-SECRET", "1234JVMSECRET")
                .replaceFirst("{", "{\"sharedSecret\": \"x\",")
            val refused = assertFailsWith<CoreException.InvalidTrip> { core.importTripJson(secret) }
            assertTrue(refused.reason.startsWith("sharedSecret: refused"), refused.reason)
            assertFailsWith<CoreException.InvalidInput> { core.borderCode(id, BorderCodeKind.ACE_QR, null) }
        }
    }

    @Test
    fun `no token means sign-in required and the queue is kept`() {
        val id = newTrip("NOTOKEN")
        val dir = Fleet.tempDir()
        CrossingCore(config(dir), FixedToken(Fleet.driver)).use { core -> runBlocking { core.sync() } }
        val tokens = FixedToken("crd_expired")
        CrossingCore(config(dir), tokens).use { core ->
            core.recordEvent(EventInput(id, EventKind.DEPARTED_ORIGIN, null, null, null, null, null))
            assertFailsWith<CoreException.SignInRequired> { runBlocking { core.sync() } }
            // One refresh per sync attempt (this one, and the one recording the event asked
            // for), then it stops: no retry loop after "sign-in required".
            // Wait for the background run the recording asked for (slow on a loaded machine),
            // unless the two attempts coalesced into one.
            val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5)
            while (tokens.refreshes < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20)
            }
            val refreshes = tokens.refreshes
            assertTrue(refreshes in 1..2, "refreshes: $refreshes")
            Thread.sleep(500)
            assertEquals(refreshes, tokens.refreshes, "no further attempts without a trigger")
            assertEquals(1u, core.syncStatus().pending)
            assertTrue(core.syncStatus().phase is SyncPhase.SignInRequired)
        }
    }

    @Test
    fun `a Rust panic arrives as an exception and the library keeps working`() {
        val e = assertFailsWith<InternalException> { testPanic("boom") }
        assertNotNull(e.message)
        assertFalse(coreVersion().isEmpty())
        CrossingCore(config(Fleet.tempDir(), null), FixedToken(null)).use { core ->
            assertTrue(core.trips().isEmpty())
            assertFailsWith<CoreException.NotConfigured> { core.requestSync() }
        }
    }

    @Test
    fun `objects are released on repeat, without leaking files or threads`() {
        val dir = Fleet.tempDir()
        val fds = { File("/proc/self/fd").list()?.size ?: 0 }
        repeat(5) { CrossingCore(config(dir), FixedToken(Fleet.driver)).use { it.trips() } }
        val before = fds()
        repeat(100) {
            CrossingCore(config(dir), FixedToken(Fleet.driver)).use { core ->
                core.trips()
                core.syncStatus()
            }
        }
        System.gc()
        Thread.sleep(200)
        val after = fds()
        assertTrue(after - before < 10, "file descriptors grew from $before to $after")
    }
}
