package vn.khien.warnings.alerts;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.PersonPrincipal;
import vn.khien.access.ScopeFilter;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.warnings.WarningResponded;
import vn.khien.warnings.advisories.CsafCheck;
import vn.khien.warnings.advisories.CsafValidation;
import vn.khien.warnings.matching.Component;
import vn.khien.warnings.matching.CpeCriterion;
import vn.khien.warnings.matching.PurlCriterion;
import vn.khien.warnings.vex.VexDocument;
import vn.khien.warnings.vex.VexException;
import vn.khien.warnings.vex.VexSchemas;
import vn.khien.warnings.vex.VexStatement;

/**
 * A unit answers a warning for many systems at once with a VEX document (CSAF VEX, CycloneDX VEX or OpenVEX).
 *
 * <p>A statement applies when its vulnerability is one of the warning's CVEs (any statement, for a warning without
 * CVEs) and one of its products is a system the caller may edit that the warning reaches: the product's purl or CPE
 * matches one of the system's components (the same engine as the matching), or its id/name is the system's code.
 * Per system the statements combine: any {@code affected} or {@code under_investigation} → acknowledged; else any
 * {@code fixed} → FIXED (the document as evidence); else NOT_AFFECTED with the first justification. Every change goes
 * through the target's own steps; the whole document is applied or, at the first problem (an unreadable field, a
 * step not allowed from a system's status), nothing is, with every problem named. A CSAF VEX document runs the CSAF 2.0
 * tests of the advisory import: a refusing mandatory test refuses it, the other failures come back in the result and
 * the audit trail (ADR 0062).
 */
@Service
class VexAnswers {

