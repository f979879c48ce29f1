package vn.khien.systems.classification;

import java.util.Map;

/**
 * A declarative test over answers, read from rule YAML. Unanswered questions make a leaf condition false,
 * so an optional question left blank never triggers a criterion.
 */
public interface Condition {

    boolean isMetBy(Answers answers);

    /** Fails with a message naming {@code where} if the condition refers to unknown questions or options. */
    void checkAgainst(Map<String, Question> questions, String where);
}
