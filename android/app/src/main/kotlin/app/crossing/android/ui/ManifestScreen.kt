package app.crossing.android.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.crossing.core.EventInput
import app.crossing.core.InspectionLevel
import app.crossing.core.Manifest
import app.crossing.core.StatusAction
import app.crossing.shell.CrossingRepository
import app.crossing.shell.Outcome
import kotlinx.coroutines.launch

/** Conveyance, crew, trailers, shipments (sections from the core), banner, status buttons. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun ManifestScreen(repository: CrossingRepository, tripId: String, onBorder: () -> Unit) {
    var manifest by remember { mutableStateOf<Manifest?>(null) }
    var message by remember { mutableStateOf<String?>(null) }
    val scope = rememberCoroutineScope()
    LaunchedEffect(tripId) { manifest = repository.manifest(tripId) }
    val m = manifest ?: return
    fun record(action: StatusAction) = scope.launch {
        val input = EventInput(
            tripId = tripId,
            kind = action.kind,
            port = null,
            shipment = action.shipments.firstOrNull().takeIf { action.needsShipment },
            inspection = InspectionLevel.PRIMARY.takeIf { action.needsInspection },
            corrects = null,
            note = null,
        )
        message = when (val r = repository.record(input)) {
            is Outcome.Ok -> null
            is Outcome.Failed -> r.message
        }
        manifest = repository.manifest(tripId)
    }
    Scaffold(topBar = { TopAppBar(title = { Text(m.title) }, actions = { SyncBadge(repository) }) }) { padding ->
        LazyColumn(Modifier.padding(padding).padding(horizontal = 16.dp)) {
            item {
                Text(m.status.headline)
                m.status.customs?.let { Text(it) }
                m.amendment?.let { a ->
                    Card(Modifier.fillMaxWidth().padding(vertical = 8.dp)) {
                        Column(Modifier.padding(12.dp)) {
                            Text("Manifest amended: v${a.fromVersion} → v${a.toVersion}")
                            a.changes.forEach { Text(it) }
                            a.shipmentsAdded.forEach { Text("Shipment added: $it") }
                            a.shipmentsRemoved.forEach { Text("Shipment removed: $it") }
                            if (a.codesChanged) Text("Border codes changed: printed sheets are void")
                        }
                    }
                }
                Button(onClick = onBorder, modifier = Modifier.fillMaxWidth()) { Text("At the border") }
                Row {
                    m.actions.forEach { action ->
                        if (action.recommended) {
                            Button(onClick = { record(action) }) { Text(action.label) }
                        } else {
                            OutlinedButton(onClick = { record(action) }) { Text(action.label) }
                        }
                    }
                }
                message?.let { Text(it) }
                m.warnings.forEach { Text("! $it") }
            }
            items(m.sections) { section ->
                Column(Modifier.padding(vertical = 8.dp)) {
                    Text(section.title)
                    section.fields.forEach { f -> Text("${f.label}: ${f.value}") }
                }
            }
        }
    }
}
