package io.quarkiverse.alioss.it.live;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackVerificationException;
import io.quarkiverse.alioss.callback.OssCallbackVerifier;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The receiving side of the live suite, part of the test application only: an {@code @OssCallback} method that
 * answers with what it was given, and a hand-written route that answers with the raw body OSS sent, after checking
 * OSS's signature, so that the suite can see how OSS encodes values.
 */
@ApplicationScoped
public class LiveProbes {

    static final String ECHO = "live-echo";
    static final String RAW_PATH = "/live/raw";
    private static final String TRUSTED_KEYS = OssConfigKeys.callback("trusted-keys") + ".";

    @OssCallback(path = "/live/echo", name = ECHO)
    public Map<String, Object> echo(OssUpload upload, @CallbackVar("probe") String probe,
            @CallbackVar("pad") Optional<Integer> pad) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("object", upload.object());
        reply.put("size", upload.size());
        reply.put("operation", upload.operation());
        reply.put("contentMd5", upload.contentMd5().orElse(""));
        reply.put("probe", probe);
        // a reply of a chosen size, to find the largest reply OSS relays
        pad.ifPresent(length -> reply.put("padding", "x".repeat(length)));
        return reply;
    }

    void rawRoute(@Observes Router router) {
        OssCallbackVerifier verifier = verifier();
        router.post(RAW_PATH).handler(BodyHandler.create()).blockingHandler(rc -> {
            byte[] body = rc.body().buffer().getBytes();
            try {
                verifier.verify(rc.request().uri(), rc.request().getHeader("authorization"),
                        rc.request().getHeader("x-oss-pub-key-url"), body);
            } catch (OssCallbackVerificationException e) {
                rc.response().setStatusCode(403).end();
                return;
            }
            rc.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("raw", new String(body, StandardCharsets.UTF_8)).encode());
        });
    }

    /** The real OSS key, and the keys the configuration pins (the emulator's, from Dev Services). */
    private static OssCallbackVerifier verifier() {
        OssCallbackVerifier.Builder builder = OssCallbackVerifier.builder();
        var config = ConfigProvider.getConfig();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(TRUSTED_KEYS)) {
                String url = name.substring(TRUSTED_KEYS.length()).replace("\"", "");
                builder.trustKey(url, config.getValue(name, String.class));
            }
        }
        return builder.build();
    }
}
