package vn.khien.warnings.advisories;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.vulnerabilities.KnownExploitedFindings;

/**
 * Imports one advisory file in one transaction: records stream from the file into batched upserts, so a bad record
 * anywhere (or a file cut short) rolls everything back. A KEV catalogue at least as new as the last one withdraws the
 * entries it no longer lists, and marks active findings holding a listed CVE as known exploited with the shortened
 * limit of {@link KnownExploitedRule}.
 */
@Service
public class AdvisoryImportService {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AdvisoryStore store;
    private final OrgScope scope;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final KnownExploitedFindings findings;
    private final KnownExploitedRule rule;
    private final Clock clock;
    private final ImportPolicy policy;

    AdvisoryImportService(
            AdvisoryStore store,
            OrgScope scope,
            JdbcClient jdbc,
            AuditTrail audit,
            KnownExploitedFindings findings,
            KnownExploitedRule rule,
            Clock clock,
            ImportPolicy policy) {
        this.policy = policy;
        this.store = store;
        this.scope = scope;
        this.jdbc = jdbc;
        this.audit = audit;
        this.findings = findings;
        this.rule = rule;
        this.clock = clock;
    }

    /** What an import did (the API's answer). */
    /**
     * {@code advisoryId}: the advisory a CSAF document became ({@code null} for the other formats); {@code checks}: the
     * CSAF tests it failed without being refused (ADR 0062), kept with the advisory (at most
     * {@link CsafValidation#MAX_KEPT}); {@code checksTotal} counts them all.
     */
    public record Result(
            FeedKind kind,
            int advisories,
            int created,
            int updated,
            int findingsMarked,
            int withdrawn,
            Long advisoryId,
            List<CsafCheck> checks,
            int checksTotal) {}

    /** Source of the file's bytes (a multipart part, a path). */
    public interface Source {
        InputStream open() throws IOException;
    }

    @Transactional
    public Result importFeed(String fileName, Source source) {
        requireImporter();
        Instant now = clock.instant();
        List<ParsedAdvisory> batch = new ArrayList<>();
        int[] counts = new int[2];
        Set<String> kevKeys = new HashSet<>();
        List<CsafCheck> checks = new ArrayList<>();
        String[] csafKey = new String[1];
        int[] checksTotal = new int[1];
        FeedReader.Summary summary;
        try (InputStream in = source.open()) {
            summary = FeedReader.read(in, fileName, a -> {
                batch.add(a);
                if (a.kind() == FeedKind.CSAF) {
                    csafKey[0] = a.key();
                    checks.addAll(a.checks());
                    checksTotal[0] += a.checksTotal();
                }
                if (a.kind() == FeedKind.KEV) {
                    kevKeys.add(a.key());
                }
                if (batch.size() >= AdvisoryStore.BATCH) {
                    flush(batch, now, counts);
                }
            });
            flush(batch, now, counts);
        } catch (SchemaCheck.SchemaViolations e) {
            throw schemaProblems(e);
        } catch (CsafMandatoryTests.Failed e) {
            throw csafTestProblems(e);
        } catch (FeedException e) {
            throw new FieldProblemException("file", "warnings.feed.invalid", e.getMessage());
        } catch (IOException e) {
            throw new FieldProblemException("file", "warnings.feed.invalid", e.getMessage());
        }
        int marked = 0;
        int withdrawn = 0;
        if (summary.kind() == FeedKind.KEV) {
            String newest = store.kevCatalogVersion();
            if (newest == null || summary.kevCatalogVersion().compareTo(newest) >= 0) {
                List<String> gone = store.withdrawKevExcept(kevKeys);
                withdrawn = gone.size();
                if (!gone.isEmpty()) {
                    jdbc.sql("DELETE FROM finding_known_exploited WHERE cve IN (:cves)")
                            .param("cves", gone)
                            .update();
                }
                store.setKevCatalogVersion(summary.kevCatalogVersion(), now);
            }
            marked = markKnownExploited(now);
        }
        Long advisoryId = csafKey[0] == null ? null : store.idOf(csafKey[0]).orElse(null);
        Result result = new Result(
                summary.kind(),
                summary.advisories(),
                counts[0],
                counts[1],
                marked,
                withdrawn,
                advisoryId,
                List.copyOf(checks),
                checksTotal[0]);
        Map<String, Object> details = new HashMap<>();
        details.put("file", fileName);
        details.put("kind", summary.kind().name());
        details.put("advisories", result.advisories());
        details.put("created", result.created());
        details.put("updated", result.updated());
        details.put("findingsMarkedKnownExploited", marked);
        details.put("kevWithdrawn", withdrawn);
        if (advisoryId != null) {
            details.put("advisoryId", advisoryId);
            details.put("csafChecks", CsafValidation.auditDetails(checks));
            details.put("csafChecksTotal", checksTotal[0]);
        }
        if (summary.kevCatalogVersion() != null) {
            details.put("kevCatalogVersion", summary.kevCatalogVersion());
        }
        audit.record(new AuditEntry("ADVISORY_FEED_IMPORTED", null, "advisory_feed", fileName, details));
        return result;
    }

