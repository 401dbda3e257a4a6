package io.quarkiverse.alioss.emulator.callback;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.xml.sax.helpers.DefaultHandler;

import io.vertx.core.buffer.Buffer;

/** Checks that an app's 200 reply body is one OSS accepts: JSON, or XML when the Content-Type says application/xml. */
final class CallbackReply {

    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final String NOT_JSON_MESSAGE = "Response body is not valid json format.";
    static final String NOT_XML_MESSAGE = "Response body is not valid xml format.";

    private CallbackReply() {
    }

    /** Null when acceptable, else the failure message. */
    static String problemWith(Buffer body, String contentType) {
        byte[] bytes = body.getBytes();
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return isXml(contentType) ? NOT_XML_MESSAGE : NOT_JSON_MESSAGE;
        }
        if (isXml(contentType)) {
            return isWellFormedXml(bytes) ? null : NOT_XML_MESSAGE;
        }
        return StrictJson.parse(new String(bytes, StandardCharsets.UTF_8)) == null ? NOT_JSON_MESSAGE : null;
    }

    static boolean isXml(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.toLowerCase(Locale.ROOT).equals("application/xml");
    }

    private static boolean isWellFormedXml(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
            builder.parse(new ByteArrayInputStream(bytes));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
