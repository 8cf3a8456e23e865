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
import app.crossing.android.Launch
import app.crossing.shell.WorkOutcome
import app.crossing.shell.backgroundSync
import java.util.concurrent.TimeUnit

/**
 * Background sync when there is a network, through the core's one sync service (it joins a
 * run in flight and shares the loop's backoff). The core decides what the outcome means:
 * retry only what a retry can fix; sign-in and update needs end the run.
 */
class SyncWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val shell = (applicationContext as CrossingApp).opened() as? Launch.Open ?: return Result.failure()
        return when (backgroundSync(shell.core)) {
            WorkOutcome.SUCCESS -> Result.success()
            WorkOutcome.RETRY -> Result.retry()
            WorkOutcome.FAILURE -> Result.failure()
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
