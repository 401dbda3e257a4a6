package io.quarkiverse.alioss.runtime.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.runtime.config.ConfigProblems;
import io.quarkiverse.alioss.runtime.config.TestConfigs;

/** What the Alibaba Cloud credential types need from the configuration, and how they report what is missing. */
class CloudCredentialsResolverTest {

    @TempDir
    Path dir;
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private final ConfigProblems problems = new ConfigProblems();

    private Optional<OssCredentialsProvider> resolve() {
        return new CredentialsProviderResolver(environment::get, TestConfigs.beans(Map.of()))
                .resolve(OssClientName.DEFAULT, TestConfigs.runtime(properties).clients().get(OssClientName.DEFAULT)
                        .credentials(), problems);
    }

    @Test
    void assumeRoleNeedsARoleArnAndAUsableSource() {
        properties.put("quarkus.oss.credentials.type", "assume-role");
        assertThat(resolve()).isEmpty();
        assertThat(problems.messages()).contains(
                "quarkus.oss.credentials.assume-role.role-arn: is required when the credentials type is 'assume-role'")
                .anyMatch(m -> m.startsWith("quarkus.oss.credentials.type:") && m.contains("OSS_ACCESS_KEY_ID"));
    }

    @Test
    void assumeRoleCannotBeItsOwnSource() {
        properties.put("quarkus.oss.credentials.type", "assume-role");
        properties.put("quarkus.oss.credentials.assume-role.source", "assume-role");
        properties.put("quarkus.oss.credentials.assume-role.role-arn", "acs:ram::1:role/r");
        assertThat(resolve()).isEmpty();
        assertThat(problems.messages()).anyMatch(m -> m.startsWith("quarkus.oss.credentials.assume-role.source:"));
    }

    @Test
    void assumeRoleDurationOutsideStsLimitsIsReported() {
        properties.put("quarkus.oss.credentials.type", "assume-role");
        properties.put("quarkus.oss.credentials.assume-role.source", "static");
        properties.put("quarkus.oss.credentials.assume-role.role-arn", "acs:ram::1:role/r");
        properties.put("quarkus.oss.credentials.assume-role.duration", "5M");
        properties.put("quarkus.oss.credentials.access-key-id", "id");
        properties.put("quarkus.oss.credentials.access-key-secret", "secret");
        assertThat(resolve()).isEmpty();
        assertThat(problems.messages()).anyMatch(m -> m.startsWith("quarkus.oss.credentials.assume-role.duration:"));
    }

    @Test
    void oidcRoleNamesTheKeyAndTheVariableThatAreMissing() {
        properties.put("quarkus.oss.credentials.type", "oidc-role");
        environment.put("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r");
        assertThat(resolve()).isEmpty();
        assertThat(problems.messages()).hasSize(2)
                .anyMatch(m -> m.startsWith("quarkus.oss.credentials.oidc-role.oidc-provider-arn:")
                        && m.contains("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"))
                .anyMatch(m -> m.startsWith("quarkus.oss.credentials.oidc-role.token-file:")
                        && m.contains("ALIBABA_CLOUD_OIDC_TOKEN_FILE"));
    }

    @Test
    void anInvalidMetadataEndpointIsReported() {
        properties.put("quarkus.oss.credentials.type", "ecs-ram-role");
        properties.put("quarkus.oss.credentials.ecs-ram-role.metadata-endpoint", "100.100.100.200");
        assertThat(resolve()).isEmpty();
        assertThat(problems.messages())
                .anyMatch(m -> m.startsWith("quarkus.oss.credentials.ecs-ram-role.metadata-endpoint:"));
    }

    @Test
    void profileWithAnAccessKeyInTheCliConfig() throws Exception {
        Path json = Files.writeString(dir.resolve("config.json"), """
                {"current": "work", "profiles": [
                  {"name": "work", "mode": "StsToken", "access_key_id": "id", "access_key_secret": "secret",
                   "sts_token": "token"}]}""");
        properties.put("quarkus.oss.credentials.type", "profile");
        properties.put("quarkus.oss.credentials.profile.file", json.toString());
        properties.put("quarkus.oss.credentials.profile.name", "work");
        assertThat(resolve()).get().extracting(OssCredentialsProvider::credentials)
                .isEqualTo(OssCredentials.of("id", "secret", "token"));
    }

    @Test
    void aDisabledOrMissingIniProfileIsReportedWithTheFile() throws Exception {
        Path ini = Files.writeString(dir.resolve("credentials.ini"),
                "[default]\nenable = false\ntype = access_key\naccess_key_id = id\naccess_key_secret = secret\n");
        properties.put("quarkus.oss.credentials.type", "profile");
        properties.put("quarkus.oss.credentials.profile.file", ini.toString());
        assertThat(resolve()).isEmpty();
        assertThat(problems.messages()).singleElement().asString()
                .startsWith("quarkus.oss.credentials.profile.file: no enabled profile 'default'").contains(ini.toString())
                .doesNotContain("secret");
    }

    @Test
    void anUnsupportedProfileModeIsReported() throws Exception {
        Path json = Files.writeString(dir.resolve("config.json"),
                "{\"profiles\": [{\"name\": \"default\", \"mode\": \"CloudSSO\"}]}");
        properties.put("quarkus.oss.credentials.type", "profile");
        properties.put("quarkus.oss.credentials.profile.file", json.toString());
        assertThat(resolve()).isEmpty();
        assertThat(problems.messages()).singleElement().asString().contains("CloudSSO");
    }

    @Test
    void defaultChainPrefersTheEnvironment() {
        properties.put("quarkus.oss.credentials.type", "default-chain");
        environment.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "id");
        environment.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret");
        environment.put("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r");
        assertThat(resolve()).get().extracting(OssCredentialsProvider::credentials)
                .isEqualTo(OssCredentials.of("id", "secret"));
    }

    @Test
    void temporaryCredentialsCannotBeAskedForDirectly() {
        properties.put("quarkus.oss.credentials.type", "ecs-ram-role");
        OssCredentialsProvider provider = resolve().orElseThrow();
        assertThatThrownBy(provider::credentials).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("ecs-ram-role");
    }
}
