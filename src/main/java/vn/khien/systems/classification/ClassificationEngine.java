package vn.khien.systems.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proposes a security level from answers: a system is at a level if it meets any criterion of that level,
 * and the proposal is the highest level met (NĐ 85/2016 Đ5; NĐ 331/2026 Đ8.2). Pure and thread-safe.
 */
public final class ClassificationEngine {

    private final RegimeCatalog catalog;

    public ClassificationEngine(RegimeCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @throws UnknownRegimeException  if the regime id is not in the rule data
     * @throws InvalidAnswerException  if an answer is unknown, mistyped, out of range or missing
     * @throws NoCriterionMetException if nothing matches and the regime has no default level
     */
    public ClassificationResult classify(String regimeId, Map<String, ?> answerValues) {
        Regime regime = catalog.get(regimeId);
        Answers answers = Answers.of(answerValues);
        AnswerValidator.validate(regime, answers);

        List<Criterion> matched = new ArrayList<>();
        for (Criterion criterion : regime.criteria()) {
            if (criterion.isMetBy(answers)) {
                matched.add(criterion);
            }
        }
        matched.sort(Comparator.comparingInt(Criterion::level).reversed());
        if (matched.isEmpty()) {
            Integer fallback = regime.optionalDefaultLevel().orElseThrow(() -> new NoCriterionMetException(regimeId));
            return new ClassificationResult(regimeId, fallback, List.of(), List.of(), true);
        }
        int level = matched.get(0).level();
        return new ClassificationResult(regimeId, level, criteriaOfLevel(matched, level), matched, false);
    }

    /**
     * A composite system takes the highest level of its parts (NĐ 85/2016 Đ5; NĐ 331/2026 Đ8.2).
     * All parts must have been classified under the same regime.
     */
    public ClassificationResult proposeComposite(List<ClassificationResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a composite system needs at least one classified part");
        }
        String regimeId = parts.get(0).regimeId();
        int level = 0;
        for (ClassificationResult part : parts) {
            if (!part.regimeId().equals(regimeId)) {
                throw new IllegalArgumentException(
                        "parts classified under different regimes: " + regimeId + " and " + part.regimeId());
            }
            level = Math.max(level, part.proposedLevel());
        }
        Map<String, Criterion> deciding = new LinkedHashMap<>();
        Map<String, Criterion> matched = new LinkedHashMap<>();
        boolean allByDefault = true;
        for (ClassificationResult part : parts) {
            if (part.proposedLevel() == level) {
                part.decidingCriteria().forEach(c -> deciding.putIfAbsent(c.id(), c));
                allByDefault &= part.byDefault();
            }
            part.matchedCriteria().forEach(c -> matched.putIfAbsent(c.id(), c));
        }
        List<Criterion> allMatched = new ArrayList<>(matched.values());
        allMatched.sort(Comparator.comparingInt(Criterion::level).reversed());
        return new ClassificationResult(regimeId, level, new ArrayList<>(deciding.values()), allMatched, allByDefault);
    }

    private static List<Criterion> criteriaOfLevel(List<Criterion> matched, int level) {
        List<Criterion> result = new ArrayList<>();
        for (Criterion criterion : matched) {
            if (criterion.level() == level) {
                result.add(criterion);
            }
        }
        return result;
    }
}
