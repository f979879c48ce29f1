package vn.khien.systems.classification;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One question of a regime's guided classification.
 *
 * @param requiredWhen answer is mandatory when this condition holds over the other answers;
 *                     {@code null} when {@code required} alone decides
 * @param min          lower bound for NUMBER answers, or {@code null}
 * @param max          upper bound for NUMBER answers, or {@code null}
 * @param optionLabels Vietnamese and English label of every option code, from the rule data
 */
public record Question(
        String id,
        QuestionType type,
        List<String> options,
        boolean required,
        @Nullable Condition requiredWhen,
        @Nullable Integer min,
        @Nullable Integer max,
        String textVi,
        String textEn,
        String legalRef,
        Map<String, OptionLabel> optionLabels) {

    /** What a person reads for an option code. */
    public record OptionLabel(String vi, String en) {}

    public Question {
        options = List.copyOf(options);
        optionLabels = Map.copyOf(optionLabels);
    }

    /** The label of an option in the reader's language; the code itself if the rule data has none. */
    public String optionLabel(String option, boolean english) {
        OptionLabel l = optionLabels.get(option);
        if (l == null) {
            return option;
        }
        return english ? l.en() : l.vi();
    }

    public boolean isRequiredGiven(Answers answers) {
        return required || (requiredWhen != null && requiredWhen.isMetBy(answers));
    }
}
