package app.crossing.bench

import app.crossing.core.CoreConfig
import app.crossing.core.CrossingCore
import app.crossing.core.TokenProvider
import app.crossing.core.coreVersion
import java.io.File
import java.nio.file.Files

/**
 * Times `tripScreen(id)` of the 500-shipment trip through the generated Kotlin bindings (JNA),
 * one call per view, and prints the median, min and max in microseconds.
 * Usage: ManifestBenchKt EXAMPLES_DIR
 */
fun main(args: Array<String>) {
    val examples = File(args[0])
    val core = CrossingCore(
        CoreConfig(Files.createTempDirectory("crossing-bench").toString(), null, "jvm-bench", coreVersion(), "America/Toronto"),
        object : TokenProvider {
            override fun token(forceRefresh: Boolean): String? = null
        },
    )
    val id = core.importTripJson(File(examples, "aci-trip-500.json").readText())
    repeat(200) { core.tripScreen(id) } // JIT warm-up
    val rounds = 5
    val perRound = 100
    val medians = mutableListOf<Long>()
    val all = mutableListOf<Long>()
    repeat(rounds) {
        val times = LongArray(perRound) {
            val t = System.nanoTime()
            val m = core.tripScreen(id)
            check(m.sections.size > 500)
            System.nanoTime() - t
        }
        times.sort()
        medians.add(times[perRound / 2])
        all.addAll(times.toList())
    }
    medians.sort()
    println("manifest_500_jvm_us median=${medians[rounds / 2] / 1000} min=${all.min() / 1000} max=${all.max() / 1000} n=${all.size}")
    core.close()
}
