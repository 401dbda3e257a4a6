package io.quarkiverse.alioss.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.alioss.runtime.config.TestConfigs;

/**
 * A named client's key reads the same whether the start-up validation or the client noticed the problem: a user copies
 * it into application.properties.
 */
class ClientKeysInMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "backup     | quarkus.oss.backup.bucket",
            "eu.archive | quarkus.oss.\"eu.archive\".bucket" })
    void theBucketKeyReadsTheSameInTheValidationAndInTheClient(String clientName, String bucketKey) {
        Map<String, String> properties = namedClient(clientName, bucketKey.replace(".bucket", "."));
        properties.put(bucketKey, "Not_A_Bucket");
        Throwable validation = catchThrowable(
                () -> TestConfigs.resolver().resolve(clientName, TestConfigs.runtime(properties)));

        properties.remove(bucketKey);
        ClientOptions withoutBucket = TestConfigs.resolver().resolve(clientName, TestConfigs.runtime(properties));
        Throwable client = catchThrowable(() -> withoutBucket.requireBucket(clientName));

        assertThat(validation).hasMessageContaining(bucketKey + ": must be 3 to 63");
        assertThat(client).hasMessageContaining("set " + bucketKey)
                .hasMessageContaining("the OSS client '" + clientName + "'");
    }

    private static Map<String, String> namedClient(String clientName, String prefix) {
        Map<String, String> properties = new HashMap<>();
        properties.put(prefix + "endpoint", "https://oss-cn-hangzhou.aliyuncs.com");
        properties.put(prefix + "region", "cn-hangzhou");
        properties.put(prefix + "credentials.access-key-id", "id");
        properties.put(prefix + "credentials.access-key-secret", "secret");
        return properties;
    }
}
