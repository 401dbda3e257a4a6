package io.quarkiverse.alioss.runtime.client;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A minimal element tree read with StAX: OSS responses are small, flat documents, so a tree of names, texts and
 * children is all the mapping code needs. Namespaces are ignored (old OSS responses carry one, new ones do not).
 * DTDs and external entities are disabled.
 */
final class XmlNode {

    private static final XMLInputFactory FACTORY = createFactory();

    private final String name;
    private final StringBuilder text = new StringBuilder();
    private final List<XmlNode> children = new ArrayList<>();

    private XmlNode(String name) {
        this.name = name;
    }

    static XmlNode parse(byte[] xml) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                List<XmlNode> stack = new ArrayList<>();
                XmlNode root = null;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        XmlNode node = new XmlNode(reader.getLocalName());
                        if (stack.isEmpty()) {
                            root = node;
                        } else {
                            stack.get(stack.size() - 1).children.add(node);
                        }
                        stack.add(node);
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        stack.remove(stack.size() - 1);
                    } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                            && !stack.isEmpty()) {
                        stack.get(stack.size() - 1).text.append(reader.getText());
                    }
                }
                if (root == null) {
                    throw new IllegalArgumentException("XML document has no root element");
                }
                return root;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("Malformed XML: " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    String text() {
        return text.toString().trim();
    }

    List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    List<XmlNode> all(String childName) {
        List<XmlNode> result = new ArrayList<>();
        for (XmlNode child : children) {
            if (child.name.equals(childName)) {
                result.add(child);
            }
        }
        return result;
    }

    Optional<XmlNode> child(String childName) {
        for (XmlNode child : children) {
            if (child.name.equals(childName)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** Text of the named child, empty when the child is missing or blank. */
    Optional<String> childText(String childName) {
        return child(childName).map(XmlNode::text).filter(t -> !t.isEmpty());
    }

    String requiredText(String childName) {
        return childText(childName).orElseThrow(
                () -> new IllegalArgumentException("<" + name + "> has no <" + childName + "> element"));
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows this property; DTD support is off anyway
        }
        return factory;
    }
}
