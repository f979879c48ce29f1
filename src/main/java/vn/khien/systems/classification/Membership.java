package vn.khien.systems.classification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import vn.khien.systems.rules.RuleDataException;

/**
 * YAML {@code {question: q, in: [...]}} (some chosen option is listed) or
 * {@code {question: q, only: [...]}} (at least one option chosen and every chosen option is listed,
 * e.g. "processes only public information").
 */
record Membership(String questionId, List<String> values, boolean only) implements Condition {

    public Membership {
        values = List.copyOf(values);
    }

    @Override
    public boolean isMetBy(Answers answers) {
        Object answer = answers.get(questionId);
        if (answer == null) {
            return false;
        }
        if (answer instanceof Collection) {
            Collection<?> chosen = (Collection<?>) answer;
            if (chosen.isEmpty()) {
                return false;
            }
            return only
                    ? chosen.stream().allMatch(this::listed)
                    : chosen.stream().anyMatch(this::listed);
        }
        return listed(answer);
    }

    @Override
    public void checkAgainst(Map<String, Question> questions, String where) {
        Question question = questions.get(questionId);
        if (question == null) {
            throw new RuleDataException(where + ": condition refers to unknown question '" + questionId + "'");
        }
        if (question.type() != QuestionType.CHOICE && question.type() != QuestionType.MULTI_CHOICE) {
            throw new RuleDataException(
                    where + ": 'in'/'only' needs a choice question, '" + questionId + "' is " + question.type());
        }
        for (String value : values) {
            if (!question.options().contains(value)) {
                throw new RuleDataException(where + ": '" + value + "' is not an option of '" + questionId + "'");
            }
        }
    }

    private boolean listed(Object option) {
        return values.contains(String.valueOf(option));
    }
}