    private final WarningRepository warnings;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    VexAnswers(WarningRepository warnings, OrgScope scope, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.warnings = warnings;
        this.scope = scope;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Change(long systemId, String systemName, String from, String to) implements Serializable {}

    record Skipped(String field, String reason) {}

    record Result(
            String format,
            String documentId,
            int statements,
            List<Change> changed,
            int unchanged,
            List<Skipped> skipped,
            List<CsafCheck> csafChecks,
            int csafChecksTotal) {}

    private record Candidate(WarningTarget target, String code, String name, List<Component> components) {}

    @Transactional
    Result answer(long warningId, String fileName, byte[] content) {
        WarningRepository.Warning w = warnings.get(warningId);
        PersonPrincipal me =
                CurrentPerson.principal().orElseThrow(() -> new ForbiddenActionException("error.forbidden"));
        if (content == null || content.length == 0) {
            throw new FieldProblemException("file", "validation.required");
        }
        // the format's official JSON schema first: a document that breaks it is refused whole, each violation named
        // by its JSON pointer (ADR 0065)
        VexSchemas.check(content, LocaleContextHolder.getLocale()).ifPresent(o -> {
            throw schemaRefusal(o);
        });
        // CSAF 2.0 §6: the same tests as the advisory import, refusing what changes the answer (ADR 0056, 0062)
        List<CsafCheck> csafChecks = List.of();
        int csafChecksTotal = 0;
        CsafValidation.Outcome tests = CsafValidation.ofUpload(content).orElse(null);
        if (tests != null && tests.isRefused()) {
            throw csafRefusal(tests);
        }
        if (tests != null) {
            csafChecks = tests.accepted();
            csafChecksTotal = tests.acceptedTotal();
        }
        VexDocument doc;
        try {
            doc = VexDocument.read(new ByteArrayInputStream(content));
        } catch (VexException e) {
            throw new FieldProblemException(e.field(), "warnings.vex.invalid", e.getMessage());
        }
        Map<Long, Candidate> candidates = candidates(w.id());
        if (candidates.isEmpty()) {
            throw new ForbiddenActionException("warnings.vex.noSystems");
        }
        Set<String> cves = new LinkedHashSet<>(w.cves());
        Map<Long, List<VexStatement>> bySystem = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (VexStatement s : doc.statements()) {
            if (!cves.isEmpty() && s.vulnerabilities().stream().noneMatch(cves::contains)) {
                skipped.add(new Skipped(
                        s.field(),
                        "vulnerability " + String.join("/", s.vulnerabilities()) + " is not in this warning"));
                continue;
            }
            boolean any = false;
            for (Candidate c : candidates.values()) {
                if (s.products().stream().anyMatch(p -> concerns(p, c))) {
                    bySystem.computeIfAbsent(c.target().systemId(), k -> new ArrayList<>())
                            .add(s);
                    any = true;
                }
            }
            if (!any) {
                skipped.add(new Skipped(
                        s.field(),
                        "no system of yours reached by this warning has "
                                + String.join(
                                        ", ",
                                        s.products().stream()
                                                .map(VexStatement.Product::label)
                                                .toList())));
            }
        }
        if (bySystem.isEmpty()) {
            throw new FieldProblemException("file", "warnings.vex.nothingApplies");
        }
        Instant now = clock.instant();
        String evidencePrefix = "VEX " + doc.format().name() + (doc.id() == null ? "" : " " + doc.id())
                + (fileName == null ? "" : " (" + fileName + ")");
        List<FieldProblem> problems = new ArrayList<>();
        record Planned(WarningTarget before, WarningTarget after, String note) {}
        List<Planned> planned = new ArrayList<>();
        int unchanged = 0;
        for (var e : bySystem.entrySet()) {
            Candidate c = candidates.get(e.getKey());
            WarningTarget t = c.target();
            List<VexStatement> st = e.getValue();
            VexStatement decisive = decisive(st);
            try {
                WarningTarget after = switch (decisive.status()) {
                    case AFFECTED, UNDER_INVESTIGATION ->
                        t.status() == TargetStatus.REACHED ? t.acknowledge(me.personId(), now) : null;
                    case FIXED ->
                        t.status() == TargetStatus.FIXED
                                ? null
                                : t.fixed(evidencePrefix + note(decisive), me.personId(), now);
                    case NOT_AFFECTED ->
                        t.status() == TargetStatus.NOT_AFFECTED
                                ? null
                                : t.notAffected(
                                        Justification.of(decisive.justification())
                                                .orElseThrow(),
                                        evidencePrefix + note(decisive),
                                        me.personId(),
                                        now);
                };
                if (after == null) {
                    unchanged++;
                } else {
                    planned.add(new Planned(t, after, evidencePrefix + note(decisive)));
                }
            } catch (FieldProblemException ex) {
                problems.add(new FieldProblem(
                        decisive.field(),
                        "warnings.vex.transition",
                        c.code(),
                        t.status().name(),
                        decisive.status().name()));
            }
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        List<Change> changed = new ArrayList<>();
        Map<Long, List<Long>> systemsByOrg = new LinkedHashMap<>();
        for (Planned p : planned) {
            warnings.update(p.before(), p.after(), p.note(), null, me.personId(), me.username(), now);
            audit.record(AuditEntry.change(
                    "WARNING_RESPONSE",
                    p.before().organizationId(),
                    "warning_target",
                    p.before().id(),
                    Map.of(
                            "status",
                            p.before().status().name(),
                            "systemId",
                            p.before().systemId()),
                    Map.of(
                            "status",
                            p.after().status().name(),
                            "systemId",
                            p.after().systemId(),
                            "by",
                            "VEX")));
            Candidate c = candidates.get(p.before().systemId());
            changed.add(new Change(
                    p.before().systemId(),
                    c.name(),
                    p.before().status().name(),
                    p.after().status().name()));
            systemsByOrg
                    .computeIfAbsent(p.before().organizationId(), k -> new ArrayList<>())
                    .add(p.before().systemId());
        }
        String sha = sha256(content);
        for (var e : systemsByOrg.entrySet()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("warningId", w.id());
            details.put("format", doc.format().name());
            details.put("documentId", doc.id());
            details.put("file", fileName);
            details.put("sha256", sha);
            details.put("systems", e.getValue());
            if (tests != null) {
                details.put("csafChecks", CsafValidation.auditDetails(csafChecks));
                details.put("csafChecksTotal", csafChecksTotal);
            }
            audit.record(
                    new AuditEntry("WARNING_VEX_ANSWERED", e.getKey(), "warning", String.valueOf(w.id()), details));
            if (events != null) {
                events.publishEvent(new WarningResponded(w.id(), e.getKey()));
            }
        }
        return new Result(
                doc.format().name(),
                doc.id(),
                doc.statements().size(),
                changed,
                unchanged,
                skipped,
                csafChecks,
                csafChecksTotal);
    }

    /** One problem per schema violation (its JSON pointer and what), then how many more were not listed. */
    private static FieldProblemException schemaRefusal(VexSchemas.Outcome o) {
        List<FieldProblem> problems = new ArrayList<>();
        for (VexSchemas.Violation v : o.violations()) {
            problems.add(new FieldProblem("file", "warnings.vex.schema", o.schema(), v.pointer(), v.message()));
        }
        if (o.total() > o.violations().size()) {
            problems.add(new FieldProblem(
                    "file",
                    "warnings.vex.schemaMore",
                    o.total() - o.violations().size()));
        }
        return new FieldProblemException(problems);
    }

    /** One problem per refusing CSAF mandatory test: its number and title, JSON pointer and why (as the import). */
    private static FieldProblemException csafRefusal(CsafValidation.Outcome tests) {
        List<FieldProblem> problems = new ArrayList<>();
        for (CsafCheck c : tests.refused()) {
            problems.add(new FieldProblem(
                    "file",
                    "warnings.feed.csafTest",
                    c.test(),
                    c.place(),
                    c.message(),
                    new DefaultMessageSourceResolvable(c.titleKey())));
        }
        if (tests.refusedTotal() > tests.refused().size()) {
            problems.add(new FieldProblem(
                    "file",
                    "warnings.feed.csafTestMore",
                    tests.refusedTotal() - tests.refused().size()));
        }
        return new FieldProblemException(problems);
    }

    /** The statement deciding a system's answer: affected, then under investigation, then fixed, then not affected. */
    private static VexStatement decisive(List<VexStatement> statements) {
        for (VexStatement.Status s : List.of(
                VexStatement.Status.AFFECTED,
                VexStatement.Status.UNDER_INVESTIGATION,
                VexStatement.Status.FIXED,
                VexStatement.Status.NOT_AFFECTED)) {
            Optional<VexStatement> first =
                    statements.stream().filter(x -> x.status() == s).findFirst();
            if (first.isPresent()) {
                return first.get();
            }
        }
        throw new IllegalStateException("no statement");
    }

    private static String note(VexStatement s) {
        return " " + s.field() + (s.detail() == null ? "" : ": " + s.detail());
    }

    private static boolean concerns(VexStatement.Product p, Candidate c) {
        if (c.code() != null && (c.code().equals(p.id()) || c.code().equals(p.name()))) {
            return true;
        }
        for (Component comp : c.components()) {
            try {
                if (p.purl() != null
                        && new PurlCriterion(p.purl(), null).match(comp).isPresent()) {
                    return true;
                }
                if (p.cpe() != null && CpeCriterion.of(p.cpe()).match(comp).isPresent()) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return false; // an identifier that is not a purl/CPE matches nothing
            }
        }
        return false;
    }

    /** The warning's targets the caller may answer for, with their systems' code, name and components. */
    private Map<Long, Candidate> candidates(long warningId) {
        ScopeFilter f = scope.holding("tgo.path", Capability.EDIT_SECURITY_DATA);
        Map<Long, String[]> systems = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT t.system_id, s.code, s.name FROM warning_target t
                  JOIN information_system s ON s.id = t.system_id
                  JOIN organization tgo ON tgo.id = t.organization_id
                WHERE t.warning_id = :w AND\s""" + f.sql() + " ORDER BY s.code")
                .params(f.params())
                .param("w", warningId)
                .query(rs -> {
                    systems.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        Map<Long, List<Component>> components = new LinkedHashMap<>();
        for (Component c : warnings.componentsOf(systems.keySet())) {
            components.computeIfAbsent(c.systemId(), k -> new ArrayList<>()).add(c);
        }
        Map<Long, Candidate> out = new LinkedHashMap<>();
        for (var e : systems.entrySet()) {
            WarningTarget t = warnings.target(warningId, e.getKey()).orElseThrow();
            out.put(
                    e.getKey(),
                    new Candidate(t, e.getValue()[0], e.getValue()[1], components.getOrDefault(e.getKey(), List.of())));
        }
        return out;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // docs/adr/0041: one event per organisation answered, for its dashboard figures; a setter keeps the constructor
    private ApplicationEventPublisher events;

    @Autowired
    void setEvents(ApplicationEventPublisher events) {
        this.events = events;
    }
}
