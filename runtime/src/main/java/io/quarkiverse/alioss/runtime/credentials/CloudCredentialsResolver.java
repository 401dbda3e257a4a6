package io.quarkiverse.alioss.runtime.credentials;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.runtime.config.ConfigProblems;
import io.quarkiverse.alioss.runtime.config.HttpUrls;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.quarkiverse.alioss.runtime.config.OssCredentialsConfig;

/**
 * The credential types for running on Alibaba Cloud: {@code ecs-ram-role}, {@code assume-role}, {@code oidc-role},
 * {@code profile} and {@code default-chain}. Profile files and the environment are read here, at start-up; the
 * temporary credentials themselves are fetched later, asynchronously, by each client.
 */
final class CloudCredentialsResolver {

    static final String ROLE_ARN = "ALIBABA_CLOUD_ROLE_ARN";
    static final String OIDC_PROVIDER_ARN = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
    static final String OIDC_TOKEN_FILE = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
    static final String ROLE_SESSION_NAME = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
    static final String PROFILE = "ALIBABA_CLOUD_PROFILE";
    static final String CREDENTIALS_FILE = "ALIBABA_CLOUD_CREDENTIALS_FILE";
    static final String ALIBABA_ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    static final String ALIBABA_ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    static final String ALIBABA_SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";
    private static final String DEFAULT_SESSION = "quarkus-alioss";

    /** Resolves another type, for the source of {@code assume-role}. */
    @FunctionalInterface
    interface TypeResolver {
        Optional<OssCredentialsProvider> resolve(String clientName, CredentialsType type, OssCredentialsConfig config,
                ConfigProblems problems);
    }

    private final EnvironmentLookup environment;
    private final TypeResolver others;

    CloudCredentialsResolver(EnvironmentLookup environment, TypeResolver others) {
        this.environment = environment;
        this.others = others;
    }

    Optional<OssCredentialsProvider> resolve(String clientName, CredentialsType type, OssCredentialsConfig config,
            ConfigProblems problems) {
        return switch (type) {
            case ECS_RAM_ROLE -> ecsRamRole(clientName, config, config.ecsRamRole().roleName(), problems);
            case ASSUME_ROLE -> assumeRole(clientName, config, problems);
            case OIDC_ROLE -> oidcRole(clientName, config, problems);
            case PROFILE -> profile(clientName, config, problems);
            case DEFAULT_CHAIN -> defaultChain(clientName, config, problems);
            default -> throw new IllegalArgumentException("Not a cloud credentials type: " + type);
        };
    }

    private Optional<OssCredentialsProvider> ecsRamRole(String clientName, OssCredentialsConfig config,
            Optional<String> roleName, ConfigProblems problems) {
        String key = key(clientName, "ecs-ram-role.metadata-endpoint");
        return HttpUrls.parse(config.ecsRamRole().metadataEndpoint().trim(), key, problems)
                .map(endpoint -> temporary(new EcsRamRoleSource(endpoint, roleName.filter(n -> !n.isBlank())),
                        config));
    }

    private Optional<OssCredentialsProvider> assumeRole(String clientName, OssCredentialsConfig config,
            ConfigProblems problems) {
        OssCredentialsConfig.AssumeRole role = config.assumeRole();
        String sourceKey = key(clientName, "assume-role.source");
        if (role.source() == CredentialsType.ASSUME_ROLE) {
            problems.add(sourceKey, "cannot be 'assume-role' itself; name the type whose credentials sign the call");
            return Optional.empty();
        }
        Optional<String> roleArn = required(role.roleArn(), key(clientName, "assume-role.role-arn"),
                "is required when the credentials type is 'assume-role'", problems);
        Optional<URI> sts = stsEndpoint(clientName, config, problems);
        boolean duration = duration(role.duration(), key(clientName, "assume-role.duration"), problems);
        Optional<OssCredentialsProvider> signer = others.resolve(clientName, role.source(), config, problems);
        if (roleArn.isEmpty() || sts.isEmpty() || !duration || signer.isEmpty()) {
            return Optional.empty();
        }
        StsCall call = new StsCall(sts.get(), roleArn.get(), role.roleSessionName(), role.duration(), role.policy());
        return Optional.of(temporary(new AssumeRoleSource(call, role.externalId(), signer.get()), config));
    }

