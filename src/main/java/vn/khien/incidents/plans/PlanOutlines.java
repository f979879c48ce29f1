package vn.khien.incidents.plans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The outlines of a response plan as rule data ({@code rules/incidents/response-plan-outlines.yaml}). */
public final class PlanOutlines {

    public record Section(String key, boolean mandatory, String titleVi, String titleEn) {
        public String title(boolean english) {
            return english ? titleEn : titleVi;
        }
    }

    public record Outline(
            String id,
            List<Integer> levels,
            boolean isDefault,
            String titleVi,
            String titleEn,
            String legalRef,
            List<Section> sections) {
        public String title(boolean english) {
            return english ? titleEn : titleVi;
        }

        public Optional<Section> section(String key) {
            return sections.stream().filter(s -> s.key().equals(key)).findFirst();
        }

        /** The mandatory sections left empty in the contents given. */
        public List<String> missingMandatory(Map<String, String> contents) {
            return sections.stream()
                    .filter(Section::mandatory)
                    .filter(s -> contents.get(s.key()) == null
                            || contents.get(s.key()).isBlank())
                    .map(Section::key)
                    .toList();
        }
    }

    private final List<Outline> outlines;
    private final Period updateWithin;
    private final boolean updateWithinChoice;
    private final String updateWithinRef;

    PlanOutlines(List<Outline> outlines, Period updateWithin, boolean updateWithinChoice, String updateWithinRef) {
        this.outlines = outlines;
        this.updateWithin = updateWithin;
        this.updateWithinChoice = updateWithinChoice;
        this.updateWithinRef = updateWithinRef;
    }

    @SuppressWarnings("unchecked")
    public static PlanOutlines loadDefault() {
        Map<String, Object> root;
        String resource = "rules/incidents/response-plan-outlines.yaml";
        try (InputStream in = PlanOutlines.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Outline> outlines = new ArrayList<>();
        for (Map<String, Object> o : (List<Map<String, Object>>) list(root, "outlines")) {
            List<Section> sections = new ArrayList<>();
            for (Map<String, Object> s : (List<Map<String, Object>>) list(o, "sections")) {
                sections.add(new Section(
                        text(s, "key"),
                        Boolean.TRUE.equals(s.get("mandatory")),
                        text(s, "title_vi"),
                        text(s, "title_en")));
            }
            outlines.add(new Outline(
                    text(o, "id"),
                    List.copyOf((List<Integer>) list(o, "levels")),
                    Boolean.TRUE.equals(o.get("default")),
                    text(o, "title_vi"),
                    text(o, "title_en"),
                    text(o, "legal_ref"),
                    List.copyOf(sections)));
        }
        if (outlines.stream().filter(Outline::isDefault).count() != 1) {
            throw new IllegalStateException(resource + " needs exactly one default outline");
        }
        return new PlanOutlines(
                List.copyOf(outlines),
                Period.parse(text(root, "update_within")),
                Boolean.TRUE.equals(root.get("update_within_choice")),
                text(root, "update_within_ref"));
    }

    /** A value the outlines must have: missing, the file is refused. */
    private static String text(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String v)) {
            throw new IllegalStateException("missing " + key + " in " + m);
        }
        return v;
    }

    private static List<?> list(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof List<?> v)) {
            throw new IllegalStateException("missing " + key + " in " + m);
        }
        return v;
    }

    /** The outline for a system of that approved level (null: not approved yet, the default outline). */
    public Outline forLevel(@Nullable Integer level) {
        return outlines.stream()
                .filter(o -> level != null && o.levels().contains(level))
                .findFirst()
                .orElseGet(() ->
                        outlines.stream().filter(Outline::isDefault).findFirst().orElseThrow());
    }

    public Optional<Outline> byId(String id) {
        return outlines.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public List<Outline> all() {
        return outlines;
    }

    public Period updateWithin() {
        return updateWithin;
    }

    public boolean updateWithinChoice() {
        return updateWithinChoice;
    }

    public String updateWithinRef() {
        return updateWithinRef;
    }
}
