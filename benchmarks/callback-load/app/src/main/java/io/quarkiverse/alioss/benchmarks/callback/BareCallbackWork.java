package io.quarkiverse.alioss.benchmarks.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.callback.OssCallbackVerifier;

/**
 * What the bare receivers do with a callback, the work every receiver must do at least: verify the OSS signature with
 * the extension's verifier (the same trusted key as the routes), parse the form, serialize the reply.
 */
@ApplicationScoped
public class BareCallbackWork {

    private final OssCallbackVerifier verifier;
    private final ObjectMapper mapper;

    @Inject
    public BareCallbackWork(@ConfigProperty(name = "bench.key-url") String keyUrl,
            @ConfigProperty(name = "bench.key-pem") String keyPem, ObjectMapper mapper) {
        this.verifier = OssCallbackVerifier.builder().trustKey(keyUrl, keyPem).build();
        this.mapper = mapper;
    }

    /** @throws io.quarkiverse.alioss.callback.OssCallbackVerificationException when the signature does not hold */
    CallbackReceipt receipt(String requestTarget, String authorization, String keyUrl, byte[] body) {
        verifier.verify(requestTarget, authorization, keyUrl, body);
        return CallbackReceipt.of(BareForm.parse(body));
    }

    byte[] reply(String requestTarget, String authorization, String keyUrl, byte[] body) {
        try {
            return mapper.writeValueAsBytes(receipt(requestTarget, authorization, keyUrl, body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
