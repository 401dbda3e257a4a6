package io.quarkiverse.alioss.runtime.callback;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.quarkiverse.alioss.callback.OssCallbackVerifier;
import io.smallrye.mutiny.Uni;

/**
 * Everything a generated {@code @OssCallback} route does before invoking the method, as one call: verify the OSS
 * signature, parse the body for the template's type, and check the callback token (when a token is configured) against
 * the {@code x:} values in the body. Failures surface as the exceptions {@link CallbackRefusal#of} maps to a reply.
 */
public final class CallbackReceiver {

    private final CallbackTemplate template;
    private final OssCallbackVerifier verifier;
    private final CallbackToken token;
    private final Clock clock;

    /** @param token null when callback tokens are off */
    public CallbackReceiver(CallbackTemplate template, OssCallbackVerifier verifier, CallbackToken token, Clock clock) {
        this.template = Objects.requireNonNull(template, "template");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.token = token;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * For worker threads: may block while a trusted key is fetched for the first time.
     *
     * @param requestTarget raw path and query as received
     */
    public CallbackFields receive(String requestTarget, String authorization, String pubKeyUrl, byte[] body) {
        verifier.verify(requestTarget, authorization, pubKeyUrl, body);
        return accept(requestTarget, body);
    }

    /** For the event loop: never blocks. */
    public Uni<CallbackFields> receiveAsync(String requestTarget, String authorization, String pubKeyUrl, byte[] body) {
        return verifier.verifyAsync(requestTarget, authorization, pubKeyUrl, body)
                .map(ignored -> accept(requestTarget, body));
    }

    private CallbackFields accept(String requestTarget, byte[] body) {
        CallbackFields fields = CallbackFields.parse(template.bodyType(), body);
        if (token != null) {
            int q = requestTarget.indexOf('?');
            String presented = CallbackToken.fromQuery(q < 0 ? null : requestTarget.substring(q + 1));
            token.check(template.name(), presented, customValues(fields), clock.instant());
        }
        return fields;
    }

    /** The template's custom variables as the body carries them, keyed {@code x:name} as the token binds them. */
    private Map<String, String> customValues(CallbackFields fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (CallbackTemplate.Field field : template.fields()) {
            if (field.isCustom()) {
                values.put(field.variable(), fields.get(field.key()));
            }
        }
        return values;
    }
}
