package app.crossing.android

import android.content.Context
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import android.util.Base64
import app.crossing.shell.TokenStore
import java.security.KeyStore
import javax.crypto.AEADBadTagException
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * The driver's token, encrypted with an AES-256-GCM key that never leaves AndroidKeyStore;
 * the ciphertext and its IV sit in private SharedPreferences (excluded from backups and
 * device transfers, see res/xml). Rust never stores the token: it asks for every sync.
 *
 * [read] throws when the Keystore fails, so the core retries later instead of signing the
 * driver out. Called off the main thread only (StartModel's loader, the core's sync thread).
 */
class KeystoreTokens(context: Context) : TokenStore {
    private val prefs = context.getSharedPreferences(FILE, Context.MODE_PRIVATE)

    @Synchronized
    override fun read(): String? {
        val iv = prefs.getString(IV, null) ?: return null
        val data = prefs.getString(DATA, null) ?: return null
        // No key: nothing can decrypt this any more, the driver signs in again.
        val key = existingKey() ?: return null
        return try {
            val cipher = Cipher.getInstance(TRANSFORMATION)
            cipher.init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(TAG_BITS, decode(iv)))
            String(cipher.doFinal(decode(data)), Charsets.UTF_8)
        } catch (e: AEADBadTagException) {
            null // not written with this key: as good as signed out
        } catch (e: IllegalArgumentException) {
            null // not base64: a damaged file, as good as signed out
        }
    }

    @Synchronized
    override fun save(token: String) {
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.ENCRYPT_MODE, existingKey() ?: newKey())
        val data = cipher.doFinal(token.toByteArray(Charsets.UTF_8))
        val written = prefs.edit()
            .putString(IV, encode(cipher.iv))
            .putString(DATA, encode(data))
            .commit()
        check(written) { "token not written" }
    }

    private fun existingKey(): SecretKey? =
        KeyStore.getInstance(KEYSTORE).apply { load(null) }.getKey(ALIAS, null) as? SecretKey

    private fun newKey(): SecretKey {
        val spec = KeyGenParameterSpec.Builder(ALIAS, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setKeySize(256)
            .build()
        return KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, KEYSTORE)
            .apply { init(spec) }
            .generateKey()
    }

    private fun encode(bytes: ByteArray): String = Base64.encodeToString(bytes, Base64.NO_WRAP)

    private fun decode(text: String): ByteArray = Base64.decode(text, Base64.NO_WRAP)

    private companion object {
        /** shared_prefs/crossing_token.xml: named in backup_rules and data_extraction_rules. */
        const val FILE = "crossing_token"
        const val IV = "token_iv"
        const val DATA = "token_gcm"
        const val KEYSTORE = "AndroidKeyStore"
        const val ALIAS = "crossing_token_key"
        const val TRANSFORMATION = "AES/GCM/NoPadding"
        const val TAG_BITS = 128
    }
}
