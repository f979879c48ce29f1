package vn.khien.systems.classification;

import java.util.List;

/**
 * One question of a regime's guided classification.
 *
 * @param requiredWhen answer is mandatory when this condition holds over the other answers;
 *                     {@code null} when {@code required} alone decides
 * @param min          lower bound for NUMBER answers, or {@code null}
 * @param max          upper bound for NUMBER answers, or {@code null}
 */
public record Question(
        String id,
        QuestionType type,
        List<String> options,
        boolean required,
        Condition requiredWhen,
        Integer min,
        Integer max,
        String textVi,
        String textEn,
        String legalRef) {

    public Question {
        options = List.copyOf(options);
    }

    public boolean isRequiredGiven(Answers answers) {
        return required || (requiredWhen != null && requiredWhen.isMetBy(answers));
    }
}
