package app.crossing.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.SnackbarHost
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.key
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextDecoration
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import app.crossing.android.Launch
import app.crossing.core.ActionButton
import app.crossing.core.Banner
import app.crossing.core.EventRow
import app.crossing.core.Section
import app.crossing.core.Tone
import app.crossing.core.TripScreen
import app.crossing.shell.ScreenState

/**
 * A trip: status, amendment banner, warnings, the core's status buttons (the recommended one
 * first and filled), border codes, the manifest and the history; the open form as a sheet.
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun TripRoute(shell: Launch.Open, tripId: String, onBack: () -> Unit, onCode: (String) -> Unit) {
    val model = viewModel { TripViewModel(shell, tripId) }.model
    val state by model.state.collectAsStateWithLifecycle()
    val form by model.form.collectAsStateWithLifecycle()
    val message by model.message.collectAsStateWithLifecycle()
    val busy by model.busy.collectAsStateWithLifecycle()
    val paper by model.paper.collectAsStateWithLifecycle()
    val context = LocalContext.current
    var share by remember { mutableStateOf(false) }
    LaunchedEffect(paper) {
        paper?.let {
            if (share) sharePaper(context, it) else printPaper(context, it)
            model.paperHandled()
        }
    }
    val snackbar = remember { SnackbarHostState() }
    MessageEffect(message, snackbar)
    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text((state as? ScreenState.Ready<TripScreen>)?.screen?.title.orEmpty()) },
                navigationIcon = { BackButton(onBack) },
            )
        },
        snackbarHost = { SnackbarHost(snackbar) },
    ) { padding ->
        when (val s = state) {
            ScreenState.Loading -> Busy(Modifier.padding(padding))
            is ScreenState.Failed -> ProblemView(s.problem, model::reload, onBack, Modifier.padding(padding))
            is ScreenState.Ready -> TripBody(s.screen, !busy, model::tap, onCode, { id, toShare ->
                share = toShare
                model.paper(id)
            }, Modifier.padding(padding))
        }
    }
    form?.let { FormSheet(it, onSubmit = model::submit, onClose = model::closeForm) }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun TripBody(
    screen: TripScreen,
    enabled: Boolean,
    onAction: (ActionButton) -> Unit,
    onCode: (String) -> Unit,
    onPaper: (String, Boolean) -> Unit,
    modifier: Modifier,
) {
    LazyColumn(
        modifier.fillMaxSize(),
        contentPadding = PaddingValues(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        item("status") {
            Card(Modifier.fillMaxWidth()) {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    ToneLine(screen.tone, screen.headline, MaterialTheme.typography.titleMedium)
                    screen.customs?.let { Text(it) }
                    Text(screen.eta)
                    screen.notice?.let { Text(it, fontWeight = FontWeight.Bold) }
                }
            }
        }
        screen.banner?.let { banner -> item("amendment") { AmendmentBanner(banner, onAction) } }
        if (screen.warnings.isNotEmpty()) {
            item("warnings") {
                Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    screen.warnings.forEach { ToneLine(Tone.ATTENTION, it) }
                }
            }
        }
        if (screen.actions.isNotEmpty()) {
            item("actions") {
                Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    screen.actions.forEach { action -> key(action.id) { ActionView(action, enabled, onAction) } }
                }
            }
        }
        if (screen.codes.isNotEmpty()) {
            item("codes") {
                // The first code is the one to show at the border.
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    screen.codes.forEachIndexed { i, code ->
                        key(code.id) {
                            if (i == 0) {
                                Button(onClick = { onCode(code.id) }) { Text(code.label) }
                            } else {
                                OutlinedButton(onClick = { onCode(code.id) }) { Text(code.label) }
                            }
                        }
                    }
                }
            }
        }
        if (screen.papers.isNotEmpty()) {
            item("papers") {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    screen.papers.forEach { p ->
                        key(p.id) {
                            OutlinedButton(onClick = { onPaper(p.id, false) }) { Text(p.label) }
                            TextButton(onClick = { onPaper(p.id, true) }) { Text(Texts.share) }
                        }
                    }
                }
            }
        }
        items(screen.sections, key = { "section:" + it.id }) { SectionView(it) }
        if (screen.history.isNotEmpty()) item("history") { HorizontalDivider() }
        items(screen.history, key = { "event:" + it.id }) { EventView(it) }
    }
}

/** Recommended: filled and first (the core orders them); the others outlined. */
@Composable
private fun ActionView(action: ActionButton, enabled: Boolean, onAction: (ActionButton) -> Unit) {
    if (action.recommended) {
        Button(onClick = { onAction(action) }, enabled = enabled, modifier = Modifier.fillMaxWidth()) { Text(action.label) }
    } else {
        OutlinedButton(onClick = { onAction(action) }, enabled = enabled, modifier = Modifier.fillMaxWidth()) { Text(action.label) }
    }
}

@Composable
private fun AmendmentBanner(banner: Banner, onAction: (ActionButton) -> Unit) {
    Card(
        Modifier.fillMaxWidth(),
        colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.tertiaryContainer),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            ToneLine(Tone.ATTENTION, banner.title, MaterialTheme.typography.titleMedium)
            banner.lines.forEach { Text(it) }
            banner.acknowledge?.let { ack ->
                Button(onClick = { onAction(ack) }, modifier = Modifier.fillMaxWidth()) { Text(ack.label) }
            }
        }
    }
}

@Composable
private fun SectionView(section: Section) {
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(section.title, style = MaterialTheme.typography.titleMedium)
        section.fields.forEach { field ->
            key(field.id) {
                Row(Modifier.fillMaxWidth()) {
                    Text(field.label, Modifier.weight(0.4f), style = MaterialTheme.typography.labelLarge)
                    Text(field.value, Modifier.weight(0.6f))
                }
            }
        }
    }
}

@Composable
private fun EventView(row: EventRow) {
    ListItem(
        headlineContent = {
            Text(row.text, textDecoration = if (row.corrected) TextDecoration.LineThrough else null)
        },
        supportingContent = { Text("${row.time} · ${row.stateText}") },
    )
}
