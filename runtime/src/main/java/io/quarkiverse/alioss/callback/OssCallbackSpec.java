package io.quarkiverse.alioss.callback;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.runtime.callback.CallbackRules;
import io.quarkiverse.alioss.runtime.callback.JsonObjects;

/**
 * The callback an upload asks OSS to make: URLs, Host, body template, body type, SNI and custom variable values, encoded
 * the way OSS reads them (Base64 of JSON written by Jackson, never by string concatenation).
 * <p>
 * Carry it as headers for PutObject and CompleteMultipartUpload ({@link #headers()}), as query parameters of a presigned
 * PUT ({@link #queryParameters()}), or as PostObject form fields ({@link #postObjectFields()}: {@code callback} plus
 * one {@code x:name} field per variable). Immutable.
 * <p>
 * A spec filled from an {@link OssCallbackTemplate} carries a {@link TokenIssuer}: its callback token binds the one
 * upload it is for, which is known only when the upload is prepared. {@link io.quarkiverse.alioss.OssClient} binds it
 * itself (uploads, presigned URLs, PostObject forms); other code calls {@link #bind(CallbackTarget)} first. Encoding an
 * unbound spec fails rather than send a callback the route would refuse.
 */
public final class OssCallbackSpec {

    /** Custom variable names: {@code x:} then lowercase ASCII letters, digits and {@code _} (OSS refuses uppercase). */
    public static final Pattern VARIABLE_NAME = CallbackRules.VARIABLE_NAME;
    /** OSS refuses more callback URLs than this. */
    public static final int MAX_URLS = 5;
    /** OSS refuses a Base64 {@code callback} or {@code callback-var} value longer than this. */
    public static final int MAX_ENCODED_LENGTH = 5 * 1024;

    private final List<String> urls;
    private final String host;
    private final String body;
    private final CallbackBodyType bodyType;
    private final Boolean sni;
    private final Map<String, String> vars;
    private final TokenIssuer tokenIssuer;
    private final CallbackTarget target;
    private final String callbackJson;
    private final String callbackVarJson;

    /**
     * Issues the callback token of a template's callback once its upload is known.
     */
    @FunctionalInterface
    public interface TokenIssuer {

        /**
         * @param target the upload the callback is for
         * @param vars the custom variable values of the callback, keyed {@code x:name}
         * @return a query parameter ({@code name=value}, URL-encoded) appended to every callback URL
         */
        String queryFor(CallbackTarget target, Map<String, String> vars);
    }

    private OssCallbackSpec(Builder builder) {
        this(List.copyOf(builder.urls), builder.host, builder.body, builder.bodyType, builder.sni,
                Collections.unmodifiableMap(new LinkedHashMap<>(builder.vars)), builder.tokenIssuer, null);
    }

