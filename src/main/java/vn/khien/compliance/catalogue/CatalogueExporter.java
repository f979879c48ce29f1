package vn.khien.compliance.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a catalogue back to the YAML format {@link CatalogueLoader} reads, for the administrator's export.
 * Loading the output gives an equal {@link Catalogue}.
 */
public final class CatalogueExporter {

    private CatalogueExporter() {}

    public static String toYaml(Catalogue catalogue) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("catalogue", header(catalogue.header()));
        List<Object> requirements = new ArrayList<>();
        for (Requirement requirement : catalogue.requirements()) {
            requirements.add(requirement(requirement));
        }
        document.put("requirements", requirements);
        return yaml().dump(document);
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(160);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return new Yaml(options);
    }

    private static Map<String, Object> header(CatalogueHeader header) {
        Map<String, Object> node = new LinkedHashMap<>();
        put(node, "id", header.id());
        put(node, "version", header.version());
        put(node, "layer", header.layer());
        put(node, "regime", header.regime());
        put(node, "organisation", header.organisation());
        put(node, "basedOn", header.basedOn());
        put(node, "titleVi", header.titleVi());
        put(node, "titleEn", header.titleEn());
        put(node, "legalSource", header.legalSource());
        put(node, "effectiveFrom", header.effectiveFrom());
        put(node, "effectiveTo", header.effectiveTo());
        put(node, "confidence", header.confidence());
        put(node, "notes", header.notes());
        return node;
    }

    private static Map<String, Object> requirement(Requirement requirement) {
        Map<String, Object> node = new LinkedHashMap<>();
        put(node, "id", requirement.id());
        put(node, "kind", requirement.kind());
        put(node, "group", requirement.group());
        put(node, "planSection", requirement.planSection());
        put(node, "titleVi", requirement.titleVi());
        put(node, "titleEn", requirement.titleEn());
        put(node, "textVi", requirement.textVi());
        put(node, "textEn", requirement.textEn());
        node.put("levels", new ArrayList<>(requirement.levels()));
        node.put("paraphrased", requirement.paraphrased());
        put(node, "confidence", requirement.confidence());
        List<Object> sources = new ArrayList<>();
        for (LegalReference source : requirement.sources()) {
            Map<String, Object> sourceNode = new LinkedHashMap<>();
            put(sourceNode, "document", source.document());
            put(sourceNode, "clause", source.clause());
            putList(sourceNode, "levels", source.levels());
            sources.add(sourceNode);
        }
        node.put("sources", sources);
        putList(node, "evidence", requirement.evidence());
        if (!requirement.levelText().isEmpty()) {
            Map<Integer, Object> texts = new LinkedHashMap<>();
            requirement.levelText().forEach((level, text) -> {
                Map<String, Object> textNode = new LinkedHashMap<>();
                put(textNode, "textVi", text.textVi());
                put(textNode, "textEn", text.textEn());
                texts.put(level, textNode);
            });
            node.put("levelText", texts);
        }
        if (!requirement.designProducts().isEmpty()) {
            List<Object> products = new ArrayList<>();
            for (DesignProduct product : requirement.designProducts()) {
                Map<String, Object> productNode = new LinkedHashMap<>();
                put(productNode, "code", product.code());
                put(productNode, "nameVi", product.nameVi());
                put(productNode, "nameEn", product.nameEn());
                putList(productNode, "levels", product.levels());
                put(productNode, "conditionVi", product.conditionVi());
                put(productNode, "conditionEn", product.conditionEn());
                products.add(productNode);
            }
            node.put("designProducts", products);
        }
        put(node, "note", requirement.note());
        return node;
    }

    /** Omits absent values; enums and dates become plain strings so the file stays readable and safe to load. */
    private static void put(Map<String, Object> node, String key, @Nullable Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Enum<?> constant) {
            node.put(key, constant.name());
        } else if (value instanceof LocalDate date) {
            node.put(key, date.toString());
        } else {
            node.put(key, value);
        }
    }

    private static void putList(Map<String, Object> node, String key, List<?> values) {
        if (!values.isEmpty()) {
            node.put(key, new ArrayList<>(values));
        }
    }
}
