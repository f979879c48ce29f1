package vn.khien.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.IriResourceLoader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The official JSON schemas of the exchange formats Khiên writes and reads, validated offline in tests: STIX 2.1
 * (OASIS cti-stix2-json-schemas, vendored in {@code src/test/resources/schemas/stix-2.1}), CSAF 2.0 (the schema the
 * application ships in {@code src/main/resources/schemas/csaf-2.0}), CycloneDX 1.5 and OpenVEX 0.2.0 (the schemas the
 * application ships in {@code src/main/resources/schemas/cyclonedx} and {@code openvex}). Each schema's {@code $id} prefix is mapped to the classpath and the loader that
 * would fetch a remote URL is removed, so a missing file fails instead of reaching the network. Formats ({@code
 * date-time}, {@code uri}, …) are asserted, not only annotated.
 */
public final class OfficialSchemas {

    /** A schema by its official {@code $id}. */
    public enum Format {
        STIX_21(
                "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json"),
        CSAF_20("https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json"),
        CYCLONEDX_15("http://cyclonedx.org/schema/bom-1.5.schema.json"),
        OPENVEX_020("https://github.com/openvex/spec/openvex_json_schema_0.2.0.json");

        private final String id;

        Format(String id) {
            this.id = id;
        }
    }

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(
                                    "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/",
                                    "classpath:schemas/stix-2.1/")
                            .mapPrefix("https://docs.oasis-open.org/csaf/csaf/v2.0/", "classpath:schemas/csaf-2.0/")
                            .mapPrefix("https://www.first.org/cvss/", "classpath:schemas/csaf-2.0/")
                            .mapPrefix("http://cyclonedx.org/schema/", "classpath:schemas/cyclonedx/")
                            .mapPrefix("https://github.com/openvex/spec/", "classpath:schemas/openvex/"))
                    .resourceLoaders(l -> l.values(list -> list.removeIf(x -> x instanceof IriResourceLoader)))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .pathType(PathType.JSON_POINTER)
                            .formatAssertionsEnabled(true)
                            .locale(Locale.ENGLISH)
                            .build()));

    private static final Map<Format, Schema> LOADED = new ConcurrentHashMap<>();

    private OfficialSchemas() {}

    /** Every violation of the format's official schema, as "pointer: message" lines; empty when the document is valid. */
    public static List<String> violations(Format format, JsonNode document) {
        Schema schema = LOADED.computeIfAbsent(format, f -> {
            Schema s = REGISTRY.getSchema(SchemaLocation.of(f.id));
            s.initializeValidators();
            return s;
        });
        List<Error> errors = schema.validate(document);
        return errors.stream()
                .map(e -> (e.getInstanceLocation().toString().isEmpty()
                                ? "/"
                                : e.getInstanceLocation().toString())
                        + ": " + e.getMessage())
                .toList();
    }
}
