package io.quarkiverse.alioss.emulator.callback;

import static io.quarkiverse.alioss.emulator.callback.CallbackArgumentException.CALLBACK;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validated callback parameter of one upload (URLs, host, body template, body type, SNI, custom variables).
 * Validation follows the OSS InvalidArgument rules and messages (protocol reference, section 1.5).
 */
public final class CallbackSpec {

    /** OSS limits the Base64 text of {@code callback} and {@code callback-var} to 5 KB. */
    static final int MAX_BASE64_LENGTH = 5 * 1024;

    private static final Pattern HOST_HEADER = Pattern.compile("[A-Za-z0-9._-]+(:[0-9]{1,5})?");

    private final List<URI> urls;
    private final String host;
    private final String bodyTemplateText;
    private final BodyTemplate bodyTemplate;
    private final CallbackBodyType bodyType;
    private final boolean sni;
    private final Map<String, String> customVariables;

    private CallbackSpec(List<URI> urls, String host, String bodyTemplateText, BodyTemplate bodyTemplate,
            CallbackBodyType bodyType, boolean sni, Map<String, String> customVariables) {
        this.urls = urls;
        this.host = host;
        this.bodyTemplateText = bodyTemplateText;
        this.bodyTemplate = bodyTemplate;
        this.bodyType = bodyType;
        this.sni = sni;
        this.customVariables = customVariables;
    }

    /** PutObject / CompleteMultipartUpload / presigned PUT: the Base64 `callback` and optional Base64 `callback-var`. */
    public static CallbackSpec parse(String callbackBase64, String callbackVarBase64OrNull) {
        Map<String, String> vars = callbackVarBase64OrNull == null ? Map.of()
                : CallbackVars.parseBase64(callbackVarBase64OrNull);
        return parseCallback(callbackBase64, vars);
    }

    /**
     * PostObject: Base64 `callback` form field plus the `x:*` form fields (raw values, names as sent, e.g. "x:uid").
     * Form field names are case-insensitive in OSS, so names are lowercased here; there is no 5 KB limit.
     */
    public static CallbackSpec parseForPostObject(String callbackBase64, Map<String, String> xFields) {
        return parseCallback(callbackBase64, CallbackVars.fromPostFields(xFields));
    }

    private static CallbackSpec parseCallback(String callbackBase64, Map<String, String> vars) {
        if (callbackBase64 == null) {
            throw invalid("The callback configuration is not base64 encoded.", "", null);
        }
        if (callbackBase64.length() > MAX_BASE64_LENGTH) {
            throw invalid("The length of callback exceed max value.", callbackBase64, null);
        }
        String json;
        try {
            json = new String(Base64.getDecoder().decode(callbackBase64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("The callback configuration is not base64 encoded.", callbackBase64, null);
        }
        ObjectNode config = StrictJson.parseObject(json);
        if (config == null) {
            throw invalid("The callback configuration is not json format.", json, "0007-00000003");
        }
        if (config.has("callbackPolicy")) {
            throw invalid("The callback policy is not supported by the OSS emulator; "
                    + "put callbackUrl and callbackBody into the callback parameter itself.", json, null);
        }
        List<URI> urls = parseUrls(config.get("callbackUrl"), json);
        String host = parseHost(config.get("callbackHost"), json);
        JsonNode bodyNode = config.get("callbackBody");
        if (bodyNode == null || bodyNode.isNull() || (bodyNode.isTextual() && bodyNode.textValue().isEmpty())) {
            throw invalid("The callback body is empty.", json, "0007-00000011");
        }
        if (!bodyNode.isTextual()) {
            throw invalid(BodyTemplate.BODY_INVALID_MESSAGE, json, null);
        }
        BodyTemplate template;
        try {
            template = BodyTemplate.parse(bodyNode.textValue());
        } catch (BodyTemplate.InvalidTemplate e) {
            throw invalid(e.getMessage(), json, e.ec);
        }
        CallbackBodyType bodyType = parseBodyType(config.get("callbackBodyType"), json);
        JsonNode sniNode = config.get("callbackSNI");
        if (sniNode != null && !sniNode.isBoolean()) {
            throw invalid("The callback sni is invalid.", json, null);
        }
        JsonNode signatureVersion = config.get("signatureVersion");
        if (signatureVersion != null
                && !(signatureVersion.isTextual() && signatureVersion.textValue().equals("1.0"))) {
            throw invalid("The callback signature version is invalid.", json, null);
        }
        boolean sni = sniNode != null && sniNode.booleanValue();
        return new CallbackSpec(urls, host, bodyNode.textValue(), template, bodyType, sni, vars);
    }

    private static List<URI> parseUrls(JsonNode node, String json) {
        if (node == null || !node.isTextual()) {
            throw invalid(CallbackUrls.INVALID_MESSAGE, json, null);
        }
        try {
            return CallbackUrls.parse(node.textValue());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), json, null);
        }
    }

    private static String parseHost(JsonNode node, String json) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || !HOST_HEADER.matcher(node.textValue()).matches()) {
            throw invalid("The callback host configuration is invalid.", json, null);
        }
        return node.textValue();
    }

    private static CallbackBodyType parseBodyType(JsonNode node, String json) {
        if (node == null || node.isNull()) {
            return CallbackBodyType.FORM;
        }
        if (!node.isTextual()) {
            throw invalid("The callback body type configuration is invalid.", json, "0007-00000012");
        }
        CallbackBodyType type = CallbackBodyType.fromContentType(node.textValue());
        if (type == null) {
            throw invalid("The body type of callback is not supported.", json, null);
        }
        return type;
    }

    private static CallbackArgumentException invalid(String message, String value, String ec) {
        return new CallbackArgumentException(message, CALLBACK, value, ec);
    }

    /** 1..5 URLs, in the order OSS tries them; a missing scheme was completed to http. */
    public List<URI> urls() {
        return urls;
    }

    /** The {@code callbackHost} for the Host header, or null to use the URL's host[:port]. */
    public String host() {
        return host;
    }

    public String bodyTemplate() {
        return bodyTemplateText;
    }

    public CallbackBodyType bodyType() {
        return bodyType;
    }

    public boolean sni() {
        return sni;
    }

    /** Custom variables by full name, e.g. {@code "x:uid"}. */
    public Map<String, String> customVariables() {
        return customVariables;
    }

    /** The callback request body for these upload facts, substituted as OSS does. */
    public byte[] renderBody(UploadFacts facts, CallbackRenderOptions options) {
        return bodyTemplate.render(SystemVariables.valuesOf(facts), customVariables, bodyType, options)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The request target sent to {@code url}: its raw path (or "/") and raw query, exactly. */
    public static String requestTarget(URI url) {
        return CallbackUrls.requestTarget(url);
    }
}
