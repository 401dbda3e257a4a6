package io.quarkiverse.alioss.runtime.callback.token;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One segment of {@link MemoryTokenStore}: an open-addressing hash table (linear probing, at most half full) of token
 * fingerprints and their expiry in epoch milliseconds. A slot is three consecutive longs of one array (high, low,
 * expiry), so that a lookup in a large table touches one cache line, not three. An expiry of 0 marks a free slot.
 * Every method holds the table's lock; the store's entry count is shared by all segments.
 */
final class ClaimTable {

    enum Outcome {
        CLAIMED,
        ALREADY_CLAIMED,
        FULL
    }

    private static final int INITIAL_CAPACITY = 64;
    private static final int HIGH = 0;
    private static final int LOW = 1;
    private static final int EXPIRY = 2;
    private static final int SLOT_LONGS = 3;

    private final Clock clock;
    private final AtomicInteger storeSize;
    private final int maxEntries;
    private long[] slots = new long[INITIAL_CAPACITY * SLOT_LONGS];
    private int capacity = INITIAL_CAPACITY;
    private int count;

    ClaimTable(Clock clock, AtomicInteger storeSize, int maxEntries) {
        this.clock = clock;
        this.storeSize = storeSize;
        this.maxEntries = maxEntries;
    }

    /** @param expiryMillis positive */
    synchronized Outcome claim(long high, long low, long expiryMillis) {
        int slot = find(high, low);
        if (slot >= 0) {
            // the claim holds up to and including its expiry; afterwards the token is refused anyway
            if (slots[slot + EXPIRY] >= clock.millis()) {
                return Outcome.ALREADY_CLAIMED;
            }
            slots[slot + EXPIRY] = expiryMillis;
            return Outcome.CLAIMED;
        }
        if (!reserveEntry()) {
            return Outcome.FULL;
        }
        if ((count + 1) * 2 > capacity) {
            forgetExpiredLocked(clock.millis());
            if ((count + 1) * 2 > capacity) {
                rehash(capacity * 2, Long.MIN_VALUE);
            }
            slot = find(high, low);
        }
        put(-slot - 1, high, low, expiryMillis);
        count++;
        return Outcome.CLAIMED;
    }

    synchronized void remove(long high, long low) {
        int slot = find(high, low);
        if (slot >= 0) {
            removeAt(slot);
            count--;
            storeSize.decrementAndGet();
        }
    }

    synchronized void forgetExpired(long nowMillis) {
        forgetExpiredLocked(nowMillis);
    }

    synchronized int count() {
        return count;
    }

    /** The offset of the slot holding the fingerprint, or {@code -(offset of a free slot) - 1} where it would go. */
    private int find(long high, long low) {
        int mask = capacity - 1;
        int index = (int) low & mask;
        while (true) {
            int slot = index * SLOT_LONGS;
            if (slots[slot + EXPIRY] == 0) {
                return -slot - 1;
            }
            if (slots[slot + LOW] == low && slots[slot + HIGH] == high) {
                return slot;
            }
            index = (index + 1) & mask;
        }
    }

    private void put(int slot, long high, long low, long expiryMillis) {
        slots[slot + HIGH] = high;
        slots[slot + LOW] = low;
        slots[slot + EXPIRY] = expiryMillis;
    }

    private boolean reserveEntry() {
        int current;
        do {
            current = storeSize.get();
            if (current >= maxEntries) {
                return false;
            }
        } while (!storeSize.compareAndSet(current, current + 1));
        return true;
    }

    /**
     * Empties a slot and moves later entries of the same probe run back, so that no lookup stops early at the gap
     * (no tombstones needed).
     */
    private void removeAt(int slot) {
        int mask = capacity - 1;
        int gap = slot / SLOT_LONGS;
        int next = gap;
        while (true) {
            next = (next + 1) & mask;
            int from = next * SLOT_LONGS;
            if (slots[from + EXPIRY] == 0) {
                break;
            }
            int home = (int) slots[from + LOW] & mask;
            // the entry at next may fill the gap unless its home lies cyclically in (gap, next]
            boolean homeAfterGap = gap <= next ? home > gap && home <= next : home > gap || home <= next;
            if (!homeAfterGap) {
                System.arraycopy(slots, from, slots, gap * SLOT_LONGS, SLOT_LONGS);
                gap = next;
            }
        }
        slots[gap * SLOT_LONGS + EXPIRY] = 0;
    }

    private void forgetExpiredLocked(long nowMillis) {
        int live = 0;
        for (int slot = EXPIRY; slot < slots.length; slot += SLOT_LONGS) {
            if (slots[slot] != 0 && slots[slot] >= nowMillis) {
                live++;
            }
        }
        int forgotten = count - live;
        if (forgotten > 0) {
            rehash(capacity, nowMillis);
            storeSize.addAndGet(-forgotten);
        }
    }

    /** Copies the entries that expire at or after {@code keepFrom} into a table of the given capacity. */
    private void rehash(int newCapacity, long keepFrom) {
        long[] old = slots;
        slots = new long[newCapacity * SLOT_LONGS];
        capacity = newCapacity;
        count = 0;
        for (int slot = 0; slot < old.length; slot += SLOT_LONGS) {
            long expiry = old[slot + EXPIRY];
            if (expiry != 0 && expiry >= keepFrom) {
                put(-find(old[slot + HIGH], old[slot + LOW]) - 1, old[slot + HIGH], old[slot + LOW], expiry);
                count++;
            }
        }
    }
}
