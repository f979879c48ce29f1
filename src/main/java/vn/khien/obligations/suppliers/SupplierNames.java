package vn.khien.obligations.suppliers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Groups the spellings of one supplier's name ({@value #RESOURCE}: rule data). A name is folded (Vietnamese
 * diacritics removed, đ as d, lower case, punctuation as spaces), its legal form recognised from the rule data's
 * spellings and the generic words ("công ty") dropped: the key is the form and the remaining words, so "Công ty CP
 * ABC", "CTCP ABC" and "Cong ty co phan ABC" share the key {@code CP|abc}. A tax code written in the name wins: the
 * key is then the tax code, and a name without one joins it when its spelling belongs to exactly one tax code. The tax
 * code recorded beside a name (the register's column, V162) is the strongest key of all: it wins over a code written in
 * the name and over every spelling.
 */
final class SupplierNames {

    static final String RESOURCE = "rules/suppliers/legal-forms.yaml";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    /** A legal-form spelling, folded into words, and the form it means (empty for a generic word). */
    private record Spelling(List<String> words, String form) {}

    private final List<Spelling> spellings;
    private final Pattern taxCode;

    private SupplierNames(List<Spelling> spellings, Pattern taxCode) {
        this.spellings = spellings.stream()
                .sorted(Comparator.comparingInt((Spelling s) -> s.words().size())
                        .reversed())
                .toList();
        this.taxCode = taxCode;
    }

    static final SupplierNames RULES = load();

    /** Lower case, diacritics folded ("Công ty Cổ phần" becomes "cong ty co phan"), punctuation as single spaces. */
    static String fold(String text) {
        return NON_WORD.matcher(bare(text)).replaceAll(" ").strip();
    }

    /** Lower case, diacritics folded, punctuation kept. */
    private static String bare(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** The tax code written in a name, or null. */
    @Nullable
    String taxCode(String name) {
        Matcher m = taxCode.matcher(bare(name));
        return m.find() ? m.group(1) : null;
    }

    /** The key of a name on its own: {@code FORM|words} (FORM empty when none is written; the tax code left out). */
    String nameKey(String name) {
        String text = bare(name);
        Matcher m = taxCode.matcher(text);
        if (m.find()) {
            text = text.substring(0, m.start()) + " " + text.substring(m.end());
        }
        String folded = fold(text);
        List<String> words = new ArrayList<>(List.of(folded.isEmpty() ? new String[0] : folded.split(" ")));
        String form = "";
        List<String> rest = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Spelling hit = null;
            for (Spelling s : spellings) {
                if (i + s.words().size() <= words.size()
                        && words.subList(i, i + s.words().size()).equals(s.words())) {
                    hit = s;
                    break;
                }
            }
            if (hit == null) {
                rest.add(words.get(i));
                i++;
            } else {
                if (form.isEmpty()) {
                    form = hit.form();
                }
                i += hit.words().size();
            }
        }
        if (rest.isEmpty()) {
            // a name that is only a legal form: keep it as written
            return form + "|" + folded;
        }
        return form + "|" + String.join(" ", rest);
    }

    /** A name with the tax code recorded beside it (null when none is). */
    record Named(String name, @Nullable String taxCode) {}

    /** The grouping of a set of names: one key per name, tax codes winning over spellings. */
    Grouping group(Collection<String> names) {
        return groupNamed(names.stream().map(n -> new Named(n, null)).toList());
    }

    /** The grouping of names with their recorded tax codes: the recorded code first, then one written in the name. */
    Grouping groupNamed(Collection<Named> names) {
        Map<String, Set<String>> codesByName = new HashMap<>();
        for (Named n : names) {
            String code = n.taxCode() != null ? n.taxCode() : taxCode(n.name());
            if (code != null) {
                codesByName
                        .computeIfAbsent(nameKey(n.name()), k -> new HashSet<>())
                        .add(code);
            }
        }
        return new Grouping(codesByName);
    }

    /** Keys of names within one set of names. */
    final class Grouping {
        private final Map<String, Set<String>> codesByName;

        private Grouping(Map<String, Set<String>> codesByName) {
            this.codesByName = codesByName;
        }

        /** The tax code (as {@code mst:…}) when the name has one or its spelling belongs to exactly one; else its key. */
        String key(String name) {
            return key(name, null);
        }

        /** As {@link #key(String)}, a tax code recorded beside the name winning over everything. */
        String key(String name, @Nullable String recorded) {
            if (recorded != null) {
                return "mst:" + recorded;
            }
            String code = taxCode(name);
            if (code != null) {
                return "mst:" + code;
            }
            String key = nameKey(name);
            Set<String> codes = codesByName.get(key);
            return codes != null && codes.size() == 1
                    ? "mst:" + codes.iterator().next()
                    : key;
        }
    }

    /**
     * The spellings of each group, the most used first (ties: the first seen): the first is the name shown, the
     * others its variants.
     */
    static Map<String, List<String>> spellingsByKey(List<String> names, Grouping grouping) {
        return spellingsOf(names.stream().map(n -> new Named(n, null)).toList(), grouping);
    }

    /** As {@link #spellingsByKey}, each name keyed with its recorded tax code. */
    static Map<String, List<String>> spellingsOf(List<Named> names, Grouping grouping) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Named n : names) {
            counts.computeIfAbsent(grouping.key(n.name(), n.taxCode()), k -> new LinkedHashMap<>())
                    .merge(n.name().strip(), 1, Integer::sum);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        counts.forEach((k, c) -> {
            List<String> order = new ArrayList<>(c.keySet());
            order.sort(Comparator.comparingInt((String s) -> c.get(s)).reversed());
            out.put(k, List.copyOf(order));
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> node, String key) {
        if (!(node.get(key) instanceof List<?> list)) {
            throw new IllegalStateException(RESOURCE + ": missing list " + key + " in " + node);
        }
        return (List<Object>) list;
    }

    @SuppressWarnings("unchecked")
    static SupplierNames load() {
        try (InputStream in = SupplierNames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Spelling> spellings = new ArrayList<>();
            for (Object o : list(root, "forms")) {
                Map<String, Object> f = (Map<String, Object>) o;
                String id = String.valueOf(f.get("id"));
                if (f.get("legalSource") == null) {
                    throw new IllegalStateException(RESOURCE + ": form " + id + " has no legalSource");
                }
                for (Object s : list(f, "spellings")) {
                    spellings.add(new Spelling(List.of(fold(String.valueOf(s)).split(" ")), id));
                }
            }
            for (Object s : list(root, "generic")) {
                spellings.add(new Spelling(List.of(fold(String.valueOf(s)).split(" ")), ""));
            }
            return new SupplierNames(spellings, Pattern.compile(String.valueOf(root.get("taxCodePattern"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
