package io.quarkiverse.alioss.it.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The real-OSS run of the live suite: the application's client points at the bucket the environment names, and OSS
 * calls the application back through a public URL that forwards to {@code OSS_LIVE_HTTP_PORT} on this machine (a
 * tunnel or a reverse proxy).
 */
public class RealOss implements QuarkusTestProfile {

    static final String ENDPOINT = "OSS_LIVE_ENDPOINT";
    static final String REGION = "OSS_LIVE_REGION";
    static final String BUCKET = "OSS_LIVE_BUCKET";
    static final String CALLBACK_BASE_URL = "OSS_LIVE_CALLBACK_BASE_URL";
    static final String HTTP_PORT = "OSS_LIVE_HTTP_PORT";
    /** Read by the client's {@code environment} credentials type. */
    static final List<String> REQUIRED = List.of(ENDPOINT, REGION, BUCKET, CALLBACK_BASE_URL,
            "OSS_ACCESS_KEY_ID", "OSS_ACCESS_KEY_SECRET");

    /**
     * Quarkus reads the profile while it discovers tests, also when {@link Environment} then skips the class, so a
     * missing variable just leaves its key out.
     */
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        putIfSet(config, "quarkus.oss.endpoint", ENDPOINT);
        putIfSet(config, "quarkus.oss.region", REGION);
        putIfSet(config, "quarkus.oss.bucket", BUCKET);
        putIfSet(config, "quarkus.oss.callback.base-url", CALLBACK_BASE_URL);
        config.put("quarkus.oss.credentials.type", "environment");
        config.put("quarkus.http.test-port", System.getenv().getOrDefault(HTTP_PORT, "8081"));
        return config;
    }

    private static void putIfSet(Map<String, String> config, String key, String variable) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            config.put(key, value);
        }
    }

    /** Runs the class only when every variable is set; otherwise skips it, saying once which ones are missing. */
    public static class Environment implements ExecutionCondition {

        private static final AtomicBoolean TOLD = new AtomicBoolean();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            List<String> missing = REQUIRED.stream().filter(name -> isBlank(System.getenv(name))).toList();
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled("real OSS environment given");
            }
            String reason = "Live suite against real OSS skipped: " + String.join(", ", missing) + " not set (the"
                    + " same assertions ran against the emulator in LiveSuiteOnEmulatorTest)";
            if (TOLD.compareAndSet(false, true)) {
                System.out.println(reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
