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
        for (Map<String, Object> c : (List<Map<String, Object>>) cats.get("categories")) {
            categories.put(
                    (String) c.get("id"),
                    new Category((String) c.get("id"), (String) c.get("name_vi"), (String) c.get("name_en"), (String)
                            c.get("stix")));
        }
        Map<String, Object> f = load("rules/incidents/report-forms.yaml");
        Map<ReportKind, Form> forms = new EnumMap<>(ReportKind.class);
        for (Map<String, Object> r : (List<Map<String, Object>>) f.get("forms")) {
            ReportKind k = ReportKind.valueOf((String) r.get("kind"));
            forms.put(
                    k,
                    new Form(
                            k,
                            (String) r.get("title_vi"),
                            (String) r.get("form_vi"),
                            (String) r.get("legal_ref"),
                            (String) r.get("duty")));
        }
        for (ReportKind k : ReportKind.values()) {
            if (!forms.containsKey(k)) {
                throw new IllegalStateException("report-forms.yaml has no form for " + k);
            }
        }
        Map<String, Object> orders = (Map<String, Object>) f.get("coordination_orders");
        List<OrderIssuer> issuers = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) orders.get("issuers")) {
            String legalRef = (String) r.get("legal_ref");
            if (legalRef == null || legalRef.isBlank()) {
                throw new IllegalStateException("report-forms.yaml: an order issuer without its legal source");
            }
            issuers.add(new OrderIssuer(
                    RecipientRole.valueOf((String) r.get("role")), legalRef, Boolean.TRUE.equals(r.get("choice"))));
        }
        if (issuers.stream().anyMatch(x -> x.role() == RecipientRole.OWNER)) {
            throw new IllegalStateException("report-forms.yaml: the owner does not coordinate its own incident");
        }
        return new IncidentCatalogue(
                categories,
                forms,
                (String) f.get("email_subject_prefix"),
                (String) f.get("email_subject_ref"),
                issuers);
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
        return forms.get(kind);
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
