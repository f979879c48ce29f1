package vn.khien.systems.classification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.khien.systems.rules.Confidence;
import vn.khien.systems.rules.RuleDataException;
import vn.khien.systems.rules.RuleYaml;
import vn.khien.systems.rules.YamlMap;

/** Reads and checks one regime file; every inconsistency fails loading rather than surfacing at classification time. */
final class RegimeReader {

    private RegimeReader() {}

    public static Regime fromClasspath(String resource) {
        return read(RuleYaml.loadClasspath(resource));
    }

    public static Regime read(YamlMap root) {
        List<Question> questions = readQuestions(root);
        Map<String, Question> byId = toMap(questions, root.path());
        List<Criterion> criteria = readCriteria(root, byId);
        Integer defaultLevel = root.optInteger("default_level");
        if (defaultLevel != null) {
            checkLevel(defaultLevel, root.path() + " › default_level");
        }
        Regime regime = new Regime(
                root.string("id"),
                root.integer("version"),
                root.string("title_vi"),
                root.string("title_en"),
                root.string("legal_source"),
                root.date("effective_from"),
                root.optDate("effective_to"),
                defaultLevel,
                questions,
                criteria,
                readTransitions(root));
        if (regime.effectiveTo() != null && regime.effectiveTo().isBefore(regime.effectiveFrom())) {
            throw new RuleDataException(root.path() + ": effective_to is before effective_from");
        }
        return regime;
    }

    private static List<Question> readQuestions(YamlMap root) {
        List<Question> questions = new ArrayList<>();
        for (YamlMap q : root.maps("questions")) {
            QuestionType type = QuestionType.fromYaml(q.string("type"));
            List<String> options = q.strings("options");
            boolean choice = type == QuestionType.CHOICE || type == QuestionType.MULTI_CHOICE;
            if (choice == options.isEmpty()) {
                throw q.error(
                        "options", choice ? "a choice question needs options" : "only choice questions have options");
            }
            questions.add(new Question(
                    q.string("id"),
                    type,
                    options,
                    q.bool("required", false),
                    q.has("required_when")
                            ? ConditionReader.read(q.raw("required_when"), q.path() + " › required_when")
                            : null,
                    q.optInteger("min"),
                    q.optInteger("max"),
                    q.string("text_vi"),
                    q.string("text_en"),
                    q.string("legal_ref"),
                    optionLabels(q, options)));
        }
        Map<String, Question> byId = toMap(questions, root.path());
        for (Question question : questions) {
            if (question.requiredWhen() != null) {
                question.requiredWhen().checkAgainst(byId, root.path() + " › question " + question.id());
            }
        }
        return questions;
    }

    /** Labels per option code: when a question has them, every option needs both a Vietnamese and an English one. */
    private static Map<String, Question.OptionLabel> optionLabels(YamlMap q, List<String> options) {
        if (!q.has("option_labels")) {
            return Map.of();
        }
        YamlMap labels = q.map("option_labels");
        Map<String, Question.OptionLabel> result = new LinkedHashMap<>();
        for (String key : labels.rawMap().keySet()) {
            if (!options.contains(key)) {
                throw labels.error(key, "is not an option of the question");
            }
        }
        for (String option : options) {
            if (!labels.has(option)) {
                throw labels.error(option, "option has no label");
            }
            YamlMap label = labels.map(option);
            result.put(option, new Question.OptionLabel(label.string("vi"), label.string("en")));
        }
        return result;
    }

    private static List<Criterion> readCriteria(YamlMap root, Map<String, Question> questions) {
        List<Criterion> criteria = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlMap c : root.maps("criteria")) {
            String id = c.string("id");
            if (!ids.add(id)) {
                throw c.error("id", "duplicate criterion id '" + id + "'");
            }
            int level = c.integer("level");
            checkLevel(level, c.path() + " › level");
            Condition condition = ConditionReader.read(c.raw("when"), c.path() + " › when");
            condition.checkAgainst(questions, c.path() + " (" + id + ")");
            criteria.add(new Criterion(
                    id,
                    level,
                    c.string("legal_ref"),
                    c.bool("clause_known", true),
                    c.enumValue("confidence", Confidence.class),
                    c.string("description_vi"),
                    c.string("description_en"),
                    condition));
        }
        return criteria;
    }

    private static List<TransitionalRule> readTransitions(YamlMap root) {
        List<TransitionalRule> rules = new ArrayList<>();
        for (YamlMap t : root.maps("transitional_rules")) {
            rules.add(new TransitionalRule(
                    t.string("id"),
                    t.string("legal_ref"),
                    t.enumValue("confidence", Confidence.class),
                    t.string("description_vi"),
                    t.string("description_en"),
                    t.date("applies_to_investment_started_before"),
                    t.string("use_regime"),
                    t.date("until")));
        }
        return rules;
    }

    private static Map<String, Question> toMap(List<Question> questions, String path) {
        Map<String, Question> byId = new LinkedHashMap<>();
        for (Question question : questions) {
            if (byId.put(question.id(), question) != null) {
                throw new RuleDataException(path + ": duplicate question id '" + question.id() + "'");
            }
        }
        return byId;
    }

    private static void checkLevel(int level, String where) {
        if (level < 1 || level > 5) {
            throw new RuleDataException(where + ": level must be 1–5 but was " + level);
        }
    }
}
