package io.quarkiverse.alioss.deployment.callback.token;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Runs a real redis-server for the lifetime of one QuarkusUnitTest application and points Redis clients at it. (Test
 * resources do not fit: QuarkusUnitTest starts those of the first test class of the JVM for all later ones.)
 */
final class RedisServerAroundApplication {

    private LocalRedisServer server;

    private RedisServerAroundApplication() {
    }

    /**
     * @param hostsKeys the {@code quarkus.redis.*hosts} keys to set to the server's URI, at run time
     */
    static QuarkusUnitTest around(QuarkusUnitTest test, String... hostsKeys) {
        RedisServerAroundApplication redis = new RedisServerAroundApplication();
        return test.setBeforeAllCustomizer(() -> redis.start(test, hostsKeys))
                .setAfterAllCustomizer(redis::stop);
    }

    private void start(QuarkusUnitTest test, String... hostsKeys) {
        try {
            server = LocalRedisServer.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start redis-server", e);
        }
        for (String key : hostsKeys) {
            // read by QuarkusUnitTest after this customizer, when it starts the application
            test.overrideRuntimeConfigKey(key, server.uri());
        }
    }

    private void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot stop redis-server", e);
            }
        }
    }
}
