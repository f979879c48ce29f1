package vn.khien.systems.classification;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.khien.systems.rules.RuleDataException;

/** YAML {@code {question: q, op: ">=", value: v}}; ordering operators apply to NUMBER questions only. */
record Comparison(String questionId, String op, @Nullable Object value) implements Condition {

    private static final Set<String> EQUALITY = Set.of("==", "!=");
    private static final Set<String> ORDERING = Set.of("<", "<=", ">", ">=");

    @Override
    public boolean isMetBy(Answers answers) {
        Object answer = answers.get(questionId);
        if (answer == null) {
            return false;
        }
        if (answer instanceof Number && value instanceof Number) {
            int sign = toDecimal(answer).compareTo(toDecimal(value));
            return compare(sign);
        }
        boolean equal = String.valueOf(answer).equals(String.valueOf(value));
        return "==".equals(op) ? equal : !equal;
    }

    @Override
    public void checkAgainst(Map<String, Question> questions, String where) {
        Question question = questions.get(questionId);
        if (question == null) {
            throw new RuleDataException(where + ": condition refers to unknown question '" + questionId + "'");
        }
        if (!EQUALITY.contains(op) && !ORDERING.contains(op)) {
            throw new RuleDataException(where + ": unknown operator '" + op + "' on '" + questionId + "'");
        }
        boolean numeric = question.type() == QuestionType.NUMBER;
        if (ORDERING.contains(op) && !numeric) {
            throw new RuleDataException(where + ": operator '" + op + "' needs a number question, '" + questionId
                    + "' is " + question.type());
        }
        if (numeric != (value instanceof Number)) {
            throw new RuleDataException(where + ": value '" + value + "' does not suit " + question.type()
                    + " question '" + questionId + "'");
        }
        if (question.type() == QuestionType.BOOLEAN && !(value instanceof Boolean)) {
            throw new RuleDataException(where + ": '" + questionId + "' is boolean but compared with '" + value + "'");
        }
        if (question.type() == QuestionType.CHOICE && !question.options().contains(String.valueOf(value))) {
            throw new RuleDataException(where + ": '" + value + "' is not an option of '" + questionId + "'");
        }
        if (question.type() == QuestionType.MULTI_CHOICE) {
            throw new RuleDataException(where + ": use 'in' or 'only' for multi-choice question '" + questionId + "'");
        }
    }

    private boolean compare(int sign) {
        switch (op) {
            case "==":
                return sign == 0;
            case "!=":
                return sign != 0;
            case "<":
                return sign < 0;
            case "<=":
                return sign <= 0;
            case ">":
                return sign > 0;
            case ">=":
                return sign >= 0;
            default:
                throw new IllegalStateException("unchecked operator " + op);
        }
    }

    private static BigDecimal toDecimal(Object number) {
        return new BigDecimal(number.toString());
    }
}
