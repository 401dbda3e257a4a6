package io.quarkiverse.alioss.runtime.callback.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class MemoryTokenStoreTest {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final SteppingClock clock = new SteppingClock(START);
    final MemoryTokenStore store = new MemoryTokenStore(100, clock);

    @Test
    void aTokenIsClaimedOnce() {
        Instant expiry = START.plusSeconds(60);

        assertThat(claim(store, "token-a", expiry)).as("first claim").isTrue();
        assertThat(claim(store, "token-a", expiry)).as("second claim of the same token").isFalse();
        assertThat(claim(store, "token-b", expiry)).as("another token").isTrue();
    }

    @Test
    void aReleasedTokenCanBeClaimedAgain() {
        Instant expiry = START.plusSeconds(60);
        claim(store, "token-a", expiry);

        store.release("token-a").await().indefinitely();

        assertThat(claim(store, "token-a", expiry)).isTrue();
        assertThat(claim(store, "token-a", expiry)).isFalse();
    }

    @Test
    void aClaimHoldsUntilTheTokenExpires() {
        Instant expiry = START.plusSeconds(60);
        claim(store, "token-a", expiry);

        clock.set(expiry);
        assertThat(claim(store, "token-a", expiry)).as("claimed at the expiry itself").isFalse();

        // the token is refused by then anyway, so the store may forget the claim
        clock.set(expiry.plusMillis(1));
        assertThat(claim(store, "token-a", expiry.plusSeconds(60))).as("claimed after the expiry").isTrue();
    }

    @Test
    void anExpiredClaimIsTakenOverOnce() {
        claim(store, "token-a", START.plusSeconds(60));
        clock.set(START.plusSeconds(61));

        assertThat(claim(store, "token-a", START.plusSeconds(120))).as("the expired claim is taken over").isTrue();
        assertThat(claim(store, "token-a", START.plusSeconds(120))).as("and holds like any other").isFalse();
    }

    @Test
    void aFullStoreRefusesInsteadOfForgettingAValidClaim() {
        MemoryTokenStore small = new MemoryTokenStore(2, clock);
        claim(small, "token-a", START.plusSeconds(60));
        claim(small, "token-b", START.plusSeconds(60));

        assertThatThrownBy(() -> claim(small, "token-c", START.plusSeconds(60)))
                .isInstanceOf(CallbackTokenStoreUnavailableException.class)
                .hasMessageContaining("quarkus.oss.callback.token.memory.max-entries");

        small.release("token-b").await().indefinitely();
        assertThat(claim(small, "token-a", START.plusSeconds(60))).as("the earlier claim still holds").isFalse();
        assertThat(claim(small, "token-c", START.plusSeconds(60))).as("room again after a release").isTrue();
    }

    /** A replay is a replay: it is refused as used, not as a store that cannot tell. */
    @Test
    void aFullStoreStillRecognisesATokenItHolds() {
        MemoryTokenStore small = new MemoryTokenStore(1, clock);
        claim(small, "token-a", START.plusSeconds(60));

        assertThat(claim(small, "token-a", START.plusSeconds(60))).isFalse();
    }

    @Test
    void aFullStoreMakesRoomByForgettingExpiredClaims() {
        MemoryTokenStore small = new MemoryTokenStore(2, clock);
        claim(small, "token-a", START.plusSeconds(10));
        claim(small, "token-b", START.plusSeconds(60));

        clock.set(START.plusSeconds(11));

        assertThat(claim(small, "token-c", START.plusSeconds(60))).isTrue();
        assertThat(small.size()).isEqualTo(2);
        small.release("token-c").await().indefinitely();
        assertThat(claim(small, "token-b", START.plusSeconds(60))).as("the unexpired claim is kept").isFalse();
    }

    /**
     * Random claims, releases and clock steps against a plain map: many tokens per segment, so that probe runs form and
     * releases in their middle must keep the later entries findable.
     */
    @Test
    void behavesLikeAMapOfClaimsUnderRandomOperations() {
        MemoryTokenStore large = new MemoryTokenStore(1_000_000, clock);
        Map<String, Instant> model = new HashMap<>();
        SplittableRandom random = new SplittableRandom(20261202);
        for (int step = 0; step < 200_000; step++) {
            String id = "token-" + random.nextInt(6000);
            int operation = random.nextInt(10);
            Instant now = clock.instant();
            if (operation < 6) {
                Instant expiry = now.plusSeconds(1 + random.nextInt(120));
                Instant held = model.get(id);
                boolean expected = held == null || held.isBefore(now);
                assertThat(large.claimNow(id, expiry)).as("claim of %s at step %d", id, step).isEqualTo(expected);
                if (expected) {
                    model.put(id, expiry);
                }
            } else if (operation < 9) {
                large.release(id).await().indefinitely();
                model.remove(id);
            } else {
                clock.set(now.plusSeconds(random.nextInt(3)));
            }
        }
        for (Map.Entry<String, Instant> claim : model.entrySet()) {
            boolean stillHeld = !claim.getValue().isBefore(clock.instant());
            assertThat(large.claimNow(claim.getKey(), clock.instant().plusSeconds(60))).as(claim.getKey())
                    .isEqualTo(!stillHeld);
        }
    }

    @Test
    void aMillionClaimsAreEachRefusedOnceMore() {
        MemoryTokenStore large = new MemoryTokenStore(1_000_000, clock);
        Instant expiry = START.plusSeconds(60);
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(large.claimNow("mac-" + i, expiry)).isTrue();
        }
        assertThat(large.size()).isEqualTo(1_000_000);
        for (int i = 0; i < 1_000_000; i += 997) {
            assertThat(large.claimNow("mac-" + i, expiry)).as("mac-" + i).isFalse();
        }
        assertThatThrownBy(() -> large.claimNow("one-more", expiry))
                .isInstanceOf(CallbackTokenStoreUnavailableException.class);
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new MemoryTokenStore(0, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean claim(MemoryTokenStore store, String id, Instant expiry) {
        return store.claim(id, expiry).await().atMost(Duration.ofSeconds(1));
    }

    /** A clock the test moves by hand. */
    static final class SteppingClock extends Clock {

        private volatile Instant now;

        SteppingClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
