package io.quarkiverse.alioss.emulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Numbered attempts on eight threads at once, for stress tests; the first attempt that throws fails the caller. */
final class ConcurrentAttempts {

    private static final int THREADS = 8;

    interface Attempt {
        void run(int attempt) throws Exception;
    }

    private ConcurrentAttempts() {
    }

    static void run(int attempts, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int number = i;
                runs.add(pool.submit(() -> {
                    attempt.run(number);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
