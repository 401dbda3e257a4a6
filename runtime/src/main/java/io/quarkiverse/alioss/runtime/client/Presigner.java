package io.quarkiverse.alioss.runtime.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.presign.OssPresigner;
import io.quarkiverse.alioss.presign.PostObjectForm;
import io.quarkiverse.alioss.presign.PostObjectRequest;
import io.quarkiverse.alioss.presign.PresignGetRequest;
import io.quarkiverse.alioss.presign.PresignPutRequest;
import io.quarkiverse.alioss.presign.PresignedRequest;
import io.quarkiverse.alioss.runtime.signing.PostPolicySigning;
import io.quarkiverse.alioss.runtime.signing.QueryParam;
import io.quarkiverse.alioss.runtime.signing.SignableRequest;

/** Presigned URLs and PostObject forms: signing without sending anything. */
final class Presigner implements OssPresigner {

    private static final DateTimeFormatter POLICY_EXPIRATION = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final OssHttp http;

    Presigner(OssHttp http) {
        this.http = http;
    }

    @Override
    public PresignedRequest presignGet(String key, Duration validity) {
        return presignGet(PresignGetRequest.forKey(key).validity(validity));
    }

    @Override
    public PresignedRequest presignGet(PresignGetRequest get) {
        return presign("GET", get.key(), get.validity(), null, null, get.query());
    }

    @Override
    public PresignedRequest presignPut(PresignPutRequest put) {
        return presign("PUT", put.key(), put.validity(), put.contentType().orElse(null), put.callback().orElse(null),
                Map.of());
    }

    private PresignedRequest presign(String method, String key, Duration validity, String contentType,
            OssCallbackSpec callback, Map<String, String> signedQuery) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Object key must not be empty (presign " + method + ")");
        }
        ClientOptions options = http.options();
        SignableRequest request = SignableRequest.forObject(method, http.bucket(), key);
        signedQuery.forEach(request::query);
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        if (contentType != null) {
            request.header("Content-Type", contentType);
            signedHeaders.put("Content-Type", contentType);
        }
        if (callback != null) {
            // whoever holds the URL uploads: the token pins the key and asks the route to confirm with OSS
            callback.bind(CallbackTarget.presignedUpload(http.bucket(), key, validity)).queryParameters()
                    .forEach(request::query);
        }
        Instant now = Instant.now();
        Map<String, String> query = new LinkedHashMap<>();
        for (QueryParam param : request.queryParams()) {
            query.put(param.name(), param.value());
        }
        for (QueryParam param : options.signer().presign(request, http.credentials().now(), now,
                validity)) {
            query.put(param.name(), param.value());
        }
        return new PresignedRequest(method, http.uri(key, query), Collections.unmodifiableMap(signedHeaders),
                now.plus(validity));
    }

    @Override
    public PostObjectForm postObjectForm(PostObjectRequest form) {
        ClientOptions options = http.options();
        Instant now = Instant.now();
        PostPolicySigning signing = options.signer().postPolicy(http.credentials().now(), now);
        Instant expiresAt = now.plus(form.validity());

        ObjectNode policy = http.objectMapper().createObjectNode();
        policy.put("expiration", POLICY_EXPIRATION.format(expiresAt));
        ArrayNode conditions = policy.putArray("conditions");
        conditions.addObject().put("bucket", http.bucket());
        signing.conditions().forEach((name, value) -> conditions.addObject().put(name, value));
        conditions.addArray().add("content-length-range").add(form.minSize()).add(form.maxSize());
        if (form.keyIsPrefix()) {
            conditions.addArray().add("starts-with").add("$key").add(form.key());
        } else {
            conditions.addObject().put("key", form.key());
        }
        form.contentType().ifPresent(type -> conditions.addObject().put("Content-Type", type));
        CallbackTarget target = form.keyIsPrefix()
                ? CallbackTarget.postObjectWithKeyPrefix(http.bucket(), form.key(), form.validity())
                : CallbackTarget.postObject(http.bucket(), form.key(), form.validity());
        Map<String, String> callbackFields = form.callback().map(spec -> spec.bind(target).postObjectFields())
                .orElse(Map.of());
        // pin the callback and every x: variable: a browser that edits one is refused by OSS
        callbackFields.forEach((name, value) -> conditions.addObject().put(name, value));

        byte[] policyJson;
        try {
            policyJson = http.objectMapper().writeValueAsString(policy).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the PostObject policy", e);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", form.key());
        fields.putAll(signing.formFields(policyJson));
        form.contentType().ifPresent(type -> fields.put("Content-Type", type));
        fields.putAll(callbackFields);
        return new PostObjectForm(http.uri(null, Map.of()).toString(), Collections.unmodifiableMap(fields), expiresAt);
    }
}
