package io.quarkiverse.alioss.deployment.devservices;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything that shapes the emulator Dev Services starts. Quarkus compares it between dev-mode restarts: while it stays
 * equal the running emulator (and the objects stored in it) is reused, a change restarts it.
 *
 * @param port the port to listen on, 0 for a free one
 * @param buckets the buckets created at start
 * @param region the region V4 signatures are checked against
 * @param dataDir where buckets and objects are kept across restarts (absolute), or null to keep them in memory
 */
record EmulatorSettings(int port, List<String> buckets, String accessKeyId, String accessKeySecret, String region,
        Path dataDir) {

    EmulatorSettings {
        buckets = List.copyOf(buckets);
    }

    /** Never prints the secret, in case a record ends up in a log line. */
    @Override
    public String toString() {
        return "EmulatorSettings[port=" + port + ", buckets=" + buckets + ", accessKeyId=" + accessKeyId + ", region="
                + region + ", dataDir=" + dataDir + "]";
    }
}
