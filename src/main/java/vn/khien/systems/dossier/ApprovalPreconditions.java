package vn.khien.systems.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khien.systems.SecurityRegulations.IssuedRegulation;
import vn.khien.systems.rules.Confidence;
import vn.khien.systems.rules.RuleYaml;
import vn.khien.systems.rules.YamlMap;

/**
 * What must exist before a level dossier is approved, from {@code rules/dossier/approval-preconditions.yaml}: today the
 * security regulation issued no later than the approval decision (TT 12/2022 Đ9.7; NĐ 331/2026 Đ30.7). Pure: the
 * caller supplies the regulation on file.
 */
@Component
class ApprovalPreconditions {
    public static final String RESOURCE = "rules/dossier/approval-preconditions.yaml";

    /** One precondition row of the rule data. */
    public record Precondition(
            String id,
            String regime,
            Set<Integer> levels,
            String kind,
            boolean sameDayAllowed,
            String legalRef,
            String textVi,
            String textEn,
            Confidence confidence) {
        boolean covers(String r, int level) {
            return regime.equals(r) && levels.contains(level);
        }
    }

    /**
     * A precondition not met for a dossier.
     *
     * @param reason MISSING (nothing on file) or AFTER_DECISION (issued after the approval decision's date)
     */
    public record Unmet(Precondition precondition, String reason, IssuedRegulation regulation) {}

    private final List<Precondition> preconditions;

    public ApprovalPreconditions() {
        this(RuleYaml.loadClasspath(RESOURCE));
    }

    ApprovalPreconditions(YamlMap root) {
        List<Precondition> read = new ArrayList<>();
        for (YamlMap p : root.maps("preconditions")) {
            String kind = p.string("kind");
            if (!"SECURITY_REGULATION_ISSUED".equals(kind)) {
                throw p.error("kind", "unknown precondition kind");
            }
            read.add(new Precondition(
                    p.string("id"),
                    p.string("regime"),
                    new HashSet<>(p.integers("levels")),
                    kind,
                    p.bool("same_day_allowed", false),
                    p.string("legal_ref"),
                    p.string("text_vi"),
                    p.string("text_en"),
                    p.optEnum("confidence", Confidence.class, Confidence.UNCONFIRMED)));
        }
        this.preconditions = List.copyOf(read);
    }

    public List<Precondition> forDossier(String regime, int level) {
        return preconditions.stream().filter(p -> p.covers(regime, level)).toList();
    }

    /**
     * The preconditions not met if the dossier were approved by a decision dated {@code decisionDate} (null: not yet
     * known, only presence is checked).
     */
    public List<Unmet> unmet(String regime, int level, Optional<IssuedRegulation> regulation, LocalDate decisionDate) {
        List<Unmet> unmet = new ArrayList<>();
        for (Precondition p : forDossier(regime, level)) {
            if (regulation.isEmpty()) {
                unmet.add(new Unmet(p, "MISSING", null));
                continue;
            }
            LocalDate issued = regulation.get().issuedOn();
            boolean late = decisionDate != null
                    && issued != null
                    && (p.sameDayAllowed() ? issued.isAfter(decisionDate) : !issued.isBefore(decisionDate));
            if (late) {
                unmet.add(new Unmet(p, "AFTER_DECISION", regulation.get()));
            }
        }
        return unmet;
    }
}
