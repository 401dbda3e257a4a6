package io.quarkiverse.alioss.emulator.server;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids shaped like OSS's: 24 uppercase hex characters. */
final class RequestIds {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestIds() {
    }

    static String next() {
        return hex(24);
    }

    /** Random uppercase hex of the given length (upload ids use 32). */
    static String hex(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = HEX[random.nextInt(16)];
        }
        return new String(out);
    }
}
