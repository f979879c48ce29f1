package vn.khien.warnings.advisories;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.IriResourceLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Validates a document against the official JSON schemas shipped in {@code src/main/resources/schemas} (ADR 0035),
 * offline: the schemas' URLs are mapped to the classpath and the loader that would fetch a remote URL is removed.
 */
final class SchemaCheck {

    /** At most this many errors are listed; the rest are counted. */
    static final int MAX_ERRORS = 20;

    private static final String CSAF_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(
                                    "https://docs.oasis-open.org/csaf/csaf/v2.0/", "classpath:schemas/csaf-2.0/")
                            .mapPrefix("https://www.first.org/cvss/", "classpath:schemas/csaf-2.0/"))
                    .resourceLoaders(l -> l.values(list -> list.removeIf(x -> x instanceof IriResourceLoader)))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .pathType(PathType.JSON_POINTER)
                            .locale(Locale.ENGLISH)
                            .build()));

    private static volatile Schema csaf;

    private static final Map<String, Schema> CVSS = new ConcurrentHashMap<>();

    private SchemaCheck() {}

    /** One schema error: where in the document (a JSON pointer, "" for the root) and what. */
    record Violation(String pointer, String message) {}

    /** A document that breaks its format's schema: every violation (capped) and how many there were. */
    static final class SchemaViolations extends FeedException {
        private final String format;
        private final List<Violation> violations;
        private final int total;

        SchemaViolations(String format, List<Violation> violations, int total) {
            super(format + " schema: " + total + " error(s), first at "
                    + (violations.get(0).pointer().isEmpty()
                            ? "/"
                            : violations.get(0).pointer()) + ": "
                    + violations.get(0).message());
            this.format = format;
            this.violations = List.copyOf(violations);
            this.total = total;
        }

        String format() {
            return format;
        }

        List<Violation> violations() {
            return violations;
        }

        int total() {
            return total;
        }
    }

    /** Throws {@link SchemaViolations} when the document is not valid CSAF 2.0. */
    static void csaf(JsonNode document) {
        check("CSAF 2.0", csafSchema(), document);
    }

    /**
     * The errors of a CVSS object against FIRST's JSON schema of its version ("2.0", "3.0" or "3.1"), as CSAF
     * mandatory test 6.1.8 asks; pointers are relative to the object.
     */
    static List<Violation> cvss(String version, JsonNode cvss) {
        Schema s = CVSS.computeIfAbsent(version, v -> {
            Schema schema = REGISTRY.getSchema(SchemaLocation.of("https://www.first.org/cvss/cvss-v" + v + ".json"));
            schema.initializeValidators();
            return schema;
        });
        List<Violation> out = new ArrayList<>();
        for (Error e : s.validate(cvss)) {
            out.add(new Violation(e.getInstanceLocation().toString(), e.getMessage()));
        }
        return out;
    }

    private static Schema csafSchema() {
        Schema s = csaf;
        if (s == null) {
            s = REGISTRY.getSchema(SchemaLocation.of(CSAF_ID));
            s.initializeValidators();
            csaf = s;
        }
        return s;
    }

    private static void check(String format, Schema schema, JsonNode document) {
        List<Error> errors = schema.validate(document);
        if (errors.isEmpty()) {
            return;
        }
        List<Violation> out = new ArrayList<>();
        for (Error e : errors) {
            if (out.size() == MAX_ERRORS) {
                break;
            }
            out.add(new Violation(e.getInstanceLocation().toString(), e.getMessage()));
        }
        throw new SchemaViolations(format, out, errors.size());
    }
}
