package vn.khien.vulnerabilities.parsing.formats;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import vn.khien.vulnerabilities.parsing.FindingMerger;
import vn.khien.vulnerabilities.parsing.HttpExchange;
import vn.khien.vulnerabilities.parsing.JsonStream;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Recognition;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.ReportParser;
import vn.khien.vulnerabilities.parsing.SafeXml;
import vn.khien.vulnerabilities.parsing.Severity;
import vn.khien.vulnerabilities.parsing.Sniff;
import vn.khien.vulnerabilities.parsing.Text;
import vn.khien.vulnerabilities.parsing.XmlCursor;
import vn.khien.vulnerabilities.parsing.XmlNode;

/**
 * Acunetix WVS XML ({@code <ScanGroup>}) and Acunetix 360 JSON.
 *
 * <p>XML: items with equal name, impact and recommendation are merged (one location and request
 * per item). Location = scan StartURL plus the item's {@code Affects} path. Dates are day-first.
 * JSON: items with the same {@code Name} are merged; {@code State} may mark false positives or
 * accepted risks; {@code FirstSeenDate} is day-first.
 */
final class AcunetixParser implements ReportParser {
    static final String TOOL = "Acunetix";
    private static final Pattern HREF = Pattern.compile("href=['\"]([^'\"]+)['\"]");

    @Override
    public String format() {
        return "acunetix";
    }

    /** Recognised by its root element, or a JSON export with Generated and Vulnerabilities or Target. */
    @Override
    public Recognition recognition() {
        return Recognition.xmlRoot("ScanGroup")
                .or(Recognition.json(h -> h.hasAnyKey("Generated") && h.hasAnyKey("Vulnerabilities", "Target")));
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        BufferedInputStream b = Sniff.buffered(in);
        if (Sniff.syntax(b) == Sniff.Syntax.XML) {
            parseXml(b, sink);
        } else {
            parseJson(b, sink);
        }
    }

    // ------------------------------------------------------------------ XML

    private void parseXml(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        FindingMerger<List<String>> merger = new FindingMerger<>();
        try (XmlCursor x = SafeXml.open(in)) {
            String root = x.rootElement();
            if (!root.equals("ScanGroup")) {
                throw x.error("Not an Acunetix XML report: root element is <" + root + ">, expected <ScanGroup>", null);
            }
            String startUrl = null;
            OffsetDateTime start = null;
            String name;
            while ((name = x.nextStart()) != null) {
                switch (name) {
                    case "StartURL":
                        startUrl = x.readText();
                        break;
                    case "StartTime":
                        start = Text.date(x.readText(), true);
                        break;
                    case "ReportItem":
                        addXmlItem(x.readNode(), startUrl, start, merger);
                        break;
                    default:
                        break;
                }
            }
        }
        merger.emitAll(sink);
    }

    private void addXmlItem(
            XmlNode item,
            @Nullable String startUrl,
            @Nullable OffsetDateTime start,
            FindingMerger<List<String>> merger) {
        String title = item.childText("Name");
        String impact = item.childText("Impact");
        String recommendation = item.childText("Recommendation");
        ParsedFinding.Builder b = merger.get(Arrays.asList(title, impact, recommendation), () -> {
            ParsedFinding.Builder nb = ParsedFinding.builder(TOOL)
                    .title(title)
                    .impact(impact)
                    .solution(recommendation)
                    .severity(xmlSeverity(item.childText("Severity")))
                    .vulnIdFromTool(item.childText("ModuleName"))
                    .mergedKey(title == null ? null : title.toLowerCase(Locale.ROOT))
                    .description(join(item.childText("Description"), item.childText("Details")))
                    .falsePositive("true".equalsIgnoreCase(item.childText("IsFalsePositive")))
                    .date(start);
            XmlNode cvss3 = item.child("CVSS3");
            if (cvss3 != null) nb.cvssV3(cvss3.childText("Descriptor"), Text.parseDouble(cvss3.childText("Score")));
            XmlNode cwes = item.child("CWEList");
            if (cwes != null) {
                for (XmlNode c : cwes.children("CWE")) nb.addCwe(Text.parseInt(c.attr("id")));
            }
            XmlNode refs = item.child("References");
            if (refs != null) {
                List<String> urls = new ArrayList<>();
                for (XmlNode r : refs.children("Reference"))
                    if (r.childText("URL") != null) urls.add(r.childText("URL"));
                nb.references(urls.isEmpty() ? null : String.join("\n", urls));
            }
            XmlNode cves = item.child("CVEList");
            if (cves != null) {
                for (XmlNode c : cves.children("CVE")) nb.addVulnerabilityId(c.text());
            }
            return nb;
        });
        b.countOccurrence();
        b.addLocation(xmlLocation(startUrl, item.childText("Affects")));
        XmlNode tech = item.child("TechnicalDetails");
        String request = tech == null ? null : tech.childText("Request");
        b.addExchange(new HttpExchange(request, tech == null ? null : tech.childText("Response")));
    }

