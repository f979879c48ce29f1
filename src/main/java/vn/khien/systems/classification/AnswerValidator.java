package vn.khien.systems.classification;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import vn.khien.systems.classification.InvalidAnswerException.Reason;

/** Checks answers against a regime's questions before any criterion is evaluated. */
final class AnswerValidator {

    private AnswerValidator() {}

    public static void validate(Regime regime, Answers answers) {
        Map<String, Question> questions = regime.questionsById();
        for (Map.Entry<String, Object> entry : answers.asMap().entrySet()) {
            Question question = questions.get(entry.getKey());
            if (question == null) {
                throw new InvalidAnswerException(
                        entry.getKey(), Reason.UNKNOWN_QUESTION, "not a question of regime " + regime.id());
            }
            checkValue(question, entry.getValue());
        }
        for (Question question : regime.questions()) {
            if (!answers.has(question.id()) && question.isRequiredGiven(answers)) {
                throw new InvalidAnswerException(
                        question.id(), Reason.MISSING_REQUIRED, "an answer is required (" + question.textEn() + ")");
            }
        }
    }

    private static void checkValue(Question question, Object value) {
        switch (question.type()) {
            case BOOLEAN:
                expect(question, value instanceof Boolean, value, "true or false");
                break;
            case NUMBER:
                expect(question, value instanceof Number, value, "a number");
                checkRange(question, new BigDecimal(value.toString()));
                break;
            case CHOICE:
                expect(question, value instanceof String, value, "one of " + question.options());
                checkOption(question, value);
                break;
            case MULTI_CHOICE:
                expect(question, value instanceof Collection, value, "a list of " + question.options());
                Collection<?> chosen = (Collection<?>) value;
                if (chosen.isEmpty()) {
                    throw new InvalidAnswerException(
                            question.id(), Reason.MISSING_REQUIRED, "choose at least one of " + question.options());
                }
                chosen.forEach(option -> checkOption(question, option));
                break;
            default:
                throw new IllegalStateException("unhandled question type " + question.type());
        }
    }

    private static void expect(Question question, boolean ok, Object value, String expected) {
        if (!ok) {
            throw new InvalidAnswerException(
                    question.id(),
                    Reason.WRONG_TYPE,
                    "expected " + expected + " but got '" + value + "' ("
                            + value.getClass().getSimpleName() + ")");
        }
    }

    private static void checkOption(Question question, Object option) {
        if (!(option instanceof String) || !question.options().contains(option)) {
            throw new InvalidAnswerException(
                    question.id(), Reason.NOT_AN_OPTION, "'" + option + "' is not one of " + question.options());
        }
    }

    private static void checkRange(Question question, BigDecimal number) {
        boolean tooLow = question.min() != null && number.compareTo(BigDecimal.valueOf(question.min())) < 0;
        boolean tooHigh = question.max() != null && number.compareTo(BigDecimal.valueOf(question.max())) > 0;
        if (tooLow || tooHigh) {
            throw new InvalidAnswerException(
                    question.id(),
                    Reason.OUT_OF_RANGE,
                    number + " is outside " + (question.min() == null ? "-∞" : question.min()) + "…"
                            + (question.max() == null ? "∞" : question.max()));
        }
    }
}
