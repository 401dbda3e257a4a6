package io.quarkiverse.alioss.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.runtime.credentials.CredentialsType;

/**
 * {@code signature-version}, {@code path-style} and {@code credentials.type} are enums of the mapping: SmallRye Config
 * converts them in any letter case and refuses anything else with a message naming the key, spelled as
 * {@link OssConfigKeys} spells it, and the allowed values.
 */
class EnumConfigValuesTest {

    @ParameterizedTest
    @CsvSource({ "v4, V4", "V4, V4", "v1, V1", "' V1 ', V1" })
    void signatureVersionIgnoresLetterCase(String value, SignatureVersion expected) {
        assertThat(defaultClient("signature-version", value).signatureVersion()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "auto, AUTO", "TRUE, TRUE", "False, FALSE" })
    void pathStyleIgnoresLetterCase(String value, PathStyle expected) {
        assertThat(defaultClient("path-style", value).pathStyle()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "static, STATIC", "Environment, ENVIRONMENT", "credentials-provider, CREDENTIALS_PROVIDER",
            "CREDENTIALS_PROVIDER, CREDENTIALS_PROVIDER" })
    void credentialsTypeIgnoresLetterCase(String value, CredentialsType expected) {
        assertThat(defaultClient("credentials.type", value).credentials().type()).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<default>  | signature-version | v2        | v4",
            "backup     | signature-version | v2        | v4",
            "eu.archive | path-style        | sometimes | auto",
            "backup     | credentials.type  | ram-role  | credentials-provider" })
    void anUnknownValueIsRefusedNamingTheKeyAndTheAllowedValues(String clientName, String property, String value,
            String allowed) {
        String key = OssConfigKeys.client(clientName, property);

        Throwable thrown = catchThrowable(() -> TestConfigs.runtime(Map.of(key, value)));

        assertThat(thrown).hasMessageContaining("The config property " + key + " with the config value \"" + value)
                .hasMessageContaining(allowed);
    }

    private static OssClientConfig defaultClient(String property, String value) {
        return TestConfigs.runtime(Map.of(OssConfigKeys.client(OssClientName.DEFAULT, property), value)).clients()
                .get(OssClientName.DEFAULT);
    }
}
