package io.quarkiverse.alioss.deployment.callback.token;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class that needs redis-server when there is none, except in CI: .ci/run installs it, so there a
 * missing one is a broken setup, and the test runs to fail on it.
 */
public class RedisServerInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (LocalRedisServer.binary().isPresent()) {
            return ConditionEvaluationResult.enabled("redis-server is installed");
        }
        if ("true".equals(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI must run it: it fails on the missing redis-server");
        }
        return ConditionEvaluationResult.disabled("This test needs a real redis-server: apt-get install redis-server");
    }
}
