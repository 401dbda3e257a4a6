package io.quarkiverse.alioss.emulator.cloud;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkiverse.alioss.emulator.auth.EmulatorCredentials;
import io.quarkiverse.alioss.emulator.auth.TemporaryKeys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The cloud side of the emulator on a port of its own, since its paths would clash with OSS's ({@code GET /} is
 * ListBuckets there): the ECS instance metadata service under {@code /latest/} and STS on every other path, as
 * {@code http://100.100.100.200} and {@code https://sts.aliyuncs.com} would answer.
 */
public final class CloudServer {

    private final HttpServer server;

    private CloudServer(HttpServer server) {
        this.server = server;
    }

    /**
     * @param lifetime when present, the lifetime of every credential issued, for tests of expiry and refresh
     */
    public static Future<CloudServer> start(Vertx vertx, String host, EmulatorCredentials key,
            TemporaryKeys temporaryKeys, String ecsRoleName, Optional<Duration> lifetime, Clock clock) {
        StsService sts = new StsService(key, temporaryKeys, lifetime, clock);
        MetadataService metadata = new MetadataService(ecsRoleName, temporaryKeys, lifetime, clock);
        return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(0))
                .requestHandler(request -> handle(request, sts, metadata))
                .listen()
                .map(CloudServer::new);
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server.close();
    }

    private static void handle(HttpServerRequest request, StsService sts, MetadataService metadata) {
        String path = request.path();
        if (path.startsWith("/latest/")) {
            request.end().onSuccess(v -> answer(request, () -> metadata(request, metadata), "text/plain"));
            return;
        }
        if (request.method() == HttpMethod.POST) {
            request.setExpectMultipart(true);
        }
        request.end().onSuccess(v -> answer(request, () -> {
            Map<String, String> parameters = new HashMap<>();
            request.params().forEach(parameters::put);
            request.formAttributes().forEach(parameters::put);
            return sts.handle(request.method().name(), parameters).encode();
        }, "application/json"));
    }

    private static String metadata(HttpServerRequest request, MetadataService metadata) {
        String path = request.path();
        if (path.equals(MetadataService.TOKEN_PATH) && request.method() == HttpMethod.PUT) {
            return metadata.sessionToken(request.getHeader(MetadataService.TTL_HEADER),
                    request.getHeader("X-Forwarded-For") != null);
        }
        if (path.startsWith(MetadataService.CREDENTIALS_PATH) && request.method() == HttpMethod.GET) {
            return metadata.read(path, request.getHeader(MetadataService.TOKEN_HEADER));
        }
        throw new CloudError(404, "NotFound", "The emulator serves no metadata at " + path + ".");
    }

    private interface Answer {
        String body();
    }

    private static void answer(HttpServerRequest request, Answer answer, String contentType) {
        try {
            String body = answer.body();
            String type = body.startsWith("{") ? "application/json" : contentType;
            request.response().putHeader("Content-Type", type).end(body);
        } catch (CloudError e) {
            request.response().setStatusCode(e.status).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("RequestId", UUID.randomUUID().toString().toUpperCase())
                            .put("HostId", request.authority() == null ? "" : request.authority().host())
                            .put("Code", e.code).put("Message", e.getMessage()).encode());
        }
    }
}
