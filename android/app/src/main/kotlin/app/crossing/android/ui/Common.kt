package app.crossing.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.layout.width
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.material.icons.filled.CheckCircle
import androidx.compose.material.icons.filled.Info
import androidx.compose.material.icons.filled.Notifications
import androidx.compose.material.icons.filled.Refresh
import androidx.compose.material.icons.filled.Warning
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.LocalTextStyle
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.unit.dp
import app.crossing.core.Notice
import app.crossing.core.ShellTexts
import app.crossing.core.SyncView
import app.crossing.core.Tone
import app.crossing.shell.Problem
import app.crossing.shell.Said
import app.crossing.shell.Words

/** A tone as a shape and a colour, always next to the core's words: never colour alone. */
@Composable
fun ToneIcon(tone: Tone, modifier: Modifier = Modifier) {
    val (icon, tint, words) = when (tone) {
        Tone.NEUTRAL -> Triple(Icons.Filled.Info, MaterialTheme.colorScheme.onSurfaceVariant, Texts.toneNeutral)
        Tone.GOOD -> Triple(Icons.Filled.CheckCircle, Color(0xFF1B6E20), Texts.toneGood)
        Tone.ATTENTION -> Triple(Icons.Filled.Notifications, Color(0xFF8A5300), Texts.toneAttention)
        Tone.PROBLEM -> Triple(Icons.Filled.Warning, MaterialTheme.colorScheme.error, Texts.toneProblem)
    }
    Icon(icon, contentDescription = words, modifier = modifier, tint = tint)
}

/** The shell's own words, from the core in the phone's language (no English literal in Kotlin). */
val Texts: ShellTexts get() = Words.texts

/** The core's sentence with its tone. */
@Composable
fun ToneLine(tone: Tone, text: String, style: TextStyle = LocalTextStyle.current) {
    Row(verticalAlignment = Alignment.CenterVertically) {
        ToneIcon(tone, Modifier.size(20.dp))
        Spacer(Modifier.width(8.dp))
        Text(text, style = style)
    }
}

/** The sync badge: the core's two lines, and its sync button when it offers one. */
@Composable
fun SyncBadge(sync: SyncView, onSync: () -> Unit, modifier: Modifier = Modifier) {
    Card(modifier.fillMaxWidth()) {
        Row(Modifier.padding(12.dp), verticalAlignment = Alignment.CenterVertically) {
            ToneIcon(sync.tone)
            Column(Modifier.weight(1f).padding(horizontal = 12.dp)) {
                Text(sync.headline, style = MaterialTheme.typography.titleSmall)
                if (sync.detail.isNotEmpty()) Text(sync.detail, style = MaterialTheme.typography.bodySmall)
            }
            if (sync.canSyncNow) {
                IconButton(onClick = onSync) {
                    Icon(Icons.Filled.Refresh, contentDescription = Texts.syncNow)
                }
            }
        }
    }
}

/** Loading. */
@Composable
fun Busy(modifier: Modifier = Modifier) {
    Box(modifier.fillMaxSize(), contentAlignment = Alignment.Center) { CircularProgressIndicator() }
}

/** Why a screen has nothing to draw, in the core's words; a gone trip goes back to the list. */
@Composable
fun ProblemView(problem: Problem, onRetry: () -> Unit, onGone: () -> Unit, modifier: Modifier = Modifier) {
    Column(
        modifier.fillMaxSize().padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(16.dp, Alignment.CenterVertically),
    ) {
        ToneLine(Tone.PROBLEM, problem.message, MaterialTheme.typography.bodyLarge)
        if (problem is Problem.Gone) {
            Button(onClick = onGone) { Text(Texts.back) }
        } else {
            OutlinedButton(onClick = onRetry) { Text(Texts.retry) }
        }
    }
}

/** A full-screen notice (the core cannot open); no dismiss label: the app cannot go on. */
@Composable
fun NoticeView(notice: Notice, onDismiss: () -> Unit) {
    Column(
        Modifier.fillMaxSize().padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp, Alignment.CenterVertically),
    ) {
        ToneLine(notice.tone, notice.title, MaterialTheme.typography.headlineSmall)
        notice.lines.forEach { Text(it) }
        notice.dismissLabel?.let { label -> Button(onClick = onDismiss) { Text(label) } }
    }
}

/** The recovery notice, once, as a dialog closed with the core's label. */
@Composable
fun NoticeDialog(notice: Notice, onDismiss: () -> Unit) {
    val label = notice.dismissLabel
    AlertDialog(
        onDismissRequest = { if (label != null) onDismiss() },
        confirmButton = { if (label != null) TextButton(onClick = onDismiss) { Text(label) } },
        icon = { ToneIcon(notice.tone) },
        title = { Text(notice.title) },
        text = { Column(verticalArrangement = Arrangement.spacedBy(8.dp)) { notice.lines.forEach { Text(it) } } },
    )
}

/** Shows a model's latest sentence once (not again after a rotation; a repeated sentence again). */
@Composable
fun MessageEffect(message: Said?, host: SnackbarHostState) {
    var shown by rememberSaveable { mutableStateOf(0L) }
    LaunchedEffect(message?.id) {
        if (message != null && message.id != shown) {
            shown = message.id
            host.showSnackbar(message.text)
        }
    }
}

@Composable
fun BackButton(onBack: () -> Unit) {
    IconButton(onClick = onBack) {
        Icon(Icons.AutoMirrored.Filled.ArrowBack, contentDescription = Texts.back)
    }
}