    private OssCallbackSpec(List<String> urls, String host, String body, CallbackBodyType bodyType, Boolean sni,
            Map<String, String> vars, TokenIssuer tokenIssuer, CallbackTarget target) {
        this.urls = urls;
        this.host = host;
        this.body = body;
        this.bodyType = bodyType;
        this.sni = sni;
        this.vars = vars;
        this.tokenIssuer = tokenIssuer;
        this.target = target;
        this.callbackJson = writeCallbackJson();
        this.callbackVarJson = vars.isEmpty() ? null : writeVarJson();
        checkLength("callback", base64(callbackJson));
        if (callbackVarJson != null) {
            checkLength("callback-var", base64(callbackVarJson));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * This callback for one upload: the callback token is issued for {@code target} and appended to every URL. A spec
     * without a {@link TokenIssuer} (built by hand, or already bound) is returned as it is.
     */
    public OssCallbackSpec bind(CallbackTarget target) {
        Objects.requireNonNull(target, "target");
        if (tokenIssuer == null) {
            return this;
        }
        String query = tokenIssuer.queryFor(target, vars);
        List<String> bound = new ArrayList<>(urls.size());
        for (String url : urls) {
            bound.add(url + (url.indexOf('?') < 0 ? "?" : "&") + query);
        }
        return new OssCallbackSpec(List.copyOf(bound), host, body, bodyType, sni, vars, null, target);
    }

    /** Whether {@link #bind(CallbackTarget)} must be called before this callback can be sent. */
    public boolean requiresBinding() {
        return tokenIssuer != null;
    }

    /** The upload this callback was bound to; empty when it was never bound. */
    public Optional<CallbackTarget> target() {
        return Optional.ofNullable(target);
    }

    /** The callback URLs; those of a spec that {@link #requiresBinding()} do not carry the token yet. */
    public List<String> urls() {
        return urls;
    }

    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    public String body() {
        return body;
    }

    public CallbackBodyType bodyType() {
        return bodyType;
    }

    /** Empty when not set: then {@code callbackSNI} is left out and OSS uses its default ({@code false}). */
    public Optional<Boolean> sni() {
        return Optional.ofNullable(sni);
    }

    /** Custom variable values keyed {@code x:name}, in the order they were added. */
    public Map<String, String> vars() {
        return vars;
    }

    /**
     * The callback JSON: {@code callbackUrl}, {@code callbackHost}?, {@code callbackBody}, {@code callbackBodyType},
     * {@code callbackSNI}?.
     */
    public String callbackJson() {
        requireBound();
        return callbackJson;
    }

    /** Standard Base64 (with padding) of the UTF-8 callback JSON: the {@code callback} / {@code x-oss-callback} value. */
    public String callbackBase64() {
        return base64(callbackJson());
    }

    /** The callback-var JSON ({@code {"x:name":"value",...}}); empty when there are no variables. */
    public Optional<String> callbackVarJson() {
        requireBound();
        return Optional.ofNullable(callbackVarJson);
    }

    /** Base64 of {@link #callbackVarJson()}: the {@code callback-var} / {@code x-oss-callback-var} value. */
    public Optional<String> callbackVarBase64() {
        return callbackVarJson().map(OssCallbackSpec::base64);
    }

    /** {@code x-oss-callback} and, with variables, {@code x-oss-callback-var}: for PutObject and CompleteMultipartUpload. */
    public Map<String, String> headers() {
        return carriers("x-oss-callback", "x-oss-callback-var");
    }

    /** {@code callback} and, with variables, {@code callback-var}: for a presigned PUT URL (sign them into the URL). */
    public Map<String, String> queryParameters() {
        return carriers("callback", "callback-var");
    }

    /** {@code callback} plus one {@code x:name} field per variable (PostObject has no {@code callback-var}). */
    public Map<String, String> postObjectFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("callback", callbackBase64());
        fields.putAll(vars);
        return Collections.unmodifiableMap(fields);
    }

    private void requireBound() {
        if (tokenIssuer != null) {
            throw new IllegalStateException("this callback carries a token that binds it to one upload: bind it with"
                    + " bind(CallbackTarget) before sending it (OssClient does so for its uploads, presigned URLs and"
                    + " PostObject forms)");
        }
    }

    private Map<String, String> carriers(String callbackName, String varName) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(callbackName, callbackBase64());
        callbackVarBase64().ifPresent(v -> values.put(varName, v));
        return Collections.unmodifiableMap(values);
    }

    private String writeCallbackJson() {
        return JsonObjects.write(json -> {
            json.writeStringField("callbackUrl", String.join(";", urls));
            if (host != null) {
                json.writeStringField("callbackHost", host);
            }
            json.writeStringField("callbackBody", body);
            json.writeStringField("callbackBodyType", bodyType.contentType());
            if (sni != null) {
                json.writeBooleanField("callbackSNI", sni);
            }
        });
    }

