package vn.khien.vulnerabilities.parsing.formats;

import java.io.InputStream;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
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
 * OWASP ZAP XML report (classic and "XML plus"). One finding per alert item per site, no
 * merging; each instance adds a location (URL without query/fragment) and, when present, a
 * request/response pair. Each alert item is emitted as soon as it is read.
 */
final class ZapParser implements ReportParser {
    static final String TOOL = "ZAP";

    @Override
    public String format() {
        return "zap";
    }

    /** Recognised by its root element. */
    @Override
    public Recognition recognition() {
        return Recognition.xmlRoot("OWASPZAPReport");
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        try (XmlCursor x = SafeXml.open(in)) {
            String root = x.rootElement();
            if (!root.equals("OWASPZAPReport")) {
                throw x.error("Not a ZAP XML report: root element is <" + root + ">, expected <OWASPZAPReport>", null);
            }
            String name;
            String site = null;
            while ((name = x.nextStart()) != null) {
                if (name.equals("site")) {
                    site = x.attr("name");
                } else if (name.equals("alertitem")) {
                    sink.accept(toFinding(x.readNode(), site));
                }
            }
        }
    }

    /** One alert item of one site, with all its instances (URLs): a merged finding keyed by site + alert. */
    private ParsedFinding toFinding(XmlNode a, @Nullable String site) {
        String title = a.childText("alert") != null ? a.childText("alert") : a.childText("name");
        ParsedFinding.Builder b = ParsedFinding.builder(TOOL)
                .title(title)
                .mergedKey(
                        site == null ? null : site.toLowerCase(Locale.ROOT),
                        a.childText("alertRef"),
                        title == null ? null : title.toLowerCase(Locale.ROOT))
                .severity(riskSeverity(Text.parseInt(a.childText("riskcode"))))
                .vulnIdFromTool(a.childText("pluginid"))
                .description(join(a.childText("desc"), a.childText("otherinfo")))
                .solution(a.childText("solution"))
                .references(a.childText("reference"));
        b.addCwe(Text.parseInt(a.childText("cweid")));
        XmlNode instances = a.child("instances");
        if (instances != null) {
            for (XmlNode inst : instances.children("instance")) {
                Location l = Location.fromUrl(inst.childText("uri"));
                if (l != null) b.addLocation(l);
                String request = join(
                        inst.childText("requestheader"),
                        inst.child("requestbody") == null
                                ? null
                                : inst.child("requestbody").rawText());
                String response = join(
                        inst.childText("responseheader"),
                        inst.child("responsebody") == null
                                ? null
                                : inst.child("responsebody").rawText());
                if (request != null || response != null) b.addExchange(new HttpExchange(request, response));
            }
        }
        return b.build();
    }

    private static Severity riskSeverity(@Nullable Integer code) {
        if (code == null) return Severity.INFO;
        switch (code) {
            case 3:
                return Severity.HIGH;
            case 2:
                return Severity.MEDIUM;
            case 1:
                return Severity.LOW;
            default:
                return Severity.INFO;
        }
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        if (a == null || a.isBlank()) return b == null || b.isBlank() ? null : b;
        if (b == null || b.isBlank()) return a;
        return a + "\n\n" + b;
    }
}
