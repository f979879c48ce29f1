package vn.khien.systems.levels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A guided classification: the answers of one system, or of each part of a composite system (the system takes the
 * highest level of its parts), under a regime (rule-data id; chosen from the dates when absent). The officer may set
 * {@code chosenLevel} different from the proposal only with a written {@code justification}.
 */
public class ClassificationRequest {
    private @Nullable String regime;
    private @Nullable Map<String, Object> answers;
    private List<Part> parts = new ArrayList<>();
    private @Nullable Integer chosenLevel;
    private @Nullable String justification;

    public static class Part {
        private @Nullable String name;
        private Map<String, Object> answers = new LinkedHashMap<>();

        public Part() {}

        public Part(@Nullable String name, Map<String, Object> answers) {
            this.name = name;
            this.answers = answers;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public Map<String, Object> getAnswers() {
            return answers;
        }

        public void setAnswers(Map<String, Object> answers) {
            this.answers = answers;
        }
    }

    /** The parts to classify: the explicit parts, or the whole system as one part. */
    public List<Part> effectiveParts() {
        if (parts != null && !parts.isEmpty()) {
            return parts;
        }
        return List.of(new Part(null, answers == null ? Map.of() : answers));
    }

    public @Nullable String getRegime() {
        return regime;
    }

    public void setRegime(@Nullable String regime) {
        this.regime = regime;
    }

    public @Nullable Map<String, Object> getAnswers() {
        return answers;
    }

    public void setAnswers(@Nullable Map<String, Object> answers) {
        this.answers = answers;
    }

    public List<Part> getParts() {
        return parts;
    }

    public void setParts(List<Part> parts) {
        this.parts = parts;
    }

    public @Nullable Integer getChosenLevel() {
        return chosenLevel;
    }

    public void setChosenLevel(@Nullable Integer chosenLevel) {
        this.chosenLevel = chosenLevel;
    }

    public @Nullable String getJustification() {
        return justification;
    }

    public void setJustification(@Nullable String justification) {
        this.justification = justification;
    }
}
