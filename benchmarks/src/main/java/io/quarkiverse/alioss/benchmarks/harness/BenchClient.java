package io.quarkiverse.alioss.benchmarks.harness;

import java.nio.file.Path;

/** What the harness asks of a client under test: the same calls for ours and for the official SDK. */
interface BenchClient extends AutoCloseable {

    /** The high-level multipart upload of a file, in parts of {@code partSize} with {@code parallelism} in flight. */
    void upload(String key, Path file, long partSize, int parallelism) throws Exception;

    /** One PutObject of bytes in memory. */
    void put(String key, byte[] content) throws Exception;

    void delete(String key) throws Exception;

    static BenchClient create(String which, String endpoint, String bucket) {
        return switch (which) {
            case "ours" -> new OursBenchClient(endpoint, bucket);
            case "sdk" -> new SdkBenchClient(endpoint, bucket);
            default -> throw new IllegalArgumentException("client must be ours or sdk, got " + which);
        };
    }
}
