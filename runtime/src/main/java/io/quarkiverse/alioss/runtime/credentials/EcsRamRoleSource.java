package io.quarkiverse.alioss.runtime.credentials;

import java.net.URI;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The RAM role of the ECS instance, from its metadata service: a session token first ({@code PUT /latest/api/token},
 * which the hardened mode requires), then the role name (unless configured) and its credentials, each read with the
 * token.
 */
final class EcsRamRoleSource implements CredentialsSource {

    static final String CREDENTIALS_PATH = "/latest/meta-data/ram/security-credentials/";
    /** The session token only needs to outlive the two reads that follow. */
    private static final String TOKEN_TTL_SECONDS = "300";
    private static final long TIMEOUT_MS = 5000;

    private final URI endpoint;
    private final Optional<String> roleName;

    EcsRamRoleSource(URI endpoint, Optional<String> roleName) {
        this.endpoint = endpoint;
        this.roleName = roleName;
    }

    @Override
    public String describe() {
        return "ecs-ram-role (" + roleName.map(r -> "role '" + r + "' ").orElse("") + "from " + endpoint + ")";
    }

    @Override
    public Fetch open(Vertx vertx, WebClient web) {
        return () -> send(web, HttpMethod.PUT, "/latest/api/token", null)
                .chain(token -> roleName.map(name -> Uni.createFrom().item(name))
                        .orElseGet(() -> send(web, HttpMethod.GET, CREDENTIALS_PATH, token).map(EcsRamRoleSource::firstLine))
                        .chain(role -> send(web, HttpMethod.GET, CREDENTIALS_PATH + role, token)))
                .map(body -> {
                    io.vertx.core.json.JsonObject json = new io.vertx.core.json.JsonObject(body);
                    if (!"Success".equals(json.getString("Code"))) {
                        throw new IllegalStateException("The ECS metadata service answered Code "
                                + json.getString("Code") + " for the role credentials");
                    }
                    return StsAnswers.credentials(json, "The ECS metadata service");
                });
    }

    private Uni<String> send(WebClient web, HttpMethod method, String path, String token) {
        var request = web.requestAbs(method, endpoint.resolve(path).toString()).timeout(TIMEOUT_MS);
        if (token == null) {
            request.putHeader("X-aliyun-ecs-metadata-token-ttl-seconds", TOKEN_TTL_SECONDS);
        } else {
            request.putHeader("X-aliyun-ecs-metadata-token", token);
        }
        return request.send().map(response -> body(response, method + " " + path));
    }

    private static String body(HttpResponse<Buffer> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The ECS metadata service answered HTTP " + response.statusCode() + " to "
                    + what);
        }
        return response.bodyAsString().trim();
    }

    private static String firstLine(String roles) {
        String role = roles.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
        if (role.isEmpty()) {
            throw new IllegalStateException("No RAM role is attached to this ECS instance");
        }
        return role;
    }
}
