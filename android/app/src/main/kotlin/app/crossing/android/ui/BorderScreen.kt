package app.crossing.android.ui

import android.graphics.Bitmap
import android.view.WindowManager
import androidx.activity.compose.LocalActivity
import androidx.compose.foundation.Image
import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.BoxWithConstraints
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.key
import androidx.compose.runtime.remember
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.FilterQuality
import androidx.compose.ui.graphics.asImageBitmap
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.sp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import app.crossing.android.Launch
import app.crossing.core.BorderScreen
import app.crossing.core.ModuleMatrix
import app.crossing.shell.CodeRaster
import app.crossing.shell.ScreenState

/** "At the border": the code on white to the edges, bright and kept on while the core says so. */
@Composable
fun BorderRoute(shell: Launch.Open, tripId: String, codeId: String?, onGone: () -> Unit) {
    val model = viewModel { BorderViewModel(shell, tripId, codeId) }.model
    val state by model.state.collectAsStateWithLifecycle()
    when (val s = state) {
        ScreenState.Loading -> Busy()
        is ScreenState.Failed -> ProblemView(s.problem, model::reload, onGone)
        is ScreenState.Ready -> BorderView(s.screen, model::select)
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun BorderView(screen: BorderScreen, onSelect: (String) -> Unit) {
    KeepScreenOn(screen.keepScreenOn)
    Column(
        Modifier.fillMaxSize().background(Color.White).verticalScroll(rememberScrollState()).padding(vertical = 16.dp),
        horizontalAlignment = Alignment.CenterHorizontally,
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text(screen.title, Modifier.padding(horizontal = 16.dp), color = Color.Black, style = MaterialTheme.typography.titleLarge)
        val code = screen.code
        if (code != null) {
            CodeImage(code.matrix, code.humanReadable)
            Text(
                code.humanReadable,
                Modifier.padding(horizontal = 16.dp),
                color = Color.Black,
                fontSize = 36.sp,
                fontFamily = FontFamily.Monospace,
                textAlign = TextAlign.Center,
            )
            code.caveats.forEach {
                Text(it, Modifier.padding(horizontal = 16.dp), color = Color.DarkGray, style = MaterialTheme.typography.bodySmall)
            }
        } else {
            // A cancelled or unassigned trip, or a code that cannot be drawn: the core says why.
            screen.notice?.let { Text(it, Modifier.padding(16.dp), color = Color.Black, style = MaterialTheme.typography.bodyLarge) }
        }
        if (screen.codes.size > 1) {
            FlowRow(Modifier.padding(horizontal = 16.dp), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                screen.codes.forEach { button ->
                    key(button.id) {
                        if (button.id == screen.selected) {
                            Button(onClick = { onSelect(button.id) }) { Text(button.label) }
                        } else {
                            OutlinedButton(onClick = { onSelect(button.id) }) { Text(button.label) }
                        }
                    }
                }
            }
        }
    }
}

/**
 * The matrix as one bitmap at the largest whole number of pixels per module that fits the
 * width, drawn pixel for pixel with no filtering (crisp module edges scan best).
 */
@Composable
private fun CodeImage(matrix: ModuleMatrix, description: String) {
    BoxWithConstraints(Modifier.fillMaxWidth(), contentAlignment = Alignment.Center) {
        val scale = CodeRaster.scaleFor(matrix, constraints.maxWidth)
        val bitmap = remember(matrix, scale) {
            val width = matrix.width.toInt() * scale
            val height = CodeRaster.rows(matrix) * scale
            Bitmap.createBitmap(CodeRaster.pixels(matrix, scale), width, height, Bitmap.Config.ARGB_8888).asImageBitmap()
        }
        val density = LocalDensity.current
        Image(
            bitmap = bitmap,
            contentDescription = description,
            modifier = Modifier.size(with(density) { bitmap.width.toDp() }, with(density) { bitmap.height.toDp() }),
            filterQuality = FilterQuality.None,
        )
    }
}

/** Screen kept on at full brightness while [on]; the window's own setting comes back after. */
@Composable
private fun KeepScreenOn(on: Boolean) {
    val window = LocalActivity.current?.window ?: return
    DisposableEffect(window, on) {
        if (!on) return@DisposableEffect onDispose {}
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
}
