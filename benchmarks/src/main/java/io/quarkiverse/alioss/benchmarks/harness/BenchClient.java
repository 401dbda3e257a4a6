package io.quarkiverse.alioss.benchmarks.harness;

import java.nio.file.Path;

/** What the harness asks of a client under test: the same calls for ours and for the official SDK. */
interface BenchClient extends AutoCloseable {

    /** The high-level multipart upload of a file, in parts of {@code partSize} with {@code parallelism} in flight. */
    void upload(String key, Path file, long partSize, int parallelism) throws Exception;

    /** One PutObject of bytes in memory. */
    void put(String key, byte[] content) throws Exception;

    void delete(String key) throws Exception;

    /** Times {@code count} PutObject requests one after the other; by default each a blocking {@link #put}. */
    default long[] timedPuts(String key, byte[] content, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            put(key, content);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    static BenchClient create(String which, String endpoint, String bucket) {
        return switch (which) {
            case "ours" -> new OursBenchClient(endpoint, bucket, false);
            case "ours-event-loop" -> new OursBenchClient(endpoint, bucket, true);
            case "sdk" -> new SdkBenchClient(endpoint, bucket, false);
            case "sdk-loop" -> new SdkBenchClient(endpoint, bucket, true);
            default ->
                throw new IllegalArgumentException("client must be ours, ours-event-loop, sdk or sdk-loop, got " + which);
        };
    }
}
