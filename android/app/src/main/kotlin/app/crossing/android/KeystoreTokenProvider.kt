package app.crossing.android

import android.content.Context
import android.content.SharedPreferences
import androidx.security.crypto.EncryptedSharedPreferences
import androidx.security.crypto.MasterKey
import app.crossing.core.TokenProvider

/**
 * The driver's token, encrypted with a Keystore-backed key. Rust never stores it; it asks
 * here for every sync. A refresh needs the sign-in flow, so `forceRefresh` returns what is
 * stored (the core then reports "sign-in required" and keeps the queue).
 */
class KeystoreTokenProvider(context: Context) : TokenProvider {
    private val prefs: SharedPreferences = EncryptedSharedPreferences.create(
        context,
        "crossing_token",
        MasterKey.Builder(context).setKeyScheme(MasterKey.KeyScheme.AES256_GCM).build(),
        EncryptedSharedPreferences.PrefKeyEncryptionScheme.AES256_SIV,
        EncryptedSharedPreferences.PrefValueEncryptionScheme.AES256_GCM,
    )

    override fun token(forceRefresh: Boolean): String? = prefs.getString(KEY, null)

    /** Stores the token from the sign-in screen. */
    fun store(token: String) = prefs.edit().putString(KEY, token).apply()

    /** Signs out. */
    fun clear() = prefs.edit().remove(KEY).apply()

    private companion object {
        const val KEY = "driver_token"
    }
}
