package app.crossing.core

import java.io.File
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.time.LocalDate

/** The real crossing-fleet server started by bindings/scripts/kotlin-test.sh. */
object Fleet {
    val url: String = System.getProperty("crossing.server") ?: error("-Dcrossing.server is required")
    val manager: String = System.getProperty("crossing.manager") ?: error("-Dcrossing.manager is required")
    val driver: String = System.getProperty("crossing.driver") ?: error("-Dcrossing.driver is required")
    private val examples = File(System.getProperty("crossing.examples") ?: error("-Dcrossing.examples is required"))
    private val http = HttpClient.newHttpClient()

    /** An example trip with a unique id and trip number and tomorrow's ETA. */
    fun trip(example: String, id: String, tripNumber: String): String {
        val tomorrow = LocalDate.now().plusDays(1)
        return File(examples, example).readText()
            .replace(Regex("\"id\": \"[^\"]+\""), "\"id\": \"$id\"")
            .replace(Regex("\"tripNumber\": \"[^\"]+\""), "\"tripNumber\": \"$tripNumber\"")
            .replace(Regex("\"local\": \"[0-9-]+T"), "\"local\": \"${tomorrow}T")
    }

    /** Pushes a trip to the test driver as the manager; returns the HTTP status. */
    fun push(doc: String): Int = send("POST", "/v1/fleet/trips?driver=jvm-driver", doc).statusCode()

    /** Cancels a trip as the manager; returns the HTTP status. */
    fun cancel(tripId: String): Int = send("POST", "/v1/fleet/trips/$tripId/cancel", "").statusCode()

    /** The manager's view of a trip's events (JSON). */
    fun events(tripId: String): String = send("GET", "/v1/fleet/trips/$tripId/events", null).body()

    private fun send(method: String, path: String, body: String?): HttpResponse<String> {
        val b = HttpRequest.newBuilder(URI.create(url + path)).header("authorization", "Bearer $manager")
        val req = if (body == null) b.GET().build() else b.header("content-type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body)).build()
        return http.send(req, HttpResponse.BodyHandlers.ofString())
    }

    /** A fresh data directory. */
    fun tempDir(): String = Files.createTempDirectory("crossing-jvm").toString()
}

/** A token provider with a fixed token (Keystore/Keychain on the phones). */
class FixedToken(private val token: String?) : TokenProvider {
    var refreshes = 0
    override fun token(forceRefresh: Boolean): String? {
        if (forceRefresh) refreshes++
        return token
    }
}
