package io.quarkiverse.alioss.emulator.xml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Answers are well-formed whatever the keys contain, and look like OSS's. */
class XmlWriterTest {

    @Test
    void escapesMarkupKeepsQuotesAndSkipsNulls() {
        String xml = new XmlWriter().start("R").element("Key", "a<b>&c\"d'\u0001").element("Absent", null)
                .element("ETag", "\"ABC\"").toXml();
        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<R><Key>a&lt;b&gt;&amp;c\"d'&#1;</Key><ETag>\"ABC\"</ETag></R>");
        assertThat(XmlRequestParser.parse(xml.replace("&#1;", "").getBytes())).isNotNull();
    }

    @Test
    void parserRefusesDoctypesAndGarbage() {
        assertThat(XmlRequestParser.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                .getBytes())).isNull();
        assertThat(XmlRequestParser.parse("not xml".getBytes())).isNull();
    }
}
