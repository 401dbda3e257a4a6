package io.quarkiverse.alioss.runtime.callback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackBindingException;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackFields;
import io.quarkiverse.alioss.runtime.config.OssCallbackSettings;

/**
 * One {@code @OssCallback} endpoint's callback: name, route path, body type, and a body template with the variables the
 * method binds plus {@code bucket} and {@code object} (which the callback token pins), under keys that
 * {@link CallbackFields} reads back. Built once at startup; {@link #fill} turns it into the {@link OssCallbackSpec} for
 * one upload, and the route reads received bodies by the same fields.
 * <p>
 * Form template: {@code bucket=${bucket}&size=${size}&x%3Auser=${x:user}} (keys form-encoded). JSON template:
 * {@code {"bucket":${bucket},"size":${size},"x:user":${x:user}}} (placeholders unquoted: OSS inserts strings quoted and
 * numbers bare; dotted system variables use flat keys such as {@code "imageInfo.width"}).
 */
public final class CallbackTemplate {

    /**
     * One body field: {@code key} in the body, filled by {@code variable} (a system variable like {@code size} or
     * {@code imageInfo.width}, or a custom one like {@code x:user}).
     */
    public record Field(String key, String variable) {
        public Field {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(variable, "variable");
        }

        /** A field whose key is the variable name itself. */
        public static Field of(String variable) {
            return new Field(variable, variable);
        }

        boolean isCustom() {
            return variable.startsWith("x:");
        }
    }

    private final String name;
    private final String path;
    private final CallbackBodyType bodyType;
    private final String host;
    private final boolean sni;
    private final List<Field> fields;
    private final List<String> customVariables;
    /** The fields that carry each variable, in template order: what the route reads per variable. */
    private final Map<String, List<Field>> fieldsByVariable;
    private final String body;

    private CallbackTemplate(String name, String path, CallbackBodyType bodyType, String host, boolean sni,
            List<Field> fields) {
        this.name = name;
        this.path = path;
        this.bodyType = bodyType;
        this.host = host;
        this.sni = sni;
        this.fields = List.copyOf(fields);
        this.customVariables = fields.stream().filter(Field::isCustom).map(Field::variable).distinct()
                .toList();
        Map<String, List<Field>> byVariable = new HashMap<>();
        this.fields.forEach(field -> byVariable.computeIfAbsent(field.variable(), v -> new ArrayList<>()).add(field));
        byVariable.replaceAll((variable, carrying) -> List.copyOf(carrying));
        this.fieldsByVariable = Map.copyOf(byVariable);
        this.body = bodyType == CallbackBodyType.JSON ? jsonBody(this.fields) : formBody(this.fields);
    }

    /**
     * Trusts its input: the build checked the name, path, variables and body keys of every {@code @OssCallback} method
     * against {@link CallbackRules} (see the deployment's {@code CallbackMethodModel}), with errors naming the method.
     *
     * @param host {@code callbackHost}, or null / empty for the URL's host
     */
    public static CallbackTemplate of(String name, String path, CallbackBodyType bodyType, String host, boolean sni,
            List<Field> fields) {
        return new CallbackTemplate(name, path, bodyType, host == null || host.isBlank() ? null : host, sni, fields);
    }

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    public CallbackBodyType bodyType() {
        return bodyType;
    }

