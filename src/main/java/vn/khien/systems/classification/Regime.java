package vn.khien.systems.classification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A versioned legal regime of security-level classification: its questions and criteria, read from
 * {@code rules/classification/*.yaml}.
 *
 * @param effectiveTo  last day the regime applies to new determinations, or {@code null} when open-ended
 * @param defaultLevel level proposed when no criterion is met, or {@code null} when the regime defines none
 */
public record Regime(
        String id,
        int version,
        String titleVi,
        String titleEn,
        String legalSource,
        LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        @Nullable Integer defaultLevel,
        List<Question> questions,
        List<Criterion> criteria,
        List<TransitionalRule> transitionalRules) {

    public Regime {
        questions = List.copyOf(questions);
        criteria = List.copyOf(criteria);
        transitionalRules = List.copyOf(transitionalRules);
    }

    public boolean isEffectiveOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public Map<String, Question> questionsById() {
        Map<String, Question> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        return byId;
    }

    public Optional<Integer> optionalDefaultLevel() {
        return Optional.ofNullable(defaultLevel);
    }
}
