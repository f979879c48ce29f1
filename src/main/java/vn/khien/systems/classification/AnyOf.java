package vn.khien.systems.classification;

import java.util.List;
import java.util.Map;

/** YAML {@code any: [...]}: at least one nested condition holds. */
record AnyOf(List<Condition> conditions) implements Condition {

    public AnyOf {
        conditions = List.copyOf(conditions);
    }

    @Override
    public boolean isMetBy(Answers answers) {
        for (Condition condition : conditions) {
            if (condition.isMetBy(answers)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void checkAgainst(Map<String, Question> questions, String where) {
        conditions.forEach(condition -> condition.checkAgainst(questions, where));
    }
}
