package app.crossing.shell

import app.crossing.core.ShellTexts
import app.crossing.core.shellTexts

/**
 * The shell's own words (buttons it adds, failures it shows) in the phone's language, from the
 * core's catalogue: no English literal in Kotlin. [use] it at start and on every locale change,
 * with the same list the core gets.
 */
object Words {
    /** The words now. */
    @Volatile
    var texts: ShellTexts = shellTexts(emptyList())
        private set

    /** The phone's language list is [locales] (BCP 47, the user's order). */
    fun use(locales: List<String>) {
        texts = shellTexts(locales)
    }
}

/** The tags of `LocaleList.toLanguageTags()` ("pa-IN,en-CA"), in order. */
fun languageTags(tags: String): List<String> =
    tags.split(',').map { it.trim() }.filter { it.isNotEmpty() }
