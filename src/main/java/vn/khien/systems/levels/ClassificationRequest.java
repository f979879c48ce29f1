package vn.khien.systems.levels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guided classification: the answers of one system, or of each part of a composite system (the system takes the
 * highest level of its parts), under a regime (rule-data id; chosen from the dates when absent). The officer may set
 * {@code chosenLevel} different from the proposal only with a written {@code justification}.
 */
public class ClassificationRequest {
    private String regime;
    private Map<String, Object> answers;
    private List<Part> parts = new ArrayList<>();
    private Integer chosenLevel;
    private String justification;

    public static class Part {
        private String name;
        private Map<String, Object> answers = new LinkedHashMap<>();

        public Part() {}

        public Part(String name, Map<String, Object> answers) {
            this.name = name;
            this.answers = answers;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
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

    public String getRegime() {
        return regime;
    }

    public void setRegime(String regime) {
        this.regime = regime;
    }

    public Map<String, Object> getAnswers() {
        return answers;
    }

    public void setAnswers(Map<String, Object> answers) {
        this.answers = answers;
    }

    public List<Part> getParts() {
        return parts;
    }

    public void setParts(List<Part> parts) {
        this.parts = parts;
    }

    public Integer getChosenLevel() {
        return chosenLevel;
    }

    public void setChosenLevel(Integer chosenLevel) {
        this.chosenLevel = chosenLevel;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }
}