    private Optional<OssCredentialsProvider> oidcRole(String clientName, OssCredentialsConfig config,
            ConfigProblems problems) {
        OssCredentialsConfig.OidcRole oidc = config.oidcRole();
        String why = "is required when the credentials type is 'oidc-role' (or set the environment variable ";
        Optional<String> roleArn = required(oidc.roleArn().or(() -> env(ROLE_ARN)),
                key(clientName, "oidc-role.role-arn"), why + ROLE_ARN + ")", problems);
        Optional<String> providerArn = required(oidc.oidcProviderArn().or(() -> env(OIDC_PROVIDER_ARN)),
                key(clientName, "oidc-role.oidc-provider-arn"), why + OIDC_PROVIDER_ARN + ")", problems);
        Optional<String> tokenFile = required(oidc.tokenFile().or(() -> env(OIDC_TOKEN_FILE)),
                key(clientName, "oidc-role.token-file"), why + OIDC_TOKEN_FILE + ")", problems);
        Optional<URI> sts = stsEndpoint(clientName, config, problems);
        boolean duration = duration(oidc.duration(), key(clientName, "oidc-role.duration"), problems);
        if (roleArn.isEmpty() || providerArn.isEmpty() || tokenFile.isEmpty() || sts.isEmpty() || !duration) {
            return Optional.empty();
        }
        String session = oidc.roleSessionName().or(() -> env(ROLE_SESSION_NAME)).orElse(DEFAULT_SESSION);
        StsCall call = new StsCall(sts.get(), roleArn.get(), session, oidc.duration(), oidc.policy());
        return Optional.of(temporary(new OidcRoleSource(call, providerArn.get(), tokenFile.get()), config));
    }

