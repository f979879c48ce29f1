package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.organizations.OrgKind;

/**
 * Every text a person reads comes from the message bundles: both languages have the same keys,
 * every #{key} in a template exists, and no template holds literal words.
 */
class MessagesAndTemplatesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
    static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{'([A-Za-z0-9_.]+)\\.' \\+ \\$\\{[^}]+}}");
    /** A select of fragments/fields labels its options #{prefix.VALUE}. */
    static final Pattern OPTION_PREFIX = Pattern.compile("\\bprefix='([A-Za-z0-9_.]+)'");
    /** Text between tags: letters in any script make it literal text. */
    static final Pattern TEXT_NODE = Pattern.compile(">([^<]*\\p{L}[^<]*)<");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        for (String bundle : bundles()) {
            Properties vi = load(bundle + ".properties");
            Properties en = load(bundle + "_en.properties");
            assertThat(new TreeSet<>(en.stringPropertyNames()))
                    .as(bundle)
                    .isEqualTo(new TreeSet<>(vi.stringPropertyNames()));
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> keys = allKeys();
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template);
            Matcher m = KEY.matcher(html);
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(template.getFileName() + ": " + m.group(1));
                }
            }
            for (Pattern dynamic : List.of(DYNAMIC_KEY, OPTION_PREFIX)) {
                Matcher d = dynamic.matcher(html);
                while (d.find()) {
                    for (String suffix : dynamicSuffixes(d.group(1))) {
                        if (!keys.contains(d.group(1) + "." + suffix)) {
                            missing.add(template.getFileName() + ": " + d.group(1) + "." + suffix);
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template)
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<script[^>]*>.*?</script>", "<script></script>")
                    .replaceAll("(?s)<style[^>]*>.*?</style>", "<style></style>");
            // An element whose text Thymeleaf replaces (th:text/utext/replace) may hold a placeholder.
            String stripped = html.replaceAll(
                    "(?s)<(\\w+)([^>]*\\bth:(text|utext|replace|insert|errors)=[^>]*)>[^<]*</\\1>", "<$1$2></$1>");
            Matcher m = TEXT_NODE.matcher(stripped);
            while (m.find()) {
                String text = m.group(1).trim();
                if (!text.isEmpty() && !text.matches("\\[\\[.*]]")) {
                    literal.add(template.getFileName() + ": \"" + text + "\"");
                }
            }
        }
        assertThat(literal).isEmpty();
    }

    private static Set<String> dynamicSuffixes(String prefix) {
        Set<String> s = new TreeSet<>();
        switch (prefix) {
            case "role" -> Stream.of(Role.values()).forEach(r -> s.add(r.name()));
            case "orgKind" -> Stream.of(OrgKind.values()).forEach(k -> s.add(k.name()));
            default -> {}
        }
        return s;
    }

    private static Set<String> allKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : bundles()) {
            keys.addAll(load(bundle + ".properties").stringPropertyNames());
        }
        return keys;
    }

    private static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("messages") && n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
