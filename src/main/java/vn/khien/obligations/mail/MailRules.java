package vn.khien.obligations.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Which notice categories a person may stop receiving by mail ({@value #RESOURCE}: rule data with legal source). */
record MailRules(Set<String> optOutAllowed, Set<String> categories) {

    public static final String RESOURCE = "rules/obligations/mail.yaml";

    public boolean mayOptOut(String category) {
        return optOutAllowed.contains(category);
    }

    @SuppressWarnings("unchecked")
    public static MailRules loadDefault() {
        try (InputStream in = MailRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Set<String> allowed = new TreeSet<>();
            Set<String> all = new TreeSet<>();
            for (Object o : (List<Object>) Objects.requireNonNull(root.get("categories"), "categories")) {
                Map<String, Object> c = (Map<String, Object>) o;
                String id = String.valueOf(c.get("id"));
                if (c.get("legalSource") == null) {
                    throw new IllegalStateException(RESOURCE + ": category " + id + " has no legalSource");
                }
                all.add(id);
                if (Boolean.TRUE.equals(c.get("optOut"))) {
                    allowed.add(id);
                }
            }
            return new MailRules(Set.copyOf(allowed), Set.copyOf(all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
