package io.quarkiverse.alioss.emulator.xml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parses the small XML request bodies (CompleteMultipartUpload, Delete) with DTDs and external entities refused.
 * Returns null for anything not well-formed so the caller can answer MalformedXML.
 */
public final class XmlRequestParser {

    private XmlRequestParser() {
    }

    public static Element parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new ByteArrayInputStream(asXml11(body)));
            return doc.getDocumentElement();
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Clients write control characters in keys as character references ({@code &#x01;}), which XML 1.0 forbids and
     * XML 1.1 allows; OSS accepts them, so the body is read as XML 1.1 (for these small documents the only
     * difference that matters).
     */
    private static byte[] asXml11(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        String declaration = "<?xml version=\"1.1\" encoding=\"UTF-8\"?>";
        if (text.startsWith("<?xml")) {
            int end = text.indexOf("?>");
            if (end < 0) {
                return body;
            }
            text = declaration + text.substring(end + 2);
        } else {
            text = declaration + text;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }

    /** Text of the first child element with that name, exactly as sent (keys may have spaces), or null. */
    public static String childRawText(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    /** Text of the first child element with that name, trimmed, or null when absent. */
    public static String childText(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
