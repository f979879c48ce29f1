package vn.khien.vulnerabilities.parsing.formats;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.khien.vulnerabilities.parsing.FindingMerger;
import vn.khien.vulnerabilities.parsing.HttpExchange;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Recognition;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.ReportParser;
import vn.khien.vulnerabilities.parsing.SafeXml;
import vn.khien.vulnerabilities.parsing.Severity;
import vn.khien.vulnerabilities.parsing.Text;
import vn.khien.vulnerabilities.parsing.XmlCursor;
import vn.khien.vulnerabilities.parsing.XmlNode;

/**
 * Burp Suite XML issues export. Issues are merged by issue {@code type} across the report:
 * one finding per issue type with one location (and request/response) per issue.
 */
final class BurpParser implements ReportParser {
    static final String TOOL = "Burp Suite";

    @Override
    public String format() {
        return "burp";
    }

    /** Recognised by its root element. */
    @Override
    public Recognition recognition() {
        return Recognition.xmlRoot("issues");
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        FindingMerger<String> merger = new FindingMerger<>();
        try (XmlCursor x = SafeXml.open(in)) {
            String root = x.rootElement();
            if (!root.equals("issues")) {
                throw x.error("Not a Burp issues export: root element is <" + root + ">, expected <issues>", null);
            }
            String name;
            while ((name = x.nextStart()) != null) {
                if (name.equals("issue")) add(x.readNode(), merger);
            }
        }
        merger.emitAll(sink);
    }

    private void add(XmlNode issue, FindingMerger<String> merger) {
        String type = issue.childText("type");
        String key = type != null ? type : issue.childText("name");
        ParsedFinding.Builder b = merger.get(key, () -> {
            ParsedFinding.Builder nb = ParsedFinding.builder(TOOL)
                    .title(issue.childText("name"))
                    .severity(Severity.fromWordOr(issue.childText("severity"), Severity.INFO))
                    .vulnIdFromTool(type)
                    .mergedKey()
                    .uniqueIdFromTool(issue.childText("serialNumber"))
                    .description(join(issue.childText("issueBackground"), issue.childText("issueDetail")))
                    .solution(join(issue.childText("remediationBackground"), issue.childText("remediationDetail")))
                    .references(issue.childText("references"));
            Text.cwesIn(issue.childText("vulnerabilityClassifications")).forEach(nb::addCwe);
            return nb;
        });
        b.countOccurrence();
        String host = issue.childText("host");
        String path = issue.childText("path");
        if (host != null) b.addLocation(Location.fromUrl(host + (path == null ? "" : path)));
        for (XmlNode rr : issue.children("requestresponse")) {
            b.addExchange(new HttpExchange(decode(rr.child("request")), decode(rr.child("response"))));
        }
    }

    private static @Nullable String decode(@Nullable XmlNode n) {
        String text = n == null ? null : n.text();
        if (n == null || text == null) return null;
        if ("true".equals(n.attr("base64"))) {
            try {
                return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return text; // keep undecodable evidence as-is rather than losing it
            }
        }
        return n.rawText();
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + "\n\n" + b;
    }
}
