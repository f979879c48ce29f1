package vn.khien.vulnerabilities.parsing;

import java.io.BufferedInputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Guesses the report format from the first {@link Sniff#HEAD_BYTES} bytes: the XML root
 * element, the top-level JSON keys (of the object, or of the first array element / JSON line)
 * or the CSV header. The stream is left unconsumed (mark/reset).
 */
final class FormatDetector {
    private static final Pattern XML_SKIP = Pattern.compile("<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^\\[>]*(\\[.*?\\])?\\s*>",
            Pattern.DOTALL);
    private static final Pattern XML_ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

    private FormatDetector() {
    }

    /**
     * Returns the format name as registered in {@link ReportParsers}.
     *
     * @throws ReportFormatException when the content matches no supported format or is empty
     */
    public static String detect(BufferedInputStream in) throws ReportFormatException {
        if (ZipReportUnpacker.isZip(in)) {
            throw new ReportFormatException("This is a zip archive; ReportParsers.parse unpacks it before detection",
                    "start of file");
        }
        String head = Sniff.head(in, Sniff.HEAD_BYTES);
        switch (Sniff.syntax(head)) {
            case EMPTY:
                throw new ReportFormatException("Empty file: the report format cannot be detected", "start of file");
            case XML:
                return fromXml(head);
            case JSON:
                return fromJson(head);
            default:
                return fromCsv(head);
        }
    }

    static String fromXml(String head) throws ReportFormatException {
        String body = XML_SKIP.matcher(head).replaceAll("");
        Matcher m = XML_ROOT.matcher(body);
        if (!m.find()) {
            throw new ReportFormatException("XML without a recognisable root element", "start of file");
        }
        String root = m.group(1);
        int colon = root.indexOf(':');
        if (colon >= 0) root = root.substring(colon + 1);
        switch (root) {
            case "NessusClientData_v2": case "NessusClientData": return "nessus";
            case "report": case "get_reports_response": return "openvas";
            case "OWASPZAPReport": return "zap";
            case "issues": return "burp";
            case "nmaprun": return "nmap";
            case "ASSET_DATA_REPORT": return "qualys";
            case "SCAN": return "qualys_infrascan_webgui";
            case "WAS_SCAN_REPORT": case "WAS_WEBAPP_REPORT": return "qualys_webapp";
            case "ScanGroup": return "acunetix";
            default:
                throw new ReportFormatException("Unsupported XML report: root element <" + root + "> is not a known"
                        + " scanner format", "root element");
        }
    }

    static String fromJson(String head) throws ReportFormatException {
        if (head.strip().startsWith("null")) {
            return "trivy"; // legacy Trivy writes the literal null for a clean scan
        }
        Set<String> keys = new HashSet<>();
        boolean arrayRoot = false;
        try (JsonParser p = JsonStream.MAPPER.createParser(head)) {
            int depth = 0;
            int keyDepth = -1;
            JsonToken t;
            while ((t = p.nextToken()) != null && keys.size() < 200) {
                if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                    if (depth == 0) {
                        arrayRoot = t == JsonToken.START_ARRAY;
                        keyDepth = arrayRoot ? 2 : 1;
                    }
                    depth++;
                } else if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                    depth--;
                    if (depth == 0 && !arrayRoot) break; // first JSON line / object is enough
                    if (arrayRoot && depth == 1) break;   // first array element is enough
                } else if (t == JsonToken.PROPERTY_NAME && depth == keyDepth) {
                    keys.add(p.currentName());
                }
            }
        } catch (JacksonException e) {
            // the head is usually cut in the middle of a value: the keys seen so far decide
        }
        if (keys.contains("runs")) return "sarif";
        if (keys.contains("SchemaVersion") || keys.contains("ClusterName") || keys.contains("ArtifactName")
                || (arrayRoot && keys.contains("Target") && !keys.contains("Generated"))) return "trivy";
        if (keys.contains("template-id") || keys.contains("templateID") || keys.contains("matched-at")
                || keys.contains("matched") || keys.contains("template")) return "nuclei";
        if (keys.contains("Generated") && (keys.contains("Vulnerabilities") || keys.contains("Target"))) return "acunetix";
        if (keys.contains("findings")) return "generic";
        if (arrayRoot && keys.isEmpty()) {
            // "[]" is a valid empty Nuclei export; nothing else we support uses a bare empty array
            return "nuclei";
        }
        throw new ReportFormatException("Unsupported JSON report: top-level keys " + keys
                + " match no known scanner format", "JSON path '/'");
    }

    static String fromCsv(String head) throws ReportFormatException {
        int nl = head.indexOf('\n');
        String header = (nl >= 0 ? head.substring(0, nl) : head).toLowerCase(Locale.ROOT);
        Set<String> cols = new HashSet<>();
        for (String c : header.split("[,;]")) {
            cols.add(c.replace("\"", "").trim());
        }
        if (cols.contains("nvt name") || cols.contains("nvt oid")) return "openvas";
        if (cols.contains("qid") && (cols.contains("title") || cols.contains("vuln title"))) return "qualys";
        if ((cols.contains("plugin id") || cols.contains("plugin") || cols.contains("definition.id"))
                && (cols.contains("name") || cols.contains("plugin name") || cols.contains("asset.name")
                    || cols.contains("definition.name"))) return "nessus";
        if (cols.contains("title") && cols.contains("severity")) return "generic";
        throw new ReportFormatException("Unsupported CSV report: header [" + header.strip()
                + "] matches no known scanner format", "CSV header (line 1)");
    }
}
