package io.quarkiverse.alioss.runtime.credentials;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What an STS role session asks for: the role, the session name, its length and an optional policy. */
record StsCall(URI endpoint, String roleArn, String sessionName, Duration duration, Optional<String> policy) {

    static final String VERSION = "2015-04-01";

    /** The parameters every STS action carries, and the session's. */
    Map<String, String> parameters(String action) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Action", action);
        parameters.put("Format", "JSON");
        parameters.put("Version", VERSION);
        parameters.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        parameters.put("RoleArn", roleArn);
        parameters.put("RoleSessionName", sessionName);
        parameters.put("DurationSeconds", Long.toString(duration.toSeconds()));
        policy.ifPresent(p -> parameters.put("Policy", p));
        return parameters;
    }

    String url(Map<String, String> query) {
        String base = endpoint.toString();
        return (base.endsWith("/") ? base : base + "/") + "?" + RpcSigner.query(query);
    }
}
