package vn.khien.incidents.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.khien.incidents.deadlines.RecipientRole;
import vn.khien.incidents.deadlines.ReportKind;

/** Categories and report forms as rule data ({@code rules/incidents/categories.yaml}, {@code report-forms.yaml}). */
public final class IncidentCatalogue {

    public record Category(String id, String nameVi, String nameEn, String stix) {
        public String name(boolean english) {
            return english ? nameEn : nameVi;
        }
    }

    public record Form(ReportKind kind, String titleVi, String formVi, String legalRef, String duty) {}

    /** A designated role that may issue coordination orders (Biểu mẫu 06), with its source; {@code choice}: ours. */
    public record OrderIssuer(RecipientRole role, String legalRef, boolean choice) {}

    private final Map<String, Category> categories;
    private final Map<ReportKind, Form> forms;
    private final String subjectPrefix;
    private final String subjectRef;
    private final List<OrderIssuer> orderIssuers;

    IncidentCatalogue(
            Map<String, Category> categories,
            Map<ReportKind, Form> forms,
            String subjectPrefix,
            String subjectRef,
            List<OrderIssuer> orderIssuers) {
        this.categories = categories;
        this.forms = forms;
        this.subjectPrefix = subjectPrefix;
        this.subjectRef = subjectRef;
        this.orderIssuers = List.copyOf(orderIssuers);
    }

    @SuppressWarnings("unchecked")
    public static IncidentCatalogue loadDefault() {
        Map<String, Object> cats = load("rules/incidents/categories.yaml");
        Map<String, Category> categories = new LinkedHashMap<>();
        String catsFile = "categories.yaml";
        for (Map<String, Object> c : rows(cats, "categories", catsFile)) {
            String id = text(c, "id", catsFile);
            categories.put(
                    id,
                    new Category(
                            id, text(c, "name_vi", catsFile), text(c, "name_en", catsFile), text(c, "stix", catsFile)));
        }
        Map<String, Object> f = load("rules/incidents/report-forms.yaml");
        Map<ReportKind, Form> forms = new EnumMap<>(ReportKind.class);
        String formsFile = "report-forms.yaml";
        for (Map<String, Object> r : rows(f, "forms", formsFile)) {
            ReportKind k = ReportKind.valueOf(text(r, "kind", formsFile));
            forms.put(
                    k,
                    new Form(
                            k,
                            text(r, "title_vi", formsFile),
                            text(r, "form_vi", formsFile),
                            text(r, "legal_ref", formsFile),
                            text(r, "duty", formsFile)));
        }
        for (ReportKind k : ReportKind.values()) {
            if (!forms.containsKey(k)) {
                throw new IllegalStateException("report-forms.yaml has no form for " + k);
            }
        }
        Map<String, Object> orders = (Map<String, Object>) f.get("coordination_orders");
        if (orders == null) {
            throw new IllegalStateException(formsFile + " has no coordination_orders");
        }
        List<OrderIssuer> issuers = new ArrayList<>();
        for (Map<String, Object> r : rows(orders, "issuers", formsFile)) {
            String legalRef = (String) r.get("legal_ref");
            if (legalRef == null || legalRef.isBlank()) {
                throw new IllegalStateException("report-forms.yaml: an order issuer without its legal source");
            }
            issuers.add(new OrderIssuer(
                    RecipientRole.valueOf(text(r, "role", formsFile)), legalRef, Boolean.TRUE.equals(r.get("choice"))));
        }
        if (issuers.stream().anyMatch(x -> x.role() == RecipientRole.OWNER)) {
            throw new IllegalStateException("report-forms.yaml: the owner does not coordinate its own incident");
        }
        return new IncidentCatalogue(
                categories,
                forms,
                text(f, "email_subject_prefix", formsFile),
                text(f, "email_subject_ref", formsFile),
                issuers);
    }

    /** A text the rule file must give: a missing one stops the start, naming the file and the key. */
    private static String text(Map<String, Object> row, String key, String file) {
        Object v = row.get(key);
        if (!(v instanceof String t)) {
            throw new IllegalStateException(file + ": '" + key + "' is missing in " + row);
        }
        return t;
    }

    /** A list of rows the rule file must give: a missing one stops the start, naming the file and the key. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> map, String key, String file) {
        Object v = map.get(key);
        if (!(v instanceof List<?> l)) {
            throw new IllegalStateException(file + ": '" + key + "' is missing");
        }
        return (List<Map<String, Object>>) l;
    }

    private static Map<String, Object> load(String resource) {
        try (InputStream in = IncidentCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Category> categories() {
        return List.copyOf(categories.values());
    }

    public Optional<Category> category(String id) {
        return Optional.ofNullable(id == null ? null : categories.get(id));
    }

    public Form form(ReportKind kind) {
        Form f = forms.get(kind);
        if (f == null) {
            // loadDefault refuses a catalogue without a form for every kind
            throw new IllegalStateException("no form for " + kind);
        }
        return f;
    }

    /** The e-mail subject of a report: the rule's prefix, then the organisation and the case. */
    public String emailSubject(String organizationName, long incidentId, String title) {
        return subjectPrefix + " " + organizationName + " - Sự cố #" + incidentId + ": " + title;
    }

    /** The report kinds whose submissions are evidence of an obligation rule (report-forms.yaml {@code duty}). */
    public Set<ReportKind> kindsOfDuty(String rule) {
        Set<ReportKind> out = EnumSet.noneOf(ReportKind.class);
        forms.values().stream().filter(f -> rule.equals(f.duty())).forEach(f -> out.add(f.kind()));
        return out;
    }

    /** Who may issue coordination orders, in the order tried (report-forms.yaml {@code coordination_orders}). */
    public List<OrderIssuer> orderIssuers() {
        return orderIssuers;
    }

    public String subjectRef() {
        return subjectRef;
    }
}
