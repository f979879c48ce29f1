package vn.khien.systems.classification;

import java.util.List;
import java.util.Map;

/** YAML {@code all: [...]}: every nested condition holds. */
record AllOf(List<Condition> conditions) implements Condition {

    public AllOf {
        conditions = List.copyOf(conditions);
    }

    @Override
    public boolean isMetBy(Answers answers) {
        for (Condition condition : conditions) {
            if (!condition.isMetBy(answers)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void checkAgainst(Map<String, Question> questions, String where) {
        conditions.forEach(condition -> condition.checkAgainst(questions, where));
    }
}
