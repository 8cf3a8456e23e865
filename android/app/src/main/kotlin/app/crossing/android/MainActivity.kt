package app.crossing.android

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.compose.material3.MaterialTheme
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.rememberNavController
import app.crossing.android.ui.BorderScreen
import app.crossing.android.ui.ManifestScreen
import app.crossing.android.ui.TripsScreen

/** Three screens: trips, manifest, at the border. */
class MainActivity : ComponentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val repository = (application as CrossingApp).repository
        setContent {
            MaterialTheme {
                val nav = rememberNavController()
                NavHost(navController = nav, startDestination = "trips") {
                    composable("trips") {
                        TripsScreen(repository, onOpen = { id -> nav.navigate("manifest/$id") })
                    }
                    composable("manifest/{id}") { entry ->
                        val id = entry.arguments?.getString("id") ?: return@composable
                        ManifestScreen(repository, id, onBorder = { nav.navigate("border/$id") })
                    }
                    composable("border/{id}") { entry ->
                        val id = entry.arguments?.getString("id") ?: return@composable
                        BorderScreen(repository, id)
                    }
                }
            }
        }
    }
}
