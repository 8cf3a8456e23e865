package app.crossing.shell

import app.crossing.core.ModuleMatrix

/**
 * Turns a code's module matrix into pixels at a whole number of pixels per module (no
 * smoothing: crisp edges scan best). Pure black on pure white, never inverted. Linear codes
 * (height 1) become full-height bars.
 */
object CodeRaster {
    const val BLACK: Int = 0xFF000000.toInt()
    const val WHITE: Int = 0xFFFFFFFF.toInt()

    /** Height of a linear code in modules when drawn. */
    const val LINEAR_BAR_MODULES: Int = 40

    /** Whether module (x, y) is dark. */
    fun isDark(code: ModuleMatrix, x: Int, y: Int): Boolean {
        val w = code.width.toInt()
        val row = if (code.height.toInt() == 1) 0 else y
        return code.modules[row * w + x].toInt() == 1
    }

    /** Rows to draw (bars of linear codes are drawn [LINEAR_BAR_MODULES] tall). */
    fun rows(code: ModuleMatrix): Int =
        if (code.height.toInt() == 1) LINEAR_BAR_MODULES else code.height.toInt()

    /** The largest whole pixels-per-module that fits [availablePx] across. At least 1. */
    fun scaleFor(code: ModuleMatrix, availablePx: Int): Int = maxOf(1, availablePx / code.width.toInt())

    /** ARGB pixels, row-major, [scale] pixels per module. */
    fun pixels(code: ModuleMatrix, scale: Int): IntArray {
        val w = code.width.toInt() * scale
        val h = rows(code) * scale
        val out = IntArray(w * h)
        for (py in 0 until h) {
            for (px in 0 until w) {
                out[py * w + px] = if (isDark(code, px / scale, py / scale)) BLACK else WHITE
            }
        }
        return out
    }
}
