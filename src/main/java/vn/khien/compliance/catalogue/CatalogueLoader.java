package vn.khien.compliance.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a catalogue from YAML (the shipped files or an administrator's import) and validates it.
 * Uses SnakeYAML's SafeConstructor because imported files come from users: no arbitrary types are instantiated.
 */
public final class CatalogueLoader {

    /** Classpath location of the Circular 12/2022 catalogue (legacy regime). */
    public static final String TT12_2022 = "catalogues/tt12-2022.yaml";
    /** Classpath location of the provisional NĐ 331/2026 catalogue (new regime). */
    public static final String ND331_2026 = "catalogues/nd331-2026.yaml";

    private CatalogueLoader() {}

    public static Catalogue loadTt12() {
        return loadResource(TT12_2022);
    }

    public static Catalogue loadNd331() {
        return loadResource(ND331_2026);
    }

    public static Catalogue loadResource(String classpathLocation) {
        ClassLoader classLoader = CatalogueLoader.class.getClassLoader();
        try (InputStream in = classLoader.getResourceAsStream(classpathLocation)) {
            if (in == null) {
                throw new IllegalArgumentException("No catalogue on the classpath at " + classpathLocation);
            }
            return load(in, classpathLocation);
        } catch (IOException closeFailure) {
            throw new UncheckedIOException(closeFailure);
        }
    }

    public static Catalogue load(InputStream yaml, String sourceName) {
        return load(new InputStreamReader(yaml, StandardCharsets.UTF_8), sourceName);
    }

    public static Catalogue fromYaml(String yaml, String sourceName) {
        return load(new StringReader(yaml), sourceName);
    }

    /** Longest catalogue document read, in characters (the built-in catalogues are far below). */
    public static final int MAX_CHARS = 2 * 1024 * 1024;

    /** Bounds on what a YAML document may cost to read: size, aliases (billion laughs), nesting, duplicate keys. */
    static LoaderOptions limits() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(MAX_CHARS);
        o.setMaxAliasesForCollections(20);
        o.setNestingDepthLimit(40);
        o.setAllowDuplicateKeys(false);
        o.setAllowRecursiveKeys(false);
        return o;
    }

    public static Catalogue load(Reader yaml, String sourceName) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(limits())).load(yaml);
        } catch (YAMLException malformed) {
            throw new CatalogueValidationException(sourceName, List.of("not valid YAML: " + malformed.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        YamlFields root = new YamlFields(document, "document", problems);
        CatalogueHeader header = readHeader(new YamlFields(root.raw("catalogue"), "catalogue header", problems));
        List<Requirement> requirements = new ArrayList<>();
        List<?> nodes = root.list("requirements");
        for (int index = 0; index < nodes.size(); index++) {
            requirements.add(readRequirement(nodes.get(index), index, problems));
        }
        Catalogue catalogue = new Catalogue(header, requirements);
        problems.addAll(CatalogueValidator.problemsOf(catalogue));
        if (!problems.isEmpty()) {
            throw new CatalogueValidationException(sourceName, problems);
        }
        return catalogue;
    }

    // Required fields may be missing here: CatalogueValidator names each one and load() throws before a catalogue with
    // a missing field escapes.
    @SuppressWarnings("NullAway")
    private static CatalogueHeader readHeader(YamlFields fields) {
        return new CatalogueHeader(
                fields.string("id"),
                fields.string("version"),
                fields.enumValue("layer", CatalogueLayer.class),
                fields.enumValue("regime", Regime.class),
                fields.string("titleVi"),
                fields.string("titleEn"),
                fields.string("legalSource"),
                fields.date("effectiveFrom"),
                fields.date("effectiveTo"),
                fields.enumValue("confidence", Confidence.class),
                fields.string("organisation"),
                fields.string("basedOn"),
                fields.string("notes"));
    }

    @SuppressWarnings("NullAway") // as readHeader: missing required fields are refused by CatalogueValidator
    private static Requirement readRequirement(Object node, int index, List<String> problems) {
        String id = node instanceof Map<?, ?> map && map.get("id") != null ? String.valueOf(map.get("id")) : null;
        String owner = id == null ? "requirement #" + (index + 1) : "requirement '" + id + "'";
        YamlFields fields = new YamlFields(node, owner, problems);
        return new Requirement(
                id,
                fields.enumValue("kind", RequirementKind.class),
                fields.enumValue("group", RequirementGroup.class),
                fields.enumValue("planSection", PlanSection.class),
                fields.string("titleVi"),
                fields.string("titleEn"),
                fields.string("textVi"),
                fields.string("textEn"),
                fields.integers("levels"),
                fields.bool("paraphrased", false),
                fields.enumValue("confidence", Confidence.class),
                readSources(fields, owner, problems),
                fields.strings("evidence"),
                readLevelText(fields, owner, problems),
                readDesignProducts(fields, owner, problems),
                fields.string("note"));
    }

    @SuppressWarnings("NullAway") // as readHeader
    private static List<LegalReference> readSources(YamlFields fields, String owner, List<String> problems) {
        List<LegalReference> sources = new ArrayList<>();
        for (Object node : fields.list("sources")) {
            YamlFields source = new YamlFields(node, owner + " source", problems);
            sources.add(
                    new LegalReference(source.string("document"), source.string("clause"), source.integers("levels")));
        }
        return sources;
    }

    @SuppressWarnings("NullAway") // as readHeader
    private static List<DesignProduct> readDesignProducts(YamlFields fields, String owner, List<String> problems) {
        List<DesignProduct> products = new ArrayList<>();
        for (Object node : fields.list("designProducts")) {
            YamlFields product = new YamlFields(node, owner + " design product", problems);
            products.add(new DesignProduct(
                    product.string("code"),
                    product.string("nameVi"),
                    product.string("nameEn"),
                    product.integers("levels"),
                    product.string("conditionVi"),
                    product.string("conditionEn")));
        }
        return products;
    }

    @SuppressWarnings("NullAway") // as readHeader
    private static Map<Integer, LevelText> readLevelText(YamlFields fields, String owner, List<String> problems) {
        Map<Integer, LevelText> texts = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : fields.mapping("levelText").entrySet()) {
            if (!(entry.getKey() instanceof Integer level)) {
                problems.add(owner + ": levelText key '" + entry.getKey() + "' is not a level number");
                continue;
            }
            YamlFields text = new YamlFields(entry.getValue(), owner + " levelText " + level, problems);
            texts.put(level, new LevelText(text.string("textVi"), text.string("textEn")));
        }
        return texts;
    }
}
