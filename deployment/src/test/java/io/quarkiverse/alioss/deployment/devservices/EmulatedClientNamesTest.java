package io.quarkiverse.alioss.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Which named clients the configuration sets up, and the bucket a client without one is given. */
class EmulatedClientNamesTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withProfile("dev")
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void namedClientsAreFoundByTheirConfiguringKeysButNotTheDefaultClientsGroups() {
        Config config = config(Map.of(
                "quarkus.oss.archive.bucket", "archive",
                "quarkus.oss.\"eu.reports\".region", "eu-central-1",
                "quarkus.oss.\"quoted\".credentials.access-key-id", "id",
                "%dev.quarkus.oss.devonly.endpoint", "http://127.0.0.1:9",
                "%prod.quarkus.oss.prodonly.bucket", "prod",
                "quarkus.oss.timeouts.read-timeout", "5S",
                "quarkus.oss.credentials.type", "static",
                "quarkus.oss.callback.base-url", "https://app.example.com",
                "quarkus.oss.devservices.buckets", "a,b",
                "quarkus.oss.bucket", "default"));

        assertThat(ConfiguredClientNames.of(config)).containsExactly("archive", "devonly", "eu.reports", "quoted");
    }

    @Test
    void aClientWithoutBucketGetsOneNamedAfterIt() {
        assertThat(EmulatedClients.generatedBucket("archive")).isEqualTo("archive-bucket");
        assertThat(EmulatedClients.generatedBucket("eu.Archive_2")).isEqualTo("eu-archive-2-bucket");
        assertThat(EmulatedClients.generatedBucket("-")).isEqualTo("client-bucket");
        String longName = EmulatedClients.generatedBucket("x".repeat(100));
        assertThat(longName).hasSize(63).endsWith("-bucket");
    }
}
