package vn.khien.warnings.matching;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;
import us.springett.parsers.cpe.util.Relation;
import us.springett.parsers.cpe.values.Part;

/**
 * A CPE 2.3 name, optionally with the NVD version bounds ({@code versionStartIncluding} …). The name is compared
 * attribute by attribute with the CPE 2.3 name-matching rules of NISTIR 7696 (cpe-parser); when the criterion's
 * version is ANY and bounds are given, the component's version must lie within them, compared with the generic
 * ordering that NVD ranges use.
 */
public record CpeCriterion(
        String cpe,
        @Nullable String startIncluding,
        @Nullable String startExcluding,
        @Nullable String endIncluding,
        @Nullable String endExcluding)
        implements Criterion {

    public CpeCriterion {
        cpe = normalise(cpe);
        startIncluding = blankToNull(startIncluding);
        startExcluding = blankToNull(startExcluding);
        endIncluding = blankToNull(endIncluding);
        endExcluding = blankToNull(endExcluding);
    }

    public static CpeCriterion of(String cpe) {
        return new CpeCriterion(cpe, null, null, null, null);
    }

    /** CPE 2.2 URIs (as in CSAF helpers) and 2.3 formatted strings both become 2.3 formatted strings. */
    public static String normalise(String cpe) {
        try {
            return CpeParser.parse(cpe.trim(), true).toCpe23FS();
        } catch (CpeParsingException | RuntimeException e) {
            throw new IllegalArgumentException("not a CPE name: " + cpe, e);
        }
    }

    public boolean hasRange() {
        return startIncluding != null || startExcluding != null || endIncluding != null || endExcluding != null;
    }

    @Override
    public String candidateKey() {
        Cpe c = parsed(cpe);
        return "cpe:2.3:" + c.getPart().getAbbreviation() + ":" + c.getVendor() + ":" + c.getProduct() + ":";
    }

    @Override
    public Optional<String> match(Component component) {
        if (component.cpe() == null || component.cpe().isBlank()) {
            return Optional.empty();
        }
        String prefix = literalPrefix(cpe);
        String c = component.cpe();
        if (prefix != null
                && c.startsWith("cpe:2.3:")
                && c.indexOf('\\') < 0
                && !c.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty(); // another part, vendor or product: no need to parse the item (ADR 0014)
        }
        Cpe source = parsed(cpe);
        Cpe target = component.parsedCpe();
        if (target == null) {
            return Optional.empty();
        }
        String version = target.getVersion();
        boolean targetVersionKnown = !"*".equals(version) && !"-".equals(version);
        if (!targetVersionKnown
                && component.version() != null
                && !component.version().isBlank()
                && "*".equals(version)) {
            version = component.version().trim();
            targetVersionKnown = true;
        }
        if (!namesMatch(source, target, version)) {
            return Optional.empty();
        }
        if (hasRange()) {
            if (!targetVersionKnown || !inRange(version)) {
                return Optional.empty();
            }
        } else if (!"*".equals(source.getVersion()) && "*".equals(version)) {
            return Optional.empty(); // a named version never matches an inventory item of unknown version
        }
        return Optional.of(describe() + " ⊇ " + component.cpe()
                + (version != null && !version.equals(target.getVersion()) ? " (" + version + ")" : ""));
    }

    public String describe() {
        StringBuilder b = new StringBuilder(cpe);
        if (startIncluding != null) {
            b.append(" ≥ ").append(startIncluding);
        }
        if (startExcluding != null) {
            b.append(" > ").append(startExcluding);
        }
        if (endIncluding != null) {
            b.append(" ≤ ").append(endIncluding);
        }
        if (endExcluding != null) {
            b.append(" < ").append(endExcluding);
        }
        return b.toString();
    }

    boolean inRange(String version) {
        if (startIncluding != null && cmp(version, startIncluding) < 0) {
            return false;
        }
        if (startExcluding != null && cmp(version, startExcluding) <= 0) {
            return false;
        }
        if (endIncluding != null && cmp(version, endIncluding) > 0) {
            return false;
        }
        return endExcluding == null || cmp(version, endExcluding) < 0;
    }

    private static int cmp(String a, String b) {
        return Versions.compare("generic", a, b);
    }

    /** NISTIR 7696 attribute comparison: the source's attribute must be a superset of or equal to the target's. */
    private static boolean namesMatch(Cpe source, Cpe target, String targetVersion) {
        if (!superset(Cpe.compareAttribute(source.getPart(), target.getPart()))) {
            return false;
        }
        String[][] pairs = {
            {source.getVendor(), target.getVendor()},
            {source.getProduct(), target.getProduct()},
            {source.getVersion(), "*".equals(target.getVersion()) ? targetVersion : target.getVersion()},
            {source.getUpdate(), target.getUpdate()},
            {source.getEdition(), target.getEdition()},
            {source.getLanguage(), target.getLanguage()},
            {source.getSwEdition(), target.getSwEdition()},
            {source.getTargetSw(), target.getTargetSw()},
            {source.getTargetHw(), target.getTargetHw()},
            {source.getOther(), target.getOther()},
        };
        for (String[] p : pairs) {
            if (!superset(Cpe.compareAttribute(p[0], p[1] == null ? "*" : p[1]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean superset(Relation r) {
        return r == Relation.SUPERSET || r == Relation.EQUAL;
    }

    private static final Map<String, String> PREFIXES = new ConcurrentHashMap<>();

    /**
     * {@code cpe:2.3:part:vendor:product:} of a criterion whose part, vendor and product are plain literals (no
     * wildcard, no escape), else null: an unescaped 2.3 item not starting with it cannot match.
     */
    private static String literalPrefix(String cpe) {
        if (PREFIXES.size() > 50_000) {
            PREFIXES.clear();
        }
        return PREFIXES.computeIfAbsent(cpe, k -> {
                    String[] f = k.split(":", 6);
                    if (f.length < 6 || k.indexOf('\\') >= 0) {
                        return "";
                    }
                    for (int i = 2; i <= 4; i++) {
                        if (f[i].isEmpty() || f[i].contains("*") || f[i].contains("?") || f[i].equals("-")) {
                            return "";
                        }
                    }
                    return (f[0] + ":" + f[1] + ":" + f[2] + ":" + f[3] + ":" + f[4] + ":").toLowerCase(Locale.ROOT);
                })
                .transform(x -> x.isEmpty() ? null : x);
    }

    /** Criteria are few and compared with many components: each criterion's name is parsed once (ADR 0014). */
    private static final Map<String, Cpe> PARSED = new ConcurrentHashMap<>();

    private static Cpe parsed(String cpe) {
        Cpe c = PARSED.get(cpe);
        if (c != null) {
            return c;
        }
        try {
            c = CpeParser.parse(cpe, true);
        } catch (CpeParsingException e) {
            throw new IllegalArgumentException("not a CPE name: " + cpe, e);
        }
        if (PARSED.size() > 50_000) {
            PARSED.clear();
        }
        PARSED.put(cpe, c);
        return c;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static boolean isApplication(Cpe c) {
        return c.getPart() == Part.APPLICATION;
    }
}
