package vn.khien.systems.levels;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.systems.classification.ConditionGrammar;
import vn.khien.systems.classification.Question;
import vn.khien.systems.classification.QuestionType;

@RestController
@Tag(name = "Security-level classification", description = "Guided classification under NĐ 85/2016 or NĐ 331/2026")
class ClassificationApi {

    /**
     * One question of a regime. {@code required} is true when always required; {@code requiredWhen} is the condition
     * (rule-data grammar, see rules/README.md) under which an answer becomes required, or null. {@code optionLabels}
     * gives each option code its Vietnamese and English label.
     */
    public record QuestionView(
            String id,
            QuestionType type,
            List<String> options,
            boolean required,
            @Nullable Integer min,
            @Nullable Integer max,
            String textVi,
            String textEn,
            String legalRef,
            Map<String, Question.OptionLabel> optionLabels,
            @Nullable Map<String, Object> requiredWhen) {
        static QuestionView of(Question q) {
            Map<String, Question.OptionLabel> labels = new LinkedHashMap<>();
            q.options().forEach(o -> labels.put(o, q.optionLabels().getOrDefault(o, new Question.OptionLabel(o, o))));
            return new QuestionView(
                    q.id(),
                    q.type(),
                    q.options(),
                    q.required(),
                    q.min(),
                    q.max(),
                    q.textVi(),
                    q.textEn(),
                    q.legalRef(),
                    labels,
                    ConditionGrammar.toMap(q.requiredWhen()));
        }
    }

    public record RegimeView(
            String id,
            String titleVi,
            String titleEn,
            String legalSource,
            LocalDate effectiveFrom,
            @Nullable LocalDate effectiveTo,
            List<QuestionView> questions) {}

    private final ClassificationService service;

    public ClassificationApi(ClassificationService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/classification-regimes")
    @Operation(summary = "The classification regimes and their questions (rule data, the same for everyone)")
    public List<RegimeView> regimes() {
        return service.regimes().all().stream()
                .map(r -> new RegimeView(
                        r.id(),
                        r.titleVi(),
                        r.titleEn(),
                        r.legalSource(),
                        r.effectiveFrom(),
                        r.effectiveTo(),
                        r.questions().stream().map(QuestionView::of).toList()))
                .toList();
    }

    @GetMapping("/api/v1/systems/{id}/classifications")
    @Operation(summary = "Classification history of a system, newest first")
    public List<StoredClassification> history(@PathVariable long id) {
        return service.history(id);
    }

    @PostMapping("/api/v1/systems/{id}/classifications")
    @Operation(
            summary = "Classify a system: answers (or parts[].answers for a composite system) under a regime",
            description = "Proposes a level with the deciding criterion and article; chosenLevel different from the "
                    + "proposal needs a written justification")
    public ResponseEntity<StoredClassification> classify(
            @PathVariable long id, @RequestBody ClassificationRequest request) {
        StoredClassification c = service.classify(id, request);
        return ResponseEntity.created(URI.create("/api/v1/systems/" + id + "/classifications/" + c.id()))
                .body(c);
    }
}
