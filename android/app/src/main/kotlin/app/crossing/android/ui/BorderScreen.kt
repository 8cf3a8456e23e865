package app.crossing.android.ui

import android.app.Activity
import android.view.WindowManager
import androidx.compose.foundation.Canvas
import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.sp
import app.crossing.shell.BorderScreenModel
import app.crossing.shell.CodeRaster
import app.crossing.shell.CrossingRepository
import kotlinx.coroutines.launch

/**
 * Full-screen code at maximum brightness with the screen kept on; the trip number in large
 * text under it; a button to switch between the codes the core offers for the trip's regime.
 */
@Composable
fun BorderScreen(repository: CrossingRepository, tripId: String) {
    val model = remember { BorderScreenModel(repository) }
    var state by remember { mutableStateOf<BorderScreenModel.State?>(null) }
    val scope = rememberCoroutineScope()
    val activity = LocalContext.current as Activity
    DisposableEffect(Unit) {
        val window = activity.window
        val before = window.attributes.screenBrightness
        window.addFlags(WindowManager.LayoutParams.FLAG_KEEP_SCREEN_ON)
        window.attributes = window.attributes.apply {
            screenBrightness = WindowManager.LayoutParams.BRIGHTNESS_OVERRIDE_FULL
        }
        onDispose {
            window.clearFlags(WindowManager.LayoutParams.FLAG_KEEP_SCREEN_ON)
            window.attributes = window.attributes.apply { screenBrightness = before }
        }
    }
    LaunchedEffect(tripId) { state = model.open(tripId) }
    val s = state ?: return
    Column(
        Modifier.fillMaxSize().background(Color.White).padding(16.dp),
        horizontalAlignment = Alignment.CenterHorizontally,
    ) {
        Text(s.code.title, color = Color.Black)
        val rows = CodeRaster.rows(s.code)
        val cols = s.code.width.toInt()
        Canvas(Modifier.fillMaxWidth().aspectRatio(cols.toFloat() / rows)) {
            // Whole device pixels per module: crisp edges, no smoothing.
            val module = kotlin.math.floor(size.width / cols)
            val left = (size.width - module * cols) / 2
            for (y in 0 until rows) for (x in 0 until cols) {
                if (CodeRaster.isDark(s.code, x, y)) {
                    drawRect(Color.Black, Offset(left + x * module, y * module), Size(module, module))
                }
            }
        }
        Text(s.caption, color = Color.Black, fontSize = 40.sp)
        Text(s.versionStamp, color = Color.Black)
        s.code.caveats.forEach { Text(it, color = Color.DarkGray, fontSize = 12.sp) }
        if (s.choices.size > 1) {
            Button(onClick = { scope.launch { state = model.next(s) } }) { Text("Other code") }
        }
    }
}
