package app.crossing.android.ui

import android.content.Context
import android.content.Intent
import android.os.Bundle
import android.os.CancellationSignal
import android.os.ParcelFileDescriptor
import android.print.PageRange
import android.print.PrintAttributes
import android.print.PrintDocumentAdapter
import android.print.PrintDocumentInfo
import android.print.PrintManager
import androidx.core.content.FileProvider
import app.crossing.core.PaperFile
import java.io.File
import java.io.FileOutputStream

/**
 * Hands the core's PDF to the system print dialog (which also saves it as a file or shares it).
 * The sheet is already laid out for Letter and A4; the adapter only copies the bytes.
 */
fun printPaper(context: Context, file: PaperFile) {
    val manager = context.getSystemService(Context.PRINT_SERVICE) as PrintManager
    manager.print(file.title, PdfBytesAdapter(file), null)
}

/** Hands the core's PDF to the share sheet (mail, messages, a print shop's app), from the cache. */
fun sharePaper(context: Context, file: PaperFile) {
    val dir = File(context.cacheDir, "papers").apply { mkdirs() }
    val out = File(dir, file.fileName).apply { writeBytes(file.pdf) }
    val uri = FileProvider.getUriForFile(context, "${context.packageName}.papers", out)
    val send = Intent(Intent.ACTION_SEND)
        .setType(file.mimeType)
        .putExtra(Intent.EXTRA_STREAM, uri)
        .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
    context.startActivity(Intent.createChooser(send, file.title))
}

private class PdfBytesAdapter(private val file: PaperFile) : PrintDocumentAdapter() {
    override fun onLayout(
        oldAttributes: PrintAttributes?,
        newAttributes: PrintAttributes,
        cancellationSignal: CancellationSignal?,
        callback: LayoutResultCallback,
        extras: Bundle?,
    ) {
        if (cancellationSignal?.isCanceled == true) {
            callback.onLayoutCancelled()
            return
        }
        val info = PrintDocumentInfo.Builder(file.fileName)
            .setContentType(PrintDocumentInfo.CONTENT_TYPE_DOCUMENT)
            .build()
        callback.onLayoutFinished(info, oldAttributes != newAttributes)
    }

    override fun onWrite(
        pages: Array<out PageRange>,
        destination: ParcelFileDescriptor,
        cancellationSignal: CancellationSignal?,
        callback: WriteResultCallback,
    ) {
        try {
            FileOutputStream(destination.fileDescriptor).use { it.write(file.pdf) }
            callback.onWriteFinished(arrayOf(PageRange.ALL_PAGES))
        } catch (e: java.io.IOException) {
            callback.onWriteFailed(e.message)
        }
    }
}
