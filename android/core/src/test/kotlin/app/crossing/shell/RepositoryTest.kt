package app.crossing.shell

import app.crossing.core.BorderCodeKind
import app.crossing.core.CoreConfig
import app.crossing.core.CrossingCore
import app.crossing.core.EventInput
import app.crossing.core.EventKind
import app.crossing.core.SyncPhase
import app.crossing.core.TokenProvider
import app.crossing.core.coreVersion
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.nio.file.Files

/** The shell's JVM layer (repository, border screen model, raster) over the real library. */
class RepositoryTest {
    private val examples = File(System.getProperty("crossing.examples") ?: error("-Dcrossing.examples"))

    private fun core(server: String? = null): CrossingCore = CrossingCore(
        CoreConfig(Files.createTempDirectory("crossing-shell").toString(), server, "jvm-test", coreVersion()),
        object : TokenProvider {
            override fun token(forceRefresh: Boolean): String? = System.getProperty("crossing.driver")
        },
    )

    private fun aceTrip(core: CrossingCore): String =
        core.importTripJson(File(examples, "ace-trip.json").readText())

    @Test
    fun `repository records events and maps errors to sentences`() = runBlocking {
        core().use { c ->
            val repo = CrossingRepository(c)
            val id = aceTrip(c)
            assertEquals(id, repo.currentTripId())
            val ok = repo.record(EventInput(id, EventKind.DEPARTED_ORIGIN, null, null, null, null, null))
            assertTrue(ok is Outcome.Ok)
            val bad = repo.record(EventInput(id, EventKind.DELIVERED, null, null, null, null, null))
            assertEquals(Outcome.Failed("shipment: is required for delivered events"), bad)
            assertEquals("Departed origin · not yet sent", repo.manifest(id).status.headline)
        }
    }

    @Test
    fun `border screen steps through the codes the core lists, starting with the QR`() = runBlocking {
        core().use { c ->
            val id = aceTrip(c)
            val model = BorderScreenModel(CrossingRepository(c))
            val first = model.open(id) ?: error("codes")
            assertEquals(BorderCodeKind.QR, first.code.kind)
            assertEquals("NRTH2026112700017", first.caption)
            assertEquals("trip version 2", first.versionStamp)
            var s = first
            val kinds = mutableListOf(s.code.kind)
            repeat(first.choices.size) {
                s = model.next(s)
                kinds.add(s.code.kind)
            }
            assertEquals(BorderCodeKind.QR, kinds.last(), "wraps around")
            assertTrue(BorderCodeKind.ACE_QR in kinds && BorderCodeKind.ACE39 in kinds)
        }
    }

    @Test
    fun `raster draws whole modules, black on white, bars full height`() = runBlocking {
        core().use { c ->
            val id = aceTrip(c)
            val repo = CrossingRepository(c)
            val qr = repo.code(id, repo.manifest(id).codes.first())
            val px = CodeRaster.pixels(qr, 3)
            val w = qr.width.toInt() * 3
            assertEquals(w * w, px.size)
            assertEquals(CodeRaster.WHITE, px[0], "quiet zone")
            val q = qr.quietZone.toInt() * 3
            assertEquals(CodeRaster.BLACK, px[q * w + q], "finder pattern corner")
            assertTrue(px.all { it == CodeRaster.BLACK || it == CodeRaster.WHITE })
            assertEquals(4, CodeRaster.scaleFor(qr, qr.width.toInt() * 4 + 3))
            val bars = c.borderCode(id, BorderCodeKind.ACE39, null)
            val bpx = CodeRaster.pixels(bars, 1)
            val bw = bars.width.toInt()
            assertEquals(bw * CodeRaster.LINEAR_BAR_MODULES, bpx.size)
            for (x in 0 until bw) assertEquals(bpx[x], bpx[(CodeRaster.LINEAR_BAR_MODULES - 1) * bw + x])
        }
    }

    @Test
    fun `sync status flows from the core, current value first`() = runBlocking {
        core(System.getProperty("crossing.server")).use { c ->
            val repo = CrossingRepository(c)
            assertTrue(repo.syncStatus().first().phase is SyncPhase.Idle)
            val states = java.util.concurrent.CopyOnWriteArrayList<app.crossing.core.SyncStatus>()
            val job = launch(Dispatchers.Default) { repo.syncStatus().collect { states.add(it) } }
            withTimeout(10_000) {
                while (states.isEmpty()) delay(10)
                c.requestSync()
                while (!(states.size >= 2 && states.last().phase is SyncPhase.Idle && states.last().lastSuccess != null)) {
                    delay(20)
                }
            }
            job.cancel()
            assertTrue(states.first().phase is SyncPhase.Idle, "$states")
            assertEquals(0u, states.last().pending)
        }
    }
}
