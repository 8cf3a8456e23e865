package app.crossing.android

import android.app.Application
import android.app.LocaleManager
import android.content.res.Configuration
import android.os.Build
import android.net.ConnectivityManager
import android.net.Network
import android.net.NetworkCapabilities
import android.net.NetworkRequest
import android.util.Log
import app.crossing.android.sync.SyncWorker
import app.crossing.core.CoreConfig
import app.crossing.core.CrossingCore
import app.crossing.core.LogLevel
import app.crossing.core.LogSink
import app.crossing.core.Notice
import app.crossing.core.setLogSink
import app.crossing.shell.CoreSignals
import app.crossing.shell.Startup
import app.crossing.shell.StoredTokens
import app.crossing.shell.TokenStore
import app.crossing.shell.Words
import app.crossing.shell.languageTags
import app.crossing.shell.openCore
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.launch
import java.io.File
import java.util.TimeZone

/** Where the process stands with its one core. */
sealed interface Launch {
    /** Opening (SQLite, migrations, a possible salvage, the Keystore): off the main thread. */
    data object Opening : Launch

    /** Open: the one core, its one observer, and the token store. */
    class Open(val core: CrossingCore, val signals: CoreSignals, val tokens: TokenStore) : Launch

    /** The core cannot open: draw [notice] instead of crashing. */
    class CannotOpen(val notice: Notice) : Launch
}

/**
 * Owns the one CrossingCore for the process (uniffi object lifetimes: an app-scoped
 * singleton), opened from a coroutine so nothing slow runs on the main thread. Schedules
 * background sync and tells the core when the network is back.
 */
class CrossingApp : Application() {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
    private val state = MutableStateFlow<Launch>(Launch.Opening)

    /** What the activity draws: opening, open, or why not. */
    val launch: StateFlow<Launch> = state.asStateFlow()

    /** Waits until opening has ended (the worker's way in). */
    suspend fun opened(): Launch = launch.first { it !is Launch.Opening }

    override fun onCreate() {
        super.onCreate()
        scope.launch { state.value = open() }
    }

    private suspend fun open(): Launch {
        // Before the core opens, so what opening repaired is logged.
        setLogSink(Logcat)
        val tokens = KeystoreTokens(this)
        val dataDir = File(filesDir, "crossing").apply { mkdirs() }
        val config = CoreConfig(
            dataDir = dataDir.absolutePath,
            serverUrl = BuildConfig.SERVER_URL.ifEmpty { null },
            platform = "android",
            appVersion = BuildConfig.VERSION_NAME,
            deviceZone = TimeZone.getDefault().id,
        )
        return when (val startup = openCore(config, StoredTokens(tokens), languages())) {
            is Startup.CannotOpen -> Launch.CannotOpen(startup.notice)
            is Startup.Opened -> {
                val core = startup.core
                val signals = CoreSignals(core)
                SyncWorker.schedule(this)
                watchNetwork(core)
                Launch.Open(core, signals, tokens)
            }
        }
    }

    /**
     * The phone's language list, the user's order: the per-app choice (Android 13+, offered
     * from res/xml/locales_config.xml), else the system's. The core negotiates it.
     */
    private fun languages(): List<String> {
        val perApp = if (Build.VERSION.SDK_INT >= 33) {
            getSystemService(LocaleManager::class.java)?.applicationLocales?.toLanguageTags()
        } else {
            null
        }
        return languageTags(perApp?.ifEmpty { null } ?: resources.configuration.locales.toLanguageTags())
    }

    /** The language changed: the core words everything anew and every screen redraws. */
    override fun onConfigurationChanged(newConfig: Configuration) {
        super.onConfigurationChanged(newConfig)
        val languages = languages()
        Words.use(languages)
        (state.value as? Launch.Open)?.core?.setPreferredLocales(languages)
    }

    /** A validated network is back: the core's loop syncs soon (it coalesces). */
    private fun watchNetwork(core: CrossingCore) {
        val request = NetworkRequest.Builder()
            .addCapability(NetworkCapabilities.NET_CAPABILITY_INTERNET)
            .addCapability(NetworkCapabilities.NET_CAPABILITY_VALIDATED)
            .build()
        getSystemService(ConnectivityManager::class.java)?.registerNetworkCallback(
            request,
            object : ConnectivityManager.NetworkCallback() {
                override fun onAvailable(network: Network) {
                    core.requestSync()
                }
            },
        )
    }
}

/** The core's log lines (already redacted) to Logcat. Never throws. */
private object Logcat : LogSink {
    private const val TAG = "Crossing"

    override fun log(level: LogLevel, area: String, message: String) {
        val line = "$area: $message"
        when (level) {
            LogLevel.INFO -> Log.i(TAG, line)
            LogLevel.WARN -> Log.w(TAG, line)
            LogLevel.ERROR -> Log.e(TAG, line)
        }
    }
}
