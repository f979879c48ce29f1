package vn.khien.vulnerabilities.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link XmlCursor#readChildTexts} (the Nessus parser's way through 200,000 ReportItems without building a tree) gives
 * what {@link XmlCursor#readNode()} followed by {@link XmlNode#childText} gives, and fails the same way.
 */
class XmlCursorChildTextsTest {

    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "missing");

    private static final String ITEM = "<item x=\"1\">  own text <a>  first a  </a><a>second a</a>"
            + "<b><![CDATA[cdata <b>]]> and text</b><c></c><c>not the first c</c>"
            + "<d>before<!-- a comment -->after<nested>deeper text</nested> tail</d>"
            + "<skipped>long plugin output\nwith lines</skipped><e>x &amp; y</e></item>";

    @Test
    void givesWhatTheTreeGivesForEveryName() throws Exception {
        String[] fast = new String[NAMES.size()];
        try (XmlCursor x = SafeXml.open(xml("<root>" + ITEM + ITEM + "</root>"))) {
            x.rootElement();
            assertThat(x.nextStart()).isEqualTo("item");
            x.readChildTexts(NAMES, fast);
            assertThat(x.nextStart()).isEqualTo("item"); // the cursor ended on the item's end, as readNode leaves it
            XmlNode tree = x.readNode();
            List<String> expected = new ArrayList<>();
            for (String name : NAMES) {
                expected.add(tree.childText(name));
            }
            assertThat(fast).containsExactlyElementsOf(expected);
        }
        assertThat(fast).containsExactly("first a", "cdata <b> and text", null, "beforeafter tail", "x & y", null);
    }

    @Test
    void aTruncatedItemFailsAsReadNodeDoes() throws Exception {
        try (XmlCursor x = SafeXml.open(xml("<root><item><a>text</a>"))) {
            x.rootElement();
            x.nextStart();
            assertThatThrownBy(() -> x.readChildTexts(NAMES, new String[NAMES.size()]))
                    .isInstanceOf(ReportFormatException.class);
        }
    }

    private static ByteArrayInputStream xml(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
