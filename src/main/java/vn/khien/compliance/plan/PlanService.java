package vn.khien.compliance.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.compliance.catalogue.CatalogueSet;
import vn.khien.compliance.catalogue.PlanDerivation;
import vn.khien.compliance.catalogue.PlanDiff;
import vn.khien.compliance.catalogue.RequirementStatus;
import vn.khien.compliance.catalogue.admin.CatalogueStore;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.VisibleSystems;
import vn.khien.systems.register.InformationSystem;

/**
 * A system's security plan: derived from the approved level and regime, filled in requirement by requirement, and
 * the system's security regulation (the plan read with its evidence and tasks is {@code compliance.web}'s). Reads go through {@link VisibleSystems#get} first, so
 * a system outside the caller's scope is a 404 before anything else is looked at.
 */
@Service
public class PlanService {

    private final PlanRepository plans;
    private final CatalogueStore catalogues;
    private final VisibleSystems systems;
    private final AuditTrail audit;
    private final Clock clock;

    public PlanService(
            PlanRepository plans, CatalogueStore catalogues, VisibleSystems systems, AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.catalogues = catalogues;
        this.systems = systems;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * (Re-)derives the plan of a system whose level was approved. Answers already recorded are kept: a requirement
     * that stays keeps its status and evidence; one no longer required is kept but marked so, and returns intact if
     * a later level needs it again.
     */
    @Transactional
    public PlanDiff derive(
            long systemId,
            long ownerOrganizationId,
            String ownerPath,
            int level,
            String regimeId,
            @Nullable LocalDate approvedOn) {
        CatalogueSet set = catalogues.setFor(RegimeIds.of(regimeId), ownerPath);
        Set<String> wanted = PlanDerivation.derive(set, level);
        Set<String> before = new LinkedHashSet<>(plans.requiredIds(systemId));
        PlanDiff diff = PlanDiff.between(before, wanted);
        var now = clock.instant();
        diff.newlyRequired().forEach(id -> plans.require(systemId, id, now));
        diff.noLongerRequired().forEach(id -> plans.release(systemId, id, now));
        plans.supersede(systemId, now);
        String versions = set.base().header().versionedId()
                + set.organisationLayers().stream()
                        .map(l -> "," + l.header().versionedId())
                        .collect(Collectors.joining());
        long revision = plans.insertRevision(
                systemId, level, regimeId, versions, approvedOn, diff.newlyRequired(), diff.noLongerRequired(), now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("level", level);
        details.put("regime", regimeId);
        details.put("catalogues", versions);
        details.put("newlyRequired", diff.newlyRequired().size());
        details.put("noLongerRequired", diff.noLongerRequired().size());
        details.put("system", systemId);
        audit.record(AuditEntry.change(
                "compliance.plan.derive", ownerOrganizationId, "security_plan", revision, null, details));
        return diff;
    }

    @Transactional
    public PlanItem updateItem(long systemId, String requirementId, PlanItemUpdate update) {
        InformationSystem system = editable(systemId);
        PlanItem before = plans.item(systemId, requirementId)
                .filter(PlanItem::required)
                .orElseThrow(() -> new NotFoundException("plan item " + requirementId));
        List<FieldProblem> problems = new ArrayList<>();
        if (update.getStatus() == null) {
            problems.add(new FieldProblem("status", "validation.required"));
        } else if (update.getStatus() == RequirementStatus.PLANNED && update.getTargetDate() == null) {
            problems.add(new FieldProblem("targetDate", "compliance.error.targetDateRequired"));
        } else if (update.getStatus() == RequirementStatus.NOT_APPLICABLE && blank(update.getJustification())) {
            problems.add(new FieldProblem("justification", "compliance.error.justificationRequired"));
        }
        if ((update.getStatus() == RequirementStatus.MET || update.getStatus() == RequirementStatus.PARTLY_MET)
                && blank(update.getHowMet())
                && blank(update.getDeployedProducts())) {
            // "Met" is a claim: it says at least how (evidence may follow and is flagged as missing) — issue 9.
            problems.add(new FieldProblem("howMet", "compliance.error.howMetRequired"));
        }
        if (update.getStatus() == RequirementStatus.MET
                && blank(update.getDeployedProducts())
                && productsRequired(system, requirementId)) {
            // The level requires a product (WAF, SIEM …): "met" must name what is actually deployed.
            problems.add(new FieldProblem("deployedProducts", "compliance.error.productsRequired"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        plans.updateItem(systemId, requirementId, update, clock.instant());
        PlanItem after = plans.item(systemId, requirementId).orElseThrow();
        audit.record(AuditEntry.change(
                "compliance.plan.item",
                system.ownerOrganizationId(),
                "plan_item",
                systemId + "/" + requirementId,
                snapshot(before),
                snapshot(after)));
        return after;
    }

    @Transactional
    public SecurityRegulation saveRegulation(long systemId, RegulationRequest r) {
        InformationSystem system = editable(systemId);
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(r.title())) {
            problems.add(new FieldProblem("title", "validation.required"));
        }
        if (blank(r.decisionNumber())) {
            problems.add(new FieldProblem("decisionNumber", "validation.required"));
        }
        if (r.issuedOn() == null) {
            problems.add(new FieldProblem("issuedOn", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        SecurityRegulation before = plans.regulation(systemId).orElse(null);
        // All three checked above.
        SecurityRegulation after = new SecurityRegulation(
                systemId,
                Objects.requireNonNull(r.title(), "title").trim(),
                Objects.requireNonNull(r.decisionNumber(), "decisionNumber").trim(),
                Objects.requireNonNull(r.issuedOn(), "issuedOn"),
                r.issuedBy());
        plans.saveRegulation(after, clock.instant());
        audit.record(AuditEntry.change(
                "compliance.regulation.save",
                system.ownerOrganizationId(),
                "security_regulation",
                systemId,
                before,
                after));
        return after;
    }

    private boolean productsRequired(InformationSystem system, String requirementId) {
        Integer level = system.approvedLevel();
        return level != null
                && catalogues
                        .everything()
                        .find(requirementId)
                        .map(r -> r.designProductsFor(level).stream().anyMatch(p -> !p.isConditional()))
                        .orElse(false);
    }

    /** The system if the caller may see it, else 404. */
    public InformationSystem viewSystem(long systemId) {
        return systems.get(systemId);
    }

    /** The system if the caller may edit its security data: 404 outside the scope, 403 without the right. */
    public InformationSystem editable(long systemId) {
        InformationSystem system = systems.get(systemId);
        if (!systems.canEdit(system)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        return system;
    }

    private static Map<String, Object> snapshot(PlanItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", i.status());
        m.put("howMet", i.howMet());
        m.put("owner", i.owner());
        m.put("targetDate", i.targetDate() == null ? null : i.targetDate().toString());
        m.put("justification", i.justification());
        m.put("deployedProducts", i.deployedProducts());
        return m;
    }

    @Contract("null -> true")
    public static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