    private Optional<OssCredentialsProvider> profile(String clientName, OssCredentialsConfig config,
            ConfigProblems problems) {
        String fileKey = key(clientName, "profile.file");
        String name = config.profile().name().or(() -> env(PROFILE)).orElse("default");
        try {
            Optional<CredentialsProfile> profile = findProfile(config, name);
            if (profile.isEmpty()) {
                problems.add(fileKey, "no enabled profile '" + name + "' was found in "
                        + String.join(" or ", profileFiles(config).stream().map(Path::toString).toList()));
                return Optional.empty();
            }
            return fromProfile(clientName, config, profile.get(), problems);
        } catch (IllegalArgumentException e) {
            problems.add(fileKey, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<CredentialsProfile> findProfile(OssCredentialsConfig config, String name) {
        for (Path file : profileFiles(config)) {
            Optional<CredentialsProfile> profile = CredentialsProfileFiles.read(file, name);
            if (profile.isPresent()) {
                return profile;
            }
        }
        return Optional.empty();
    }

    /** The configured file, else the CLI's then the SDKs' files, in the order of the official credentials chain. */
    private java.util.List<Path> profileFiles(OssCredentialsConfig config) {
        if (config.profile().file().isPresent()) {
            return java.util.List.of(Path.of(config.profile().file().get()));
        }
        Path home = Path.of(System.getProperty("user.home"));
        return java.util.List.of(home.resolve(CredentialsProfileFiles.CLI_CONFIG),
                env(CREDENTIALS_FILE).map(Path::of).orElse(home.resolve(CredentialsProfileFiles.INI_FILE)));
    }

    private Optional<OssCredentialsProvider> fromProfile(String clientName, OssCredentialsConfig config,
            CredentialsProfile profile, ConfigProblems problems) {
        String fileKey = key(clientName, "profile.file");
        boolean json = profile.file().endsWith(".json");
        Optional<String> id = profile.value("access_key_id");
        Optional<String> secret = profile.value("access_key_secret");
        switch (profile.kind()) {
            case ACCESS_KEY:
            case RAM_ROLE_ARN:
                if (id.isEmpty() || secret.isEmpty()) {
                    problems.add(fileKey, profile.describe() + " has no access_key_id or access_key_secret");
                    return Optional.empty();
                }
                OssCredentialsProvider key = new StaticCredentialsProvider(OssCredentials.of(id.get(), secret.get(),
                        profile.value("sts_token").orElse(null)));
                if (profile.kind() == CredentialsProfile.Kind.ACCESS_KEY) {
                    return Optional.of(key);
                }
                Optional<String> roleArn = profile.value(json ? "ram_role_arn" : "role_arn");
                if (roleArn.isEmpty()) {
                    problems.add(fileKey, profile.describe() + " has no " + (json ? "ram_role_arn" : "role_arn"));
                    return Optional.empty();
                }
                Duration duration = profile.value("expired_seconds").map(s -> Duration.ofSeconds(Long.parseLong(s)))
                        .orElse(Duration.ofHours(1));
                return stsEndpoint(clientName, config, problems).map(sts -> temporary(new AssumeRoleSource(
                        new StsCall(sts, roleArn.get(), profile.value(json ? "ram_session_name" : "role_session_name")
                                .orElse(DEFAULT_SESSION), duration, profile.value("policy")),
                        profile.value("external_id"), key), config));
            case ECS_RAM_ROLE:
                return ecsRamRole(clientName, config, profile.value(json ? "ram_role_name" : "role_name"), problems);
            case OIDC_ROLE_ARN:
                Optional<String> arn = profile.value(json ? "ram_role_arn" : "role_arn");
                Optional<String> provider = profile.value("oidc_provider_arn");
                Optional<String> tokenFile = profile.value(json ? "oidc_token_file" : "oidc_token_file_path");
                if (arn.isEmpty() || provider.isEmpty() || tokenFile.isEmpty()) {
                    problems.add(fileKey, profile.describe() + " needs a role ARN, oidc_provider_arn and a token file");
                    return Optional.empty();
                }
                return stsEndpoint(clientName, config, problems).map(sts -> temporary(new OidcRoleSource(
                        new StsCall(sts, arn.get(), profile.value(json ? "ram_session_name" : "role_session_name")
                                .orElse(DEFAULT_SESSION), Duration.ofHours(1), profile.value("policy")),
                        provider.get(), tokenFile.get()), config));
            default:
                throw new IllegalStateException("Unhandled profile kind " + profile.kind());
        }
    }

    /**
     * The official SDKs' default chain, as in aliyun/credentials-java {@code DefaultCredentialsProvider}: environment
     * variables, then the OIDC role when its three variables are set, then the CLI's {@code config.json} and the
     * SDKs' {@code credentials.ini}, then the ECS instance's RAM role. Chosen once at start-up; the ECS RAM role, which
     * needs the network to try, comes last and is taken when nothing before it applies.
     */
    private Optional<OssCredentialsProvider> defaultChain(String clientName, OssCredentialsConfig config,
            ConfigProblems problems) {
        EnvironmentCredentialsProvider ossVariables = new EnvironmentCredentialsProvider(environment);
        if (ossVariables.missingVariables().isEmpty()) {
            return Optional.of(ossVariables);
        }
        Optional<String> id = env(ALIBABA_ACCESS_KEY_ID);
        Optional<String> secret = env(ALIBABA_ACCESS_KEY_SECRET);
        if (id.isPresent() && secret.isPresent()) {
            return Optional.of(new StaticCredentialsProvider(OssCredentials.of(id.get(), secret.get(),
                    env(ALIBABA_SECURITY_TOKEN).orElse(null))));
        }
        if (env(ROLE_ARN).isPresent() && env(OIDC_PROVIDER_ARN).isPresent() && env(OIDC_TOKEN_FILE).isPresent()) {
            return oidcRole(clientName, config, problems);
        }
        String name = config.profile().name().or(() -> env(PROFILE)).orElse("default");
        boolean anyFile = profileFiles(config).stream().anyMatch(Files::isRegularFile);
        if (anyFile) {
            try {
                if (findProfile(config, name).isPresent()) {
                    return profile(clientName, config, problems);
                }
            } catch (IllegalArgumentException e) {
                problems.add(key(clientName, "profile.file"), e.getMessage());
                return Optional.empty();
            }
        }
        return ecsRamRole(clientName, config, config.ecsRamRole().roleName(), problems);
    }

    private Optional<URI> stsEndpoint(String clientName, OssCredentialsConfig config, ConfigProblems problems) {
        return HttpUrls.parse(config.stsEndpoint().trim(), key(clientName, "sts-endpoint"), problems);
    }

    /** @return whether the session length is one STS accepts */
    private static boolean duration(Duration value, String key, ConfigProblems problems) {
        if (value.toSeconds() < 900 || value.toSeconds() > 43200) {
            problems.add(key, "must be between 15 minutes and 12 hours (STS limits), got " + value);
            return false;
        }
        return true;
    }

    private static OssCredentialsProvider temporary(CredentialsSource source, OssCredentialsConfig config) {
        return new TemporaryCredentialsProvider(source, config.refreshAhead());
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Optional<String> required(Optional<String> value, String key, String why,
            ConfigProblems problems) {
        Optional<String> present = value.map(String::trim).filter(v -> !v.isEmpty());
        if (present.isEmpty()) {
            problems.add(key, why);
        }
        return present;
    }

    private static String key(String clientName, String property) {
        return OssConfigKeys.client(clientName, "credentials." + property);
    }
}
