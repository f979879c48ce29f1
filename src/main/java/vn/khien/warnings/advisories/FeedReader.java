package vn.khien.warnings.advisories;

import java.io.InputStream;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one advisory file, detecting its format from the content, and hands each advisory to a sink as soon as it
 * is read. The big formats (the KEV catalogue, NVD API pages and yearly feeds) keep their records in a top-level
 * {@code vulnerabilities} array, which is streamed one record at a time; everything else is one small document.
 *
 * <p>Detection: a {@code vulnerabilities} element with {@code cveID} is a KEV entry, one whose {@code cve} is an
 * object is an NVD record; otherwise the whole document decides: {@code document} is CSAF, {@code Event} is MISP, a
 * bare CVE record (id CVE-…, with {@code descriptions} or {@code configurations}) is NVD, {@code id} with
 * {@code affected}/{@code modified} is OSV. The retired NVD 1.1 layout and anything else are rejected.
 */
final class FeedReader {

    static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private FeedReader() {}

    /** Result of reading a file: its kind and how many advisories went to the sink. */
    public record Summary(FeedKind kind, int advisories, String kevCatalogVersion) {}

    public static Summary read(InputStream in, String sourceName, Consumer<ParsedAdvisory> sink) {
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FeedException("not a JSON object: no advisory format starts like this");
            }
            ObjectNode header = MAPPER.createObjectNode();
            FeedKind streamed = null;
            int count = 0;
            ObjectNode kevHeader = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("vulnerabilities".equals(name) && t == JsonToken.START_ARRAY) {
                    var csafVulns = MAPPER.createArrayNode();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() == null) {
                            throw new FeedException("the file ends inside the vulnerabilities list");
                        }
                        JsonNode e = MAPPER.readTree(p);
                        if (e.has("cveID")) {
                            if (streamed == FeedKind.NVD) {
                                throw new FeedException("KEV and NVD records mixed in one file");
                            }
                            if (kevHeader == null) {
                                kevHeader = header.deepCopy();
                                KevReader.checkHeader(kevHeader);
                            }
                            streamed = FeedKind.KEV;
                            sink.accept(KevReader.entry(e, count, sourceName));
                            count++;
                        } else if (e.has("cve") && e.get("cve").isObject()) {
                            if (streamed == FeedKind.KEV) {
                                throw new FeedException("KEV and NVD records mixed in one file");
                            }
                            streamed = FeedKind.NVD;
                            sink.accept(NvdReader.record(e.get("cve"), sourceName));
                            count++;
                        } else {
                            csafVulns.add(e);
                        }
                    }
                    header.set(name, csafVulns);
                } else {
                    header.set(name, MAPPER.readTree(p));
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new FeedException("the file ends before the JSON object is closed");
            }
            if (p.nextToken() != null) {
                throw new FeedException("unexpected content after the JSON object");
            }
            if (streamed == FeedKind.KEV) {
                KevReader.checkHeader(header);
                return new Summary(FeedKind.KEV, count, Json.text(header, "catalogVersion"));
            }
            if (streamed == FeedKind.NVD) {
                NvdReader.checkHeader(header);
                return new Summary(FeedKind.NVD, count, null);
            }
            return whole(header, sourceName, sink);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new FeedException(
                    "malformed JSON"
                            + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                            + ": " + e.getOriginalMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            throw new FeedException(e.getMessage(), e);
        }
    }

    private static Summary whole(ObjectNode doc, String sourceName, Consumer<ParsedAdvisory> sink) {
        if (doc.has("CVE_Items") || doc.has("CVE_data_type")) {
            throw new FeedException(
                    "NVD JSON 1.1 data feed (CVE_Items): retired format, import the NVD CVE API 2.0 JSON");
        }
        if (doc.has("catalogVersion")
                || doc.has("dateReleased")
                || doc.has("vulnerabilities") && doc.get("vulnerabilities").isObject()) {
            KevReader.checkHeader(doc);
            throw new FeedException("KEV catalogue: \"vulnerabilities\" must be an array of entries");
        }
        if (doc.has("document")) {
            SchemaCheck.csaf(doc);
            CsafValidation.Outcome tests = CsafValidation.forImport(doc);
            sink.accept(CsafReader.document(doc, sourceName).withChecks(tests.accepted(), tests.acceptedTotal()));
            return new Summary(FeedKind.CSAF, 1, null);
        }
        if (doc.has("Event")) {
            sink.accept(MispReader.event(doc.get("Event"), sourceName));
            return new Summary(FeedKind.MISP, 1, null);
        }
        String id = Json.text(doc, "id");
        if (id != null
                && CVE.matcher(id).matches()
                && (doc.has("descriptions") || doc.has("configurations") || doc.has("sourceIdentifier"))) {
            sink.accept(NvdReader.record(doc, sourceName));
            return new Summary(FeedKind.NVD, 1, null);
        }
        if (id != null && (doc.has("affected") || doc.has("modified"))) {
            sink.accept(OsvReader.record(doc, sourceName));
            return new Summary(FeedKind.OSV, 1, null);
        }
        if (doc.has("vulnerabilities")
                && doc.get("vulnerabilities").isEmpty()
                && ("NVD_CVE".equals(Json.text(doc, "format")))) {
            return new Summary(FeedKind.NVD, 0, null);
        }
        throw new FeedException(
                "unknown format: expected a KEV catalogue, NVD CVE API 2.0 JSON, CSAF 2.0, OSV or a MISP event");
    }
}
