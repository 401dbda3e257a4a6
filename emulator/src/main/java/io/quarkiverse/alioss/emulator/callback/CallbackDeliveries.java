package io.quarkiverse.alioss.emulator.callback;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The callback requests an emulator sent, most recent first, so that a test can see what its application was told.
 * Keeps the last {@value #CAPACITY}: a long test run must not fill the heap with bodies nobody reads. Thread-safe.
 */
public final class CallbackDeliveries {

    static final int CAPACITY = 100;

    private final Deque<CallbackDelivery> recentFirst = new ArrayDeque<>();

    synchronized void record(CallbackDelivery delivery) {
        recentFirst.addFirst(delivery);
        if (recentFirst.size() > CAPACITY) {
            recentFirst.removeLast();
        }
    }

    /** The deliveries kept, most recent first. */
    public synchronized List<CallbackDelivery> recentFirst() {
        return List.copyOf(recentFirst);
    }

    public synchronized void clear() {
        recentFirst.clear();
    }
}
