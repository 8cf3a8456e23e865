package app.crossing.android.ui

import androidx.compose.material3.Badge
import androidx.compose.material3.BadgedBox
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import app.crossing.shell.CrossingRepository

/** Events waiting to be sent, and the sync state in words from the core. */
@Composable
fun SyncBadge(repository: CrossingRepository) {
    val flow = remember { repository.syncStatus() }
    val status by flow.collectAsState(initial = null)
    val s = status ?: return
    BadgedBox(badge = { if (s.pending > 0u) Badge { Text(s.pending.toString()) } }) {
        Text(s.label)
    }
}
