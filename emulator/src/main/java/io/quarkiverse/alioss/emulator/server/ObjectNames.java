package io.quarkiverse.alioss.emulator.server;

import java.nio.charset.StandardCharsets;

/** OSS's rule for object names: 1 to 1023 bytes of UTF-8, not starting with {@code /} or {@code \}. */
final class ObjectNames {

    static final int MAX_BYTES = 1023;

    private ObjectNames() {
    }

    /** Throws 400 InvalidObjectName for a name OSS refuses. */
    static void check(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.startsWith("\\")
                || key.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new OssError(400, "InvalidObjectName", "The specified object is not valid.").with("ObjectName", key);
        }
    }
}