    /** One problem per schema error (its JSON pointer and message, capped), then how many more were not listed. */
    private static FieldProblemException schemaProblems(SchemaCheck.SchemaViolations e) {
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        for (SchemaCheck.Violation v : e.violations()) {
            problems.add(new FieldProblemException.FieldProblem(
                    "file",
                    "warnings.feed.schema",
                    e.format(),
                    v.pointer().isEmpty() ? "/" : v.pointer(),
                    v.message()));
        }
        if (e.total() > e.violations().size()) {
            problems.add(new FieldProblemException.FieldProblem(
                    "file",
                    "warnings.feed.schemaMore",
                    e.total() - e.violations().size()));
        }
        return new FieldProblemException(problems);
    }

    /** One problem per failed CSAF mandatory test: the test's number, its JSON pointer and why. */
    private static FieldProblemException csafTestProblems(CsafMandatoryTests.Failed e) {
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        for (CsafMandatoryTests.Violation v : e.violations()) {
            problems.add(new FieldProblemException.FieldProblem(
                    "file",
                    "warnings.feed.csafTest",
                    v.test(),
                    v.pointer().isEmpty() ? "/" : v.pointer(),
                    v.message(),
                    new DefaultMessageSourceResolvable("warnings.csaf." + v.test())));
        }
        if (e.total() > e.violations().size()) {
            problems.add(new FieldProblemException.FieldProblem(
                    "file",
                    "warnings.feed.csafTestMore",
                    e.total() - e.violations().size()));
        }
        return new FieldProblemException(problems);
    }

    private void flush(List<ParsedAdvisory> batch, Instant now, int[] counts) {
        AdvisoryStore.Counts c = store.upsert(batch, now);
        counts[0] += c.created();
        counts[1] += c.updated();
        batch.clear();
    }

    /**
     * Marks active findings whose CVE is listed in KEV and not yet marked: due date = the earlier of its SLA date
     * and today + the rule's days. Each marking is audited with the rule's source.
     */
    int markKnownExploited(Instant now) {
        Set<String> kev = store.kevCves();
        Set<Long> already = new HashSet<>(jdbc.sql("SELECT finding_id FROM finding_known_exploited")
                .query(Long.class)
                .list());
        LocalDate today = LocalDate.ofInstant(now, VN);
        LocalDate limit = today.plusDays(rule.days());
        Map<Long, LocalDate> due = new HashMap<>();
        Map<Long, Integer> markedBySystem = new HashMap<>();
        for (KnownExploitedFindings.Hit h : findings.activeWith(kev)) {
            if (already.contains(h.findingId())) {
                continue;
            }
            LocalDate after = h.dueDate() == null || h.dueDate().isAfter(limit) ? limit : h.dueDate();
            if (!after.equals(h.dueDate())) {
                due.put(h.findingId(), after);
            }
            jdbc.sql("""
                    INSERT INTO finding_known_exploited (finding_id, cve, due_before, due_after, rule_source, marked_at)
                    VALUES (:f, :cve, :before, :after, :src, :now)""")
                    .param("f", h.findingId())
                    .param("cve", h.cve())
                    .param("before", h.dueDate() == null ? null : Date.valueOf(h.dueDate()))
                    .param("after", Date.valueOf(after))
                    .param("src", rule.source())
                    .param("now", Timestamp.from(now))
                    .update();
            Long org = jdbc.sql("SELECT owner_organization_id FROM information_system WHERE id = :id")
                    .param("id", h.systemId())
                    .query(Long.class)
                    .single();
            audit.record(AuditEntry.change(
                    "FINDING_MARKED_KNOWN_EXPLOITED",
                    org,
                    "finding",
                    h.findingId(),
                    mapOf("dueDate", h.dueDate()),
                    mapOf("dueDate", after, "cve", h.cve(), "rule", rule.source())));
            markedBySystem.merge(h.systemId(), 1, Integer::sum);
        }
        findings.setDueDates(due);
        return visibleCount(markedBySystem);
    }

    /**
     * The marks go to every organisation (KEV is a fact about the software), but the answer counts only the findings
     * of systems in the caller's subtree: the figures of other organisations are not the importer's to read.
     */
    private int visibleCount(Map<Long, Integer> bySystem) {
        List<Long> ids = new ArrayList<>(bySystem.keySet());
        ScopeFilter f = scope.visible("ow.path");
        int n = 0;
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            for (Long id : jdbc.sql("SELECT s.id FROM information_system s JOIN organization ow"
                            + " ON ow.id = s.owner_organization_id WHERE s.id IN (:ids) AND " + f.sql())
                    .params(f.params())
                    .param("ids", chunk)
                    .query(Long.class)
                    .list()) {
                n += bySystem.get(id);
            }
        }
        return n;
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] == null ? null : kv[i + 1].toString());
        }
        return m;
    }

    /**
     * Importing into the shared (national) library is for the bodies that warn others: the rule data of
     * {@link ImportPolicy} (supervising bodies and the designated national body, ADR 0035).
     */
    public void requireImporter() {
        if (!policy.mayImport()) {
            throw new ForbiddenActionException("warnings.feed.forbidden");
        }
    }

    /** Whether the caller may import (the page offers the upload form only then). */
    public boolean mayImport() {
        return policy.mayImport();
    }

    /** How many advisories the library holds, by kind of source (KEV, NVD, CSAF, OSV, MISP). */
    @Transactional(readOnly = true)
    public Map<String, Long> countsByKind() {
        Map<String, Long> byKind = new LinkedHashMap<>();
        jdbc.sql("SELECT kind, COUNT(*) FROM advisory GROUP BY kind ORDER BY kind")
                .query(rs -> {
                    byKind.put(rs.getString(1), rs.getLong(2));
                });
        return byKind;
    }
}
