package vn.khien.systems.classification;

import java.util.Map;

/** YAML {@code not: {...}}. */
public record Not(Condition condition) implements Condition {

    @Override
    public boolean isMetBy(Answers answers) {
        return !condition.isMetBy(answers);
    }

    @Override
    public void checkAgainst(Map<String, Question> questions, String where) {
        condition.checkAgainst(questions, where);
    }
}
