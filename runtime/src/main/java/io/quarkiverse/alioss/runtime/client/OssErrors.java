package io.quarkiverse.alioss.runtime.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssException;

/**
 * Turns an OSS error response into an {@link OssException}: the XML body, or for HEAD (no body) the Base64 XML in
 * {@code x-oss-err}; 203 becomes an {@link OssCallbackFailedException}.
 */
final class OssErrors {

    private OssErrors() {
    }

    /**
     * @param header looks up a response header by name (case-insensitive), null when absent
     */
    static OssException fromResponse(String method, String key, int status, Function<String, String> header,
            byte[] body) {
        ErrorFields fields = parseBody(body).or(() -> parseErrHeader(header.apply("x-oss-err")))
                .orElseGet(() -> new ErrorFields(fallbackCode(status), "HTTP " + status + " without an error document",
                        null, null, null));
        String requestId = fields.requestId != null ? fields.requestId : header.apply("x-oss-request-id");
        String ec = fields.ec != null ? fields.ec : header.apply("x-oss-ec");
        if (status == 203) {
            return new OssCallbackFailedException(fields.message, requestId, fields.hostId, ec, method, key,
                    ResponseHeaders.unquote(header.apply("ETag")), ResponseHeaders.crc64(header.apply("x-oss-hash-crc64ecma")));
        }
        return new OssException(status, fields.code, fields.message, requestId, fields.hostId, ec, method, key, null);
    }

    private static Optional<ErrorFields> parseBody(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            XmlNode root = XmlNode.parse(body);
            if (!root.name().equals("Error")) {
                return Optional.empty();
            }
            return Optional.of(new ErrorFields(root.childText("Code").orElse("UnknownError"),
                    root.childText("Message").orElse(""), root.childText("RequestId").orElse(null),
                    root.childText("HostId").orElse(null), root.childText("EC").orElse(null)));
        } catch (IllegalArgumentException notXml) {
            return Optional.empty();
        }
    }

    private static Optional<ErrorFields> parseErrHeader(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return parseBody(Base64.getDecoder().decode(value.trim()));
        } catch (IllegalArgumentException notBase64) {
            return Optional.of(new ErrorFields("UnknownError", new String(value.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8), null, null, null));
        }
    }

    private static String fallbackCode(int status) {
        return switch (status) {
            case 403 -> "AccessDenied";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 429 -> "Throttling";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "InternalError" : "UnknownError";
        };
    }

    private record ErrorFields(String code, String message, String requestId, String hostId, String ec) {
    }
}