    private String writeVarJson() {
        return JsonObjects.write(json -> {
            for (Map.Entry<String, String> var : vars.entrySet()) {
                json.writeStringField(var.getKey(), var.getValue());
            }
        });
    }

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void checkLength(String parameter, String encoded) {
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("the Base64 " + parameter + " value has " + encoded.length()
                    + " characters; OSS refuses more than " + MAX_ENCODED_LENGTH);
        }
    }

    /**
     * The {@code x:name} key of a custom variable given as {@code name} or {@code x:name}.
     *
     * @throws IllegalArgumentException naming the variable when it is not {@code x:} + lowercase letters, digits, {@code _}
     */
    public static String variableKey(String name) {
        if (name == null) {
            throw new IllegalArgumentException("callback variable name is null");
        }
        String key = name.startsWith("x:") ? name : "x:" + name;
        if (!VARIABLE_NAME.matcher(key).matches()) {
            throw new IllegalArgumentException("callback variable '" + name
                    + "' must be x: followed by lowercase letters, digits or _");
        }
        return key;
    }

    /** Collects the parts of a callback; {@link #build()} validates them with messages that name the problem. */
    public static final class Builder {
        private final List<String> urls = new ArrayList<>();
        private String host;
        private String body;
        private CallbackBodyType bodyType = CallbackBodyType.FORM;
        private Boolean sni;
        private final Map<String, String> vars = new LinkedHashMap<>();
        private TokenIssuer tokenIssuer;

        private Builder() {
        }

        /** Adds a callback URL; OSS tries up to {@value #MAX_URLS} in order until one succeeds. */
        public Builder url(String url) {
            urls.add(Objects.requireNonNull(url, "url"));
            return this;
        }

        /** Replaces the callback URLs. */
        public Builder urls(List<String> urls) {
            this.urls.clear();
            urls.forEach(this::url);
            return this;
        }

        /** {@code callbackHost}: the Host header OSS sends; null for the URL's host. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** {@code callbackBody}: the template with {@code ${var}} and {@code ${x:var}} placeholders. */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder bodyType(CallbackBodyType bodyType) {
            this.bodyType = Objects.requireNonNull(bodyType, "bodyType");
            return this;
        }

        public Builder sni(boolean sni) {
            this.sni = sni;
            return this;
        }

        /**
         * Sets a custom variable. {@code name} may be given with or without the {@code x:} prefix ({@code user} and
         * {@code x:user} are the same variable); after the prefix only lowercase letters, digits and {@code _}.
         */
        public Builder var(String name, String value) {
            String key = OssCallbackSpec.variableKey(name);
            vars.put(key, Objects.requireNonNull(value, () -> "value of callback variable " + key));
            return this;
        }

        public Builder vars(Map<String, String> values) {
            values.forEach(this::var);
            return this;
        }

        /**
         * Gives the callback a token that binds it to its upload: the spec then has to be
         * {@linkplain OssCallbackSpec#bind(CallbackTarget) bound} before it is sent. Callback templates set this.
         */
        public Builder tokenIssuer(TokenIssuer issuer) {
            this.tokenIssuer = issuer;
            return this;
        }

        public OssCallbackSpec build() {
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("a callback needs at least one URL");
            }
            if (urls.size() > MAX_URLS) {
                throw new IllegalArgumentException("a callback takes at most " + MAX_URLS + " URLs, got " + urls.size());
            }
            for (String url : urls) {
                if (url.isBlank() || url.indexOf(';') >= 0 || url.chars().anyMatch(c -> c <= ' ')) {
                    throw new IllegalArgumentException("callback URL '" + url
                            + "' must be non-empty, URL-encoded and contain no ';' or whitespace");
                }
            }
            if (host != null && !CallbackRules.isCallbackHost(host)) {
                throw new IllegalArgumentException("callback host '" + host + "' must be a host name or IPv4 address"
                        + " with an optional :port, as OSS takes it");
            }
            if (body == null || body.isEmpty()) {
                throw new IllegalArgumentException("a callback needs a non-empty body template");
            }
            checkPlaceholders(body);
            return new OssCallbackSpec(this);
        }

        /** OSS refuses a {@code $} not followed by {@code {} and an unterminated placeholder. */
        private static void checkPlaceholders(String template) {
            for (int i = template.indexOf('$'); i >= 0; i = template.indexOf('$', i + 1)) {
                if (i + 1 >= template.length() || template.charAt(i + 1) != '{') {
                    throw new IllegalArgumentException("callback body template has '$' without '{' at index " + i
                            + " (OSS: Left brace must be adjacent to dollar sign)");
                }
                if (template.indexOf('}', i) < 0) {
                    throw new IllegalArgumentException("callback body template has an unterminated '${' at index " + i);
                }
            }
        }
    }
}