    public String body() {
        return body;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The custom variables ({@code x:name}) the body uses; {@link #fill} needs a value for each. */
    public List<String> customVariables() {
        return customVariables;
    }

    /**
     * One field per bound variable, {@code bucket} and {@code object} first when the parameters do not bind them: an
     * {@link OssUpload} parameter binds all system variables under their names.
     */
    public static List<Field> fieldsOf(CallbackEndpoint endpoint) {
        Set<Field> fields = new LinkedHashSet<>();
        for (String pinned : List.of("bucket", "object")) {
            boolean bound = endpoint.parameters().stream().anyMatch(p -> p.source() == CallbackParameter.Source.UPLOAD
                    || pinned.equals(p.variable()));
            if (!bound) {
                fields.add(Field.of(pinned));
            }
        }
        for (CallbackParameter parameter : endpoint.parameters()) {
            if (parameter.source() == CallbackParameter.Source.UPLOAD) {
                OssUpload.SYSTEM_VARIABLES.forEach(variable -> fields.add(Field.of(variable)));
            } else {
                fields.add(new Field(parameter.bodyKey(), parameter.variable()));
            }
        }
        return new ArrayList<>(fields);
    }

    /** The template of a callback endpoint, as its annotation declares it. */
    public static CallbackTemplate of(CallbackEndpoint endpoint) {
        return of(endpoint, OssCallbackSettings.EndpointDelivery.NONE);
    }

    /**
     * The template of a callback endpoint, with {@code callbackHost} and {@code callbackSNI} from configuration where it
     * sets them ({@code quarkus.oss.callback.endpoint."name".*}), else from the annotation.
     */
    public static CallbackTemplate of(CallbackEndpoint endpoint, OssCallbackSettings.EndpointDelivery configured) {
        return of(endpoint.name(), endpoint.path(), endpoint.bodyType(),
                configured.host().orElse(endpoint.callbackHost()), configured.sni().orElse(endpoint.sni()),
                fieldsOf(endpoint));
    }

    /**
     * The callback for one upload.
     *
     * @param xVars a value for every custom variable, keyed {@code name} or {@code x:name}
     * @param tokenIssuer issues the token once the upload is known; null to send no token
     * @throws IllegalArgumentException naming a missing or unknown variable
     */
    public OssCallbackSpec fill(List<String> urls, Map<String, String> xVars, OssCallbackSpec.TokenIssuer tokenIssuer) {
        Map<String, String> values = new LinkedHashMap<>();
        xVars.forEach((k, v) -> values.put(OssCallbackSpec.variableKey(k), v));
        for (String key : values.keySet()) {
            if (!customVariables.contains(key)) {
                throw new IllegalArgumentException("callback '" + name + "' has no variable '" + key + "'; it has "
                        + customVariables);
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String variable : customVariables) {
            String value = values.get(variable);
            if (value == null) {
                throw new IllegalArgumentException("callback '" + name + "' needs a value for variable '" + variable
                        + "'");
            }
            ordered.put(variable, value);
        }
        OssCallbackSpec.Builder spec = OssCallbackSpec.builder()
                .urls(urls)
                .host(host)
                .body(body)
                .bodyType(bodyType)
                .vars(ordered)
                .tokenIssuer(tokenIssuer);
        if (sni) {
            spec.sni(true);
        }
        return spec.build();
    }

    /**
     * The received value of {@code variable}: every field that carries it must hold the same value (else a body could
     * show the token one value and the method another).
     *
     * @return null when no field carries it or the fields are empty
     * @throws CallbackBindingException when two fields disagree, or a JSON body has a non-string there
     */
    public String stringValueOf(CallbackFields received, String variable) {
        String value = null;
        String firstKey = null;
        for (Field field : fieldsByVariable.getOrDefault(variable, List.of())) {
            String text = received.string(field.key());
            if (firstKey == null) {
                value = text;
                firstKey = field.key();
            } else if (!Objects.equals(blankToNull(value), blankToNull(text))) {
                throw new CallbackBindingException(field.key(), "differs from '" + firstKey
                        + "', which carries the same variable " + variable);
            }
        }
        return value;
    }

    /** The received values of the custom variables, keyed {@code x:name}, as the token binds them. */
    public Map<String, String> customValuesOf(CallbackFields received) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String variable : customVariables) {
            values.put(variable, stringValueOf(received, variable));
        }
        return values;
    }

    /** The texts of every field that carries {@code variable} (absent ones left out), numbers as their text. */
    public List<String> valuesOf(CallbackFields received, String variable) {
        List<String> values = new ArrayList<>();
        for (Field field : fieldsByVariable.getOrDefault(variable, List.of())) {
            String text = received.get(field.key());
            if (text != null && !text.isEmpty()) {
                values.add(text);
            }
        }
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String formBody(List<Field> fields) {
        List<String> pairs = new ArrayList<>(fields.size());
        for (Field field : fields) {
            pairs.add(URLEncoder.encode(field.key(), StandardCharsets.UTF_8) + "=${" + field.variable() + "}");
        }
        return String.join("&", pairs);
    }

    private static String jsonBody(List<Field> fields) {
        List<String> members = new ArrayList<>(fields.size());
        for (Field field : fields) {
            members.add("\"" + new String(JsonStringEncoder.getInstance().quoteAsString(field.key())) + "\":${"
                    + field.variable() + "}");
        }
        return "{" + String.join(",", members) + "}";
    }
}
