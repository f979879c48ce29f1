package vn.khien.warnings.vex;

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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an uploaded VEX document against the official JSON schema of its format before anything is read from it
 * (ADR 0065): CSAF 2.0 (OASIS, the schema of the advisory import), CycloneDX 1.4 to 1.7 (by its {@code specVersion})
 * and OpenVEX 0.2.0, all shipped in {@code src/main/resources/schemas} with their source and licence and validated
 * offline (each {@code $id} prefix mapped to the classpath, the loader that would fetch a URL removed). As the
 * specifications say for their dialects, {@code format} is an annotation, not asserted. Each violation comes with the
 * JSON pointer of the failing value and the validator's message in the caller's language (Vietnamese or English).
 */
public final class VexSchemas {

    /** At most this many violations are listed; the rest are counted. */
    public static final int MAX_LISTED = 20;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final String CSAF = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    private static final String OPENVEX = "https://github.com/openvex/spec/openvex_json_schema_0.2.0.json";
    private static final List<String> CYCLONEDX_VERSIONS = List.of("1.4", "1.5", "1.6", "1.7");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(
                                    "https://docs.oasis-open.org/csaf/csaf/v2.0/", "classpath:schemas/csaf-2.0/")
                            .mapPrefix("https://www.first.org/cvss/", "classpath:schemas/csaf-2.0/")
                            .mapPrefix("http://cyclonedx.org/schema/", "classpath:schemas/cyclonedx/")
                            .mapPrefix("https://github.com/openvex/spec/", "classpath:schemas/openvex/"))
                    .resourceLoaders(l -> l.values(list -> list.removeIf(x -> x instanceof IriResourceLoader)))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .pathType(PathType.JSON_POINTER)
                            .locale(Locale.ENGLISH)
                            .build()));

    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private VexSchemas() {}

    /** One violation: where in the document (a JSON pointer, "/" for the root) and what, in the caller's language. */
    public record Violation(String pointer, String message) {}

    /**
     * The document broke its format's schema: the format as said to people ("CycloneDX 1.5"), the first
     * {@link #MAX_LISTED} violations and how many there were.
     */
    public record Outcome(String schema, List<Violation> violations, int total) {}

    /**
     * The violations of the document's official schema, empty when it is valid or when it is not a JSON object of a
     * VEX format at all (the reader then says what is wrong). A CycloneDX document of a version without VEX (before
     * 1.4) or unknown is one violation at {@code /specVersion}.
     */
    public static Optional<Outcome> check(byte[] content, Locale locale) {
        JsonNode doc;
        try {
            doc = MAPPER.readTree(content);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (doc == null || !doc.isObject()) {
            return Optional.empty();
        }
        if (doc.has("document")) {
            return validate("CSAF 2.0", CSAF, doc, locale);
        }
        if ("CycloneDX".equals(text(doc, "bomFormat"))) {
            String version = text(doc, "specVersion");
            if (version == null || !CYCLONEDX_VERSIONS.contains(version)) {
                return Optional.of(new Outcome(
                        "CycloneDX",
                        List.of(new Violation(
                                "/specVersion",
                                (Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                                                ? "must be one of "
                                                : "phải là một trong ")
                                        + String.join(", ", CYCLONEDX_VERSIONS) + " (VEX)")),
                        1));
            }
            return validate(
                    "CycloneDX " + version, "http://cyclonedx.org/schema/bom-" + version + ".schema.json", doc, locale);
        }
        String context = text(doc, "@context");
        if (context != null && context.startsWith("https://openvex.dev/ns")) {
            return validate("OpenVEX 0.2.0", OPENVEX, doc, locale);
        }
        return Optional.empty();
    }

    private static Optional<Outcome> validate(String name, String id, JsonNode doc, Locale locale) {
        Schema schema = LOADED.computeIfAbsent(id, x -> {
            Schema s = REGISTRY.getSchema(SchemaLocation.of(x));
            s.initializeValidators();
            return s;
        });
        List<Error> errors = schema.validate(doc, ctx -> ctx.executionConfig(c -> c.locale(locale)));
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        List<Violation> out = new ArrayList<>();
        for (Error e : errors.subList(0, Math.min(errors.size(), MAX_LISTED))) {
            String pointer = e.getInstanceLocation().toString();
            out.add(new Violation(pointer.isEmpty() ? "/" : pointer, e.getMessage()));
        }
        return Optional.of(new Outcome(name, out, errors.size()));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isString() ? null : v.asString();
    }
}
