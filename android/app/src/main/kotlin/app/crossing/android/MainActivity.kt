package app.crossing.android

import android.net.Uri
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import androidx.navigation.NavType
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.rememberNavController
import androidx.navigation.navArgument
import app.crossing.android.ui.BorderRoute
import app.crossing.android.ui.Busy
import app.crossing.android.ui.NoticeDialog
import app.crossing.android.ui.NoticeView
import app.crossing.android.ui.ProblemView
import app.crossing.android.ui.StartView
import app.crossing.android.ui.StartViewModel
import app.crossing.android.ui.TripListRoute
import app.crossing.android.ui.TripRoute
import app.crossing.core.StartStep
import app.crossing.shell.ScreenState

/**
 * Opening → (can't open | sign-in | first sync | the trips). The core decides the step; this
 * only draws it. The app's screens: trips, a trip, at the border.
 */
class MainActivity : ComponentActivity() {
    private val app: CrossingApp get() = application as CrossingApp

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContent {
            MaterialTheme {
                Surface(Modifier.fillMaxSize()) {
                    val launch by app.launch.collectAsStateWithLifecycle()
                    when (val l = launch) {
                        Launch.Opening -> Busy()
                        is Launch.CannotOpen -> NoticeView(l.notice, onDismiss = { finish() })
                        is Launch.Open -> Gate(l)
                    }
                }
            }
        }
    }

    override fun onStart() {
        super.onStart()
        // Back in the foreground: sync soon (the core coalesces requests).
        (app.launch.value as? Launch.Open)?.core?.requestSync()
    }
}

/** The start step the core decides; the recovery notice over whatever is shown. */
@Composable
private fun Gate(shell: Launch.Open) {
    val start = viewModel { StartViewModel(shell) }
    val state by start.model.state.collectAsStateWithLifecycle()
    val tokenError by start.model.tokenError.collectAsStateWithLifecycle()
    val recovery by start.model.recovery.collectAsStateWithLifecycle()
    when (val s = state) {
        ScreenState.Loading -> Busy()
        is ScreenState.Failed -> ProblemView(s.problem, start.model::reload, start.model::reload)
        is ScreenState.Ready ->
            if (s.screen.step == StartStep.READY) {
                AppNav(shell)
            } else {
                StartView(s.screen, tokenError, start.model::submitToken, start::syncSoon)
            }
    }
    recovery?.let { NoticeDialog(it, start.model::dismissRecovery) }
}

@Composable
private fun AppNav(shell: Launch.Open) {
    val nav = rememberNavController()
    val toList: () -> Unit = { nav.popBackStack("trips", inclusive = false) }
    NavHost(navController = nav, startDestination = "trips") {
        composable("trips") {
            TripListRoute(shell, onOpen = { id -> nav.navigate("trip/${Uri.encode(id)}") })
        }
        composable("trip/{id}") { entry ->
            val id = entry.arguments?.getString("id") ?: return@composable
            TripRoute(
                shell,
                id,
                onBack = toList,
                onCode = { code -> nav.navigate("border/${Uri.encode(id)}?code=${Uri.encode(code)}") },
            )
        }
        composable(
            "border/{id}?code={code}",
            arguments = listOf(navArgument("code") { type = NavType.StringType; nullable = true }),
        ) { entry ->
            val id = entry.arguments?.getString("id") ?: return@composable
            BorderRoute(shell, id, entry.arguments?.getString("code"), onGone = toList)
        }
    }
}
