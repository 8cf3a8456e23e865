package app.crossing.android

import android.app.Application
import android.net.ConnectivityManager
import android.net.Network
import android.net.NetworkCapabilities
import android.net.NetworkRequest
import app.crossing.android.sync.SyncWorker
import app.crossing.core.CoreConfig
import app.crossing.core.CrossingCore
import app.crossing.shell.CrossingRepository
import java.io.File

/**
 * Owns the one CrossingCore for the process (uniffi object lifetimes: an app-scoped
 * singleton), schedules background sync, and tells the core when the network is back.
 */
class CrossingApp : Application() {
    lateinit var core: CrossingCore
        private set
    lateinit var repository: CrossingRepository
        private set
    lateinit var tokens: KeystoreTokenProvider
        private set

    override fun onCreate() {
        super.onCreate()
        tokens = KeystoreTokenProvider(this)
        val dataDir = File(filesDir, "crossing").apply { mkdirs() }
        core = CrossingCore(
            CoreConfig(
                dataDir = dataDir.absolutePath,
                serverUrl = BuildConfigValues.SERVER_URL,
                platform = "android",
                appVersion = packageManager.getPackageInfo(packageName, 0).versionName ?: "0",
            ),
            tokens,
        )
        repository = CrossingRepository(core)
        SyncWorker.schedule(this)
        watchNetwork()
    }

    private fun watchNetwork() {
        val cm = getSystemService(ConnectivityManager::class.java)
        val request = NetworkRequest.Builder()
            .addCapability(NetworkCapabilities.NET_CAPABILITY_INTERNET)
            .addCapability(NetworkCapabilities.NET_CAPABILITY_VALIDATED)
            .build()
        cm.registerNetworkCallback(request, object : ConnectivityManager.NetworkCallback() {
            override fun onAvailable(network: Network) {
                repository.networkAvailable()
            }
        })
    }
}

/** Build-time settings (a real build would use BuildConfig fields per flavour). */
object BuildConfigValues {
    const val SERVER_URL = "https://fleet.crossing.app"
}
