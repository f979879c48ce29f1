package vn.khien.systems.classification.authority;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.khien.systems.rules.Confidence;
import vn.khien.systems.rules.RuleDataException;
import vn.khien.systems.rules.RuleYaml;
import vn.khien.systems.rules.YamlMap;

/** The authority mapping rule data. Each (regime, level) must be covered by exactly one row. */
public final class AuthorityRuleCatalog {

    public static final String DEFAULT_RESOURCE = "rules/authority/level-authority.yaml";

    private final List<AuthorityRule> rules;
    private final List<ProcedureEscalation> escalations;

    public AuthorityRuleCatalog(List<AuthorityRule> rules, List<ProcedureEscalation> escalations) {
        this.rules = List.copyOf(rules);
        this.escalations = List.copyOf(escalations);
        Set<String> seen = new HashSet<>();
        for (AuthorityRule rule : rules) {
            for (int level : rule.levels()) {
                if (!seen.add(rule.regimeId() + "#" + level)) {
                    throw new RuleDataException(
                            "authority rules cover " + rule.regimeId() + " level " + level + " twice");
                }
            }
        }
    }

    public static AuthorityRuleCatalog loadDefault() {
        return read(RuleYaml.loadClasspath(DEFAULT_RESOURCE));
    }

    public static AuthorityRuleCatalog read(YamlMap root) {
        List<AuthorityRule> rules = new ArrayList<>();
        for (YamlMap row : root.maps("rules")) {
            rules.add(readRule(row));
        }
        List<ProcedureEscalation> escalations = new ArrayList<>();
        for (YamlMap row : root.maps("procedure_escalations")) {
            if (!"ON_NATIONAL_SECURITY_CRITICAL_LIST".equals(row.string("when"))) {
                throw row.error("when", "unsupported escalation trigger");
            }
            escalations.add(new ProcedureEscalation(
                    row.string("regime"),
                    new HashSet<>(row.integers("levels")),
                    row.integer("follow_level"),
                    row.string("legal_ref")));
        }
        return new AuthorityRuleCatalog(rules, escalations);
    }

    public Optional<AuthorityRule> ruleFor(String regimeId, int level) {
        return rules.stream().filter(r -> r.covers(regimeId, level)).findFirst();
    }

    public Optional<ProcedureEscalation> escalationFor(String regimeId, int level) {
        return escalations.stream().filter(e -> e.covers(regimeId, level)).findFirst();
    }

    public List<AuthorityRule> all() {
        return rules;
    }

    private static AuthorityRule readRule(YamlMap row) {
        List<AdditionalApproval> additional = new ArrayList<>();
        for (YamlMap approval : row.maps("additional_approvals")) {
            additional.add(new AdditionalApproval(
                    approval.string("id"),
                    approval.enumValue("role", AuthorityRole.class),
                    approval.string("subject_vi"),
                    approval.string("subject_en"),
                    approval.string("legal_ref"),
                    approval.bool("adds_to_critical_list", false)));
        }
        AuthorityRole whenSecurityUnitOperates = row.has("when_security_unit_operates")
                ? row.map("when_security_unit_operates").enumValue("appraiser", AuthorityRole.class)
                : null;
        return new AuthorityRule(
                row.string("regime"),
                new HashSet<>(row.integers("levels")),
                row.enumValue("dossier_prepared_by", AuthorityRole.class),
                row.optEnum("expert_opinion_by", AuthorityRole.class),
                row.enumValue("submitted_for_appraisal_by", AuthorityRole.class),
                row.enumValue("appraiser", AuthorityRole.class),
                row.enumValue("approver", AuthorityRole.class),
                row.optString("approver_subject_vi"),
                row.optEnum("report_after_approval_to", AuthorityRole.class),
                whenSecurityUnitOperates,
                additional,
                row.string("legal_ref"),
                row.optEnum("confidence", Confidence.class, Confidence.UNCONFIRMED));
    }
}
