package io.quarkiverse.alioss.runtime.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads a profile from the credentials files of the official tools: the CLI's {@code ~/.aliyun/config.json}
 * ({@code {"current": ..., "profiles": [{"name", "mode", ...}]}}) and the SDKs' INI file
 * {@code ~/.alibabacloud/credentials.ini} (sections with {@code enable = true} and {@code type}). Read at start-up
 * only.
 */
final class CredentialsProfileFiles {

    static final String CLI_CONFIG = ".aliyun/config.json";
    static final String INI_FILE = ".alibabacloud/credentials.ini";

    private CredentialsProfileFiles() {
    }

    /**
     * @param file a {@code .json} file is read as the CLI's, any other as INI
     * @throws IllegalArgumentException when the file cannot be read or parsed, or the profile is not usable
     */
    static Optional<CredentialsProfile> read(Path file, String profile) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return file.getFileName().toString().endsWith(".json") ? cliProfile(file, text, profile)
                : iniProfile(file, text, profile);
    }

    private static Optional<CredentialsProfile> cliProfile(Path file, String text, String profile) {
        JsonArray profiles;
        try {
            profiles = new JsonObject(text).getJsonArray("profiles", new JsonArray());
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException(file + " is not a CLI configuration (JSON with \"profiles\")");
        }
        for (int i = 0; i < profiles.size(); i++) {
            JsonObject entry = profiles.getJsonObject(i);
            if (!profile.equals(entry.getString("name"))) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            entry.forEach(field -> values.put(field.getKey(), field.getValue() == null ? null
                    : String.valueOf(field.getValue())));
            String mode = values.getOrDefault("mode", "");
            CredentialsProfile.Kind kind = switch (mode) {
                case "AK", "StsToken" -> CredentialsProfile.Kind.ACCESS_KEY;
                case "RamRoleArn" -> CredentialsProfile.Kind.RAM_ROLE_ARN;
                case "EcsRamRole" -> CredentialsProfile.Kind.ECS_RAM_ROLE;
                case "OIDC" -> CredentialsProfile.Kind.OIDC_ROLE_ARN;
                default -> throw new IllegalArgumentException("profile '" + profile + "' in " + file + " has mode '"
                        + mode + "'; supported are AK, StsToken, RamRoleArn, EcsRamRole and OIDC");
            };
            return Optional.of(new CredentialsProfile(file.toString(), profile, kind, values));
        }
        return Optional.empty();
    }

    private static Optional<CredentialsProfile> iniProfile(Path file, String text, String profile) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> section = null;
        for (String raw : text.split("\r?\n")) {
            String line = stripComment(raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = sections.computeIfAbsent(line.substring(1, line.length() - 1).trim(),
                        n -> new HashMap<>());
            } else if (section != null && line.indexOf('=') > 0) {
                int eq = line.indexOf('=');
                section.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        Map<String, String> values = sections.get(profile);
        // the SDKs only read sections switched on with enable = true
        if (values == null || !"true".equalsIgnoreCase(values.get("enable"))) {
            return Optional.empty();
        }
        String type = values.getOrDefault("type", "");
        CredentialsProfile.Kind kind = switch (type) {
            case "access_key" -> CredentialsProfile.Kind.ACCESS_KEY;
            case "ram_role_arn" -> CredentialsProfile.Kind.RAM_ROLE_ARN;
            case "ecs_ram_role" -> CredentialsProfile.Kind.ECS_RAM_ROLE;
            case "oidc_role_arn" -> CredentialsProfile.Kind.OIDC_ROLE_ARN;
            default -> throw new IllegalArgumentException("profile '" + profile + "' in " + file + " has type '"
                    + type + "'; supported are access_key, ram_role_arn, ecs_ram_role and oidc_role_arn");
        };
        return Optional.of(new CredentialsProfile(file.toString(), profile, kind, values));
    }

    private static String stripComment(String line) {
        int cut = line.length();
        for (char marker : new char[] { ';', '#' }) {
            int at = line.indexOf(marker);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return line.substring(0, cut);
    }
}