    /** StartURL often has no scheme ("example.co.id", "host:8080"); Affects is a path or "Web Server". */
    private static @Nullable Location xmlLocation(@Nullable String startUrl, @Nullable String affects) {
        Location base = Location.fromUrl(startUrl);
        if (base == null) return null;
        String path = null;
        if (affects != null && affects.startsWith("/")) {
            path = affects.replaceFirst("^/+", "");
            if (path.isEmpty()) path = null;
        }
        return new Location(base.host(), base.port(), base.protocol(), path, startUrl, null, null);
    }

    private static Severity xmlSeverity(@Nullable String s) {
        if (s == null) return Severity.CRITICAL;
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "high":
                return Severity.HIGH;
            case "medium":
                return Severity.MEDIUM;
            case "low":
                return Severity.LOW;
            case "informational":
            case "info":
                return Severity.INFO;
            default:
                return Severity.CRITICAL; // the reference importer's reading of unknown levels
        }
    }

    // ------------------------------------------------------------------ Acunetix 360 JSON

    private void parseJson(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        FindingMerger<String> merger = new FindingMerger<>();
        try (JsonStream js = JsonStream.open(in)) {
            js.next();
            js.expect(JsonToken.START_OBJECT, "an Acunetix 360 report object");
            boolean sawVulns = false;
            JsonToken t;
            while ((t = js.next()) == JsonToken.PROPERTY_NAME) {
                String field = js.name();
                JsonToken v = js.next();
                if ("Vulnerabilities".equals(field) && v == JsonToken.START_ARRAY) {
                    sawVulns = true;
                    while ((v = js.next()) == JsonToken.START_OBJECT) addJsonItem(js.readTree(), merger);
                    if (v != JsonToken.END_ARRAY) throw js.error("Malformed Vulnerabilities array", null);
                } else if ("Vulnerabilities".equals(field) && v == JsonToken.VALUE_NULL) {
                    sawVulns = true;
                } else {
                    js.skip();
                }
            }
            if (t != JsonToken.END_OBJECT) throw js.error("Unexpected end of Acunetix 360 report", null);
            if (!sawVulns) throw js.error("Not an Acunetix 360 report: no 'Vulnerabilities'", null);
            js.expectEnd();
        }
        merger.emitAll(sink);
    }

    private void addJsonItem(JsonNode v, FindingMerger<String> merger) {
        String name = JsonStream.text(v, "Name");
        ParsedFinding.Builder b = merger.get(name, () -> {
            ParsedFinding.Builder nb = ParsedFinding.builder("Acunetix 360")
                    .title(name)
                    .severity(Severity.fromWordOr(JsonStream.text(v, "Severity"), Severity.INFO))
                    .vulnIdFromTool(JsonStream.text(v, "Type"))
                    .mergedKey(name == null ? null : name.toLowerCase(Locale.ROOT))
                    .uniqueIdFromTool(JsonStream.text(v, "LookupId"))
                    .description(JsonStream.text(v, "Description"))
                    .impact(JsonStream.text(v, "Impact"))
                    .solution(join(JsonStream.text(v, "RemedialActions"), JsonStream.text(v, "RemedialProcedure")))
                    .date(Text.date(JsonStream.text(v, "FirstSeenDate"), true));
            String state = JsonStream.textOrEmpty(v, "State");
            if (state.contains("FalsePositive")) nb.falsePositive(true).active(false);
            if (state.contains("AcceptedRisk")) nb.riskAccepted(true);
            nb.verified("true".equalsIgnoreCase(JsonStream.text(v, "Confirmed")));
            JsonNode cls = v.path("Classification");
            String cwes = JsonStream.text(cls, "Cwe");
            if (cwes != null) {
                for (String c : cwes.split("[,\\s]+")) nb.addCwe(Text.cwe(c));
            }
            // the CVSS 3.0 block is what the report headlines; 3.1 only when 3.0 is absent
            JsonNode cvss = cls.path("Cvss").isObject() ? cls.path("Cvss") : cls.path("Cvss31");
            nb.cvssV3(JsonStream.text(cvss, "Vector"), JsonStream.number(cvss.path("BaseScore"), "Value"));
            List<String> refs = new ArrayList<>();
            String lookup = JsonStream.text(v, "LookupId");
            if (lookup != null) refs.add("https://online.acunetix360.com/issues/detail/" + lookup);
            Matcher m = HREF.matcher(JsonStream.textOrEmpty(v, "ExternalReferences"));
            while (m.find()) refs.add(m.group(1));
            nb.references(refs.isEmpty() ? null : String.join("\n", refs));
            for (JsonNode kv : JsonStream.list(v, "KnownVulnerabilities")) {
                Text.cvesIn(kv.toString()).forEach(nb::addVulnerabilityIdOnce);
            }
            return nb;
        });
        b.countOccurrence();
        b.addLocation(Location.fromUrl(Location.normalizeEscapes(JsonStream.text(v, "Url"))));
        b.addExchange(new HttpExchange(
                JsonStream.text(v.path("HttpRequest"), "Content"), JsonStream.text(v.path("HttpResponse"), "Content")));
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + "\n\n" + b;
    }
}
