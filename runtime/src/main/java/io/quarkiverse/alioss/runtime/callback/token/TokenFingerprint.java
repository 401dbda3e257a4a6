package io.quarkiverse.alioss.runtime.callback.token;

/**
 * 128 bits that stand for a token id in the in-memory store. Ids are MACs, and a claim is made only after the MAC was
 * checked, so nobody chooses them: two ids share a fingerprint with a probability of about n² / 2^129 for n claims.
 *
 * @param high drawn from the id with one multiplier; its top bits choose the store's segment
 * @param low drawn with another; chooses the slot in the segment
 */
record TokenFingerprint(long high, long low) {

    private static final long HIGH_MULTIPLIER = 0x9E3779B97F4A7C15L;
    private static final long LOW_MULTIPLIER = 0xC2B2AE3D27D4EB4FL;

    static TokenFingerprint of(String id) {
        long high = 0x243F6A8885A308D3L ^ id.length();
        long low = 0x13198A2E03707344L ^ id.length();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            high = Long.rotateLeft((high ^ c) * HIGH_MULTIPLIER, 27);
            low = Long.rotateLeft((low ^ c) * LOW_MULTIPLIER, 31);
        }
        return new TokenFingerprint(mix(high), mix(low));
    }

    /** The finalizer of MurmurHash3: every input bit affects every output bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
