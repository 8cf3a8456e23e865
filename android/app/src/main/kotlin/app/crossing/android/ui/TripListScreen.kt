package app.crossing.android.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.LocationOn
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.Icon
import androidx.compose.material3.ListItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.SnackbarHost
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.material3.pulltorefresh.PullToRefreshBox
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import app.crossing.android.Launch
import app.crossing.core.SyncPhase
import app.crossing.core.TripListScreen
import app.crossing.core.TripRow
import app.crossing.shell.ScreenState

/** The trips on the phone with the sync badge; pull to sync through the core's sync service. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun TripListRoute(shell: Launch.Open, onOpen: (String) -> Unit) {
    val model = viewModel { TripListViewModel(shell) }.model
    val state by model.state.collectAsStateWithLifecycle()
    val message by model.message.collectAsStateWithLifecycle()
    val snackbar = remember { SnackbarHostState() }
    MessageEffect(message, snackbar)
    Scaffold(
        topBar = { TopAppBar(title = { Text((state as? ScreenState.Ready<TripListScreen>)?.screen?.title.orEmpty()) }) },
        snackbarHost = { SnackbarHost(snackbar) },
    ) { padding ->
        when (val s = state) {
            ScreenState.Loading -> Busy(Modifier.padding(padding))
            is ScreenState.Failed -> ProblemView(s.problem, model::reload, model::reload, Modifier.padding(padding))
            is ScreenState.Ready -> PullToRefreshBox(
                isRefreshing = s.screen.sync.phase is SyncPhase.Syncing,
                onRefresh = model::refresh,
                modifier = Modifier.padding(padding).fillMaxSize(),
            ) {
                TripList(s.screen, onSync = model::refresh, onOpen = onOpen)
            }
        }
    }
}

@Composable
private fun TripList(screen: TripListScreen, onSync: () -> Unit, onOpen: (String) -> Unit) {
    LazyColumn(Modifier.fillMaxSize()) {
        item("sync") { SyncBadge(screen.sync, onSync, Modifier.padding(16.dp)) }
        val empty = screen.emptyText
        if (screen.rows.isEmpty() && empty != null) {
            item("empty") { Text(empty, Modifier.padding(16.dp)) }
        }
        items(screen.rows, key = { it.id }) { row ->
            Column {
                TripRowItem(row) { onOpen(row.id) }
                HorizontalDivider()
            }
        }
    }
}

@Composable
private fun TripRowItem(row: TripRow, onClick: () -> Unit) {
    ListItem(
        headlineContent = { Text(row.title, fontWeight = if (row.current) FontWeight.Bold else null) },
        supportingContent = {
            Column {
                Text(row.detail)
                ToneLine(row.tone, row.status)
            }
        },
        // The trip to drive now: a marker and bold title (the core says which).
        trailingContent = if (row.current) {
            { Icon(Icons.Filled.LocationOn, contentDescription = Texts.currentTrip) }
        } else {
            null
        },
        modifier = Modifier.clickable(onClick = onClick),
    )
}
