package app.crossing.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.crossing.core.StartScreen

/**
 * Sign-in (the core's token input and button) or the first sync (its message and the sync
 * badge). [tokenError]: why the typed token was not kept. The typed token stays in memory
 * only (not in the saved instance state).
 */
@Composable
fun StartView(screen: StartScreen, tokenError: String?, onSubmit: (String) -> Unit, onSync: () -> Unit) {
    var values by remember(screen.step) { mutableStateOf(initialValues(listOfNotNull(screen.input))) }
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(16.dp),
    ) {
        Text(screen.title, style = MaterialTheme.typography.headlineMedium)
        if (screen.message.isNotEmpty()) Text(screen.message)
        val input = screen.input
        if (input != null) {
            InputField(
                input = input,
                value = values[input.inputId].orEmpty(),
                onChange = { text -> values = HashMap(values).apply { put(input.inputId, text) } },
                error = tokenError,
            )
        }
        val submit = screen.submitLabel
        if (input != null && submit != null) {
            Button(onClick = { onSubmit(values[input.inputId].orEmpty()) }, modifier = Modifier.fillMaxWidth()) {
                Text(submit)
            }
        }
        SyncBadge(screen.sync, onSync)
    }
}
