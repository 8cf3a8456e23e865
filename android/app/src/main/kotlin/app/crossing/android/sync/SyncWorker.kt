package app.crossing.android.sync

import android.content.Context
import androidx.work.BackoffPolicy
import androidx.work.Constraints
import androidx.work.CoroutineWorker
import androidx.work.ExistingPeriodicWorkPolicy
import androidx.work.NetworkType
import androidx.work.PeriodicWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.WorkerParameters
import app.crossing.android.CrossingApp
import app.crossing.shell.Outcome
import java.util.concurrent.TimeUnit

/**
 * Background sync when there is a network. The core decides retries and backoff; this only
 * gives it a chance to run when the app is in the background.
 */
class SyncWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val repository = (applicationContext as CrossingApp).repository
        return when (repository.syncNow()) {
            is Outcome.Ok -> Result.success()
            // The core keeps every event and has its own backoff; ask WorkManager to come back.
            is Outcome.Failed -> Result.retry()
        }
    }

    companion object {
        private const val NAME = "crossing-sync"

        /** Every 15 minutes (WorkManager's minimum) while connected. */
        fun schedule(context: Context) {
            val request = PeriodicWorkRequestBuilder<SyncWorker>(15, TimeUnit.MINUTES)
                .setConstraints(Constraints.Builder().setRequiredNetworkType(NetworkType.CONNECTED).build())
                .setBackoffCriteria(BackoffPolicy.EXPONENTIAL, 30, TimeUnit.SECONDS)
                .build()
            WorkManager.getInstance(context)
                .enqueueUniquePeriodicWork(NAME, ExistingPeriodicWorkPolicy.KEEP, request)
        }
    }
}
