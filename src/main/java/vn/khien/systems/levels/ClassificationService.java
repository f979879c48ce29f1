package vn.khien.systems.levels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.access.CurrentPerson;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.systems.classification.ClassificationEngine;
import vn.khien.systems.classification.ClassificationResult;
import vn.khien.systems.classification.Criterion;
import vn.khien.systems.classification.InvalidAnswerException;
import vn.khien.systems.classification.NoCriterionMetException;
import vn.khien.systems.classification.RegimeCatalog;
import vn.khien.systems.classification.RegimeSelector;
import vn.khien.systems.classification.UnknownRegimeException;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.LifecycleStatus;
import vn.khien.systems.register.SystemService;

/** Runs the guided classification of the rule layer for a system and keeps every result as history. */
@Service
public class ClassificationService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MIN_JUSTIFICATION = 20;

    private final JdbcClient jdbc;
    private final SystemService systems;
    private final ClassificationEngine engine;
    private final RegimeCatalog regimes;
    private final RegimeSelector selector;
    private final AuditTrail audit;
    private final Clock clock;

    public ClassificationService(
            JdbcClient jdbc,
            SystemService systems,
            ClassificationEngine engine,
            RegimeCatalog regimes,
            RegimeSelector selector,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.engine = engine;
        this.regimes = regimes;
        this.selector = selector;
        this.audit = audit;
        this.clock = clock;
    }

    /** The regime a new determination of this system falls under today (effective dates and transitional rules). */
    public String regimeFor(InformationSystem s) {
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        LocalDate investment = s.lifecycleStatus() == LifecycleStatus.UNDER_INVESTMENT
                        || s.lifecycleStatus() == LifecycleStatus.PLANNED
                ? s.investmentStartedOn()
                : null;
        return selector.select(today, investment).regimeId();
    }

    @Transactional
    public StoredClassification classify(long systemId, ClassificationRequest request) {
        InformationSystem s = systems.get(systemId);
        if (!systems.canEdit(s)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        String regimeId =
                request.getRegime() == null || request.getRegime().isBlank() ? regimeFor(s) : request.getRegime();
        List<ClassificationResult> results = new ArrayList<>();
        List<Map<String, Object>> parts = new ArrayList<>();
        // Parts meeting no criterion of the regime: the decree has a gap there (issue 9 point 20).
        boolean gap = false;
        int index = 0;
        for (ClassificationRequest.Part part : request.effectiveParts()) {
            Optional<ClassificationResult> r =
                    classifyPart(regimeId, part, index, request.effectiveParts().size() > 1);
            r.ifPresent(results::add);
            gap |= r.isEmpty();
            Map<String, Object> stored = new LinkedHashMap<>();
            stored.put("name", part.getName() == null ? s.name() : part.getName());
            stored.put("answers", part.getAnswers());
            stored.put("level", r.map(ClassificationResult::proposedLevel).orElse(null));
            stored.put(
                    "deciding",
                    r.map(x -> x.decidingCriteria().stream().map(Criterion::id).toList())
                            .orElse(List.of()));
            stored.put("noCriterion", r.isEmpty());
            parts.add(stored);
            index++;
        }
        String justification = request.getJustification() == null
                ? null
                : request.getJustification().trim();
        boolean justified = justification != null && justification.length() >= MIN_JUSTIFICATION;
        if (gap && (request.getChosenLevel() == null || !justified)) {
            // No criterion met: the officer proposes a level with written reasons, flagged for the appraiser.
            List<FieldProblemException.FieldProblem> missing = new ArrayList<>();
            if (request.getChosenLevel() == null) {
                missing.add(new FieldProblemException.FieldProblem(
                        "chosenLevel",
                        "legal.classify.noCriterion",
                        regimes.get(regimeId).titleVi(),
                        MIN_JUSTIFICATION));
            }
            if (!justified) {
                missing.add(new FieldProblemException.FieldProblem(
                        "justification", "legal.classify.noCriterionJustification", MIN_JUSTIFICATION));
            }
            throw new FieldProblemException(missing);
        }
        ClassificationResult overall = results.isEmpty()
                ? new ClassificationResult(
                        regimeId,
                        Objects.requireNonNull(request.getChosenLevel(), "required above when no part met a criterion"),
                        List.of(),
                        List.of(),
                        false)
                : results.size() == 1 ? results.get(0) : engine.proposeComposite(results);
        int chosen = request.getChosenLevel() == null ? overall.proposedLevel() : request.getChosenLevel();
        if (chosen < 1 || chosen > 5) {
            throw new FieldProblemException("chosenLevel", "systems.classify.levelRange");
        }
        if (chosen != overall.proposedLevel() && !justified) {
            throw new FieldProblemException(
                    "justification", "systems.classify.justificationRequired", MIN_JUSTIFICATION);
        }
        List<StoredClassification.DecidingCriterion> deciding = overall.decidingCriteria().stream()
                .map(c -> new StoredClassification.DecidingCriterion(
                        c.id(), c.level(), c.legalRef(), c.descriptionVi(), c.descriptionEn()))
                .toList();
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO system_classification (system_id, regime, parts, proposed_level, deciding_criteria,
                    chosen_level, justification, classified_by, classified_by_name, classified_at, no_criterion)
                VALUES (:s, :regime, :parts, :proposed, :deciding, :chosen, :why, :by, :byName, :at, :gap)""")
                .param("gap", gap)
                .param("s", systemId)
                .param("regime", regimeId)
                .param("parts", JSON.writeValueAsString(parts))
                .param("proposed", overall.proposedLevel())
                .param("deciding", JSON.writeValueAsString(deciding))
                .param("chosen", chosen)
                .param("why", justification)
                .param("by", CurrentPerson.idOrNobody())
                .param("byName", CurrentPerson.username().orElse(null))
                .param("at", Timestamp.from(now))
                .update(keys, "id");
        StoredClassification stored = find(Objects.requireNonNull(keys.getKey(), "generated id")
                        .longValue())
                .orElseThrow();
        audit.record(AuditEntry.change(
                "system.classify",
                s.ownerOrganizationId(),
                "information_system",
                systemId,
                null,
                Map.of(
                        "regime",
                        regimeId,
                        "proposedLevel",
                        overall.proposedLevel(),
                        "chosenLevel",
                        chosen,
                        "deciding",
                        deciding.stream()
                                .map(StoredClassification.DecidingCriterion::legalRef)
                                .toList(),
                        "noCriterion",
                        gap)));
        return stored;
    }

    /** Empty when the answers meet no criterion of the regime (a gap the officer fills with a justified proposal). */
    private Optional<ClassificationResult> classifyPart(
            String regimeId, ClassificationRequest.Part part, int index, boolean composite) {
        String prefix = composite ? "parts[" + index + "].answers." : "answers.";
        try {
            return Optional.of(engine.classify(regimeId, part.getAnswers() == null ? Map.of() : part.getAnswers()));
        } catch (UnknownRegimeException e) {
            throw new FieldProblemException("regime", "systems.classify.unknownRegime", regimeId);
        } catch (InvalidAnswerException e) {
            throw new FieldProblemException(
                    prefix + e.questionId(), "systems.classify.invalidAnswer." + e.reason(), e.questionId());
        } catch (NoCriterionMetException e) {
            return Optional.empty();
        }
    }

    public List<StoredClassification> history(long systemId) {
        systems.get(systemId);
        return jdbc.sql("SELECT * FROM system_classification WHERE system_id = :s ORDER BY classified_at DESC, id DESC")
                .param("s", systemId)
                .query((rs, n) -> map(rs))
                .list();
    }

    public Optional<StoredClassification> current(long systemId) {
        List<StoredClassification> all = history(systemId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Unscoped: callers have already checked the system is visible. */
    public Optional<StoredClassification> find(long id) {
        return jdbc.sql("SELECT * FROM system_classification WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    public RegimeCatalog regimes() {
        return regimes;
    }

    private static StoredClassification map(ResultSet rs) throws SQLException {
        List<StoredClassification.DecidingCriterion> deciding = JSON.readValue(
                rs.getString("deciding_criteria"),
                new TypeReference<List<StoredClassification.DecidingCriterion>>() {});
        List<Map<String, Object>> parts =
                JSON.readValue(rs.getString("parts"), new TypeReference<List<Map<String, Object>>>() {});
        return new StoredClassification(
                rs.getLong("id"),
                rs.getLong("system_id"),
                rs.getString("regime"),
                rs.getInt("proposed_level"),
                deciding,
                parts,
                rs.getInt("chosen_level"),
                rs.getString("justification"),
                rs.getString("classified_by_name"),
                rs.getTimestamp("classified_at").toInstant(),
                rs.getBoolean("no_criterion"));
    }
}
