package app.crossing.android.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.crossing.core.TripRow
import app.crossing.shell.CrossingRepository

/** The trips on the phone, with the sync badge. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun TripsScreen(repository: CrossingRepository, onOpen: (String) -> Unit) {
    var trips by remember { mutableStateOf<List<TripRow>>(emptyList()) }
    LaunchedEffect(Unit) { trips = repository.trips() }
    Scaffold(topBar = { TopAppBar(title = { Text("Trips") }, actions = { SyncBadge(repository) }) }) { padding ->
        LazyColumn(Modifier.padding(padding)) {
            items(trips, key = { it.id }) { trip ->
                Column(
                    Modifier
                        .clickable { onOpen(trip.id) }
                        .padding(16.dp),
                ) {
                    Text("${trip.regime} ${trip.tripNumber}")
                    Text("Port ${trip.portOfEntry} · ETA ${trip.eta} (${trip.etaZone}) · ${trip.state.name.lowercase()}")
                }
            }
        }
    }
}
