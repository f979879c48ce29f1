package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.findings.FindingService;

/**
 * The per-system finding tally (docs/adr/0058) stays equal to a fresh GROUP BY over the findings after every kind of
 * write: an import, a full re-scan that closes findings and one that reopens them, each workflow step, the risk-expiry
 * job and a known-exploited due date.
 */
class FindingTallyTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    FindingService findings;

    @Autowired
    KnownExploitedFindings knownExploited;

    @Autowired
    FindingTally tally;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void importsReScansWorkflowStepsAndTheExpiryJobKeepTheTallyTrue() {
        TestData.Org unit = data.org(data.root(), "Đơn vị đếm lỗ hổng");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person leader = data.person(unit, Role.LEADER);
        long system = ScanFixtures.system(data, unit);
        long other = ScanFixtures.system(data, unit);
        List<Long> both = List.of(system, other);
        Http.Api api = http.api(officer.token());

        // import (scanned long ago: the findings are overdue), and a second system's
        ScanFixtures.importReport(
                api,
                system,
                "a.nessus",
                ScanFixtures.nessus(Map.of("10.8.0.1", new int[] {1, 2, 3, 4, 9, 14}, "10.8.0.2", new int[] {3, 8})),
                Map.of("format", "nessus", "scanDate", TODAY.minusMonths(7).toString()));
        ScanFixtures.importReport(
                api,
                other,
                "b.nessus",
                ScanFixtures.nessus(Map.of("10.8.1.1", new int[] {4, 9})),
                Map.of("format", "nessus", "scanDate", TODAY.minusDays(3).toString()));
        TallyCheck.assertTrue(data.jdbc(), both);
        long first = open(system);
        assertThat(first).isGreaterThan(5);

        // a full re-scan that no longer reports host .2 and plugin 14: they are closed
        JsonNode closing = ScanFixtures.importReport(
                api,
                system,
                "a2.nessus",
                ScanFixtures.nessus(Map.of("10.8.0.1", new int[] {1, 2, 3, 4, 9})),
                Map.of("format", "nessus", "scanDate", TODAY.minusMonths(2).toString()));
        assertThat(closing.get("status").asString()).isEqualTo("COMPLETED");
        TallyCheck.assertTrue(data.jdbc(), both);
        assertThat(open(system)).isEqualTo(5);
        assertThat(closed(system)).isEqualTo(first - 5);

        // a full re-scan that reports them again: they reopen (with a new due date)
        ScanFixtures.importReport(
                api,
                system,
                "a3.nessus",
                ScanFixtures.nessus(Map.of("10.8.0.1", new int[] {1, 2, 3, 4, 9, 14}, "10.8.0.2", new int[] {3, 8})),
                Map.of("format", "nessus", "scanDate", TODAY.minusDays(1).toString()));
        TallyCheck.assertTrue(data.jdbc(), both);
        assertThat(data.jdbc()
                        .sql(
                                "SELECT SUM(finding_count) FROM finding_tally WHERE system_id = :s AND status = 'REOPENED'")
                        .param("s", system)
                        .query(Long.class)
                        .single())
                .isEqualTo(first - 5);
        assertThat(open(system)).isEqualTo(first);

        // each workflow step
        List<Long> ids = data.jdbc()
                .sql("SELECT id FROM finding WHERE system_id = :s ORDER BY id")
                .param("s", system)
                .query(Long.class)
                .list();
        assertThat(change(officer, ids.subList(0, 2), "FALSE_POSITIVE", null).status())
                .isEqualTo(200);
        TallyCheck.assertTrue(data.jdbc(), both);
        assertThat(change(officer, ids.subList(2, 3), "FIXED", null).status()).isEqualTo(200);
        TallyCheck.assertTrue(data.jdbc(), both);
        Http.Response risk = change(
                leader, ids.subList(3, 5), "ACCEPTED_RISK", TODAY.plusDays(20).toString());
        assertThat(risk.status()).as(risk.body()).isEqualTo(200);
        TallyCheck.assertTrue(data.jdbc(), both);
        assertThat(change(officer, ids.subList(0, 1), "OPEN", null).status()).isEqualTo(200);
        TallyCheck.assertTrue(data.jdbc(), both);
        assertThat(open(system)).isEqualTo(first - 4);

        // the expiry job: one accepted risk has run out (dated back here; the tally follows, as after any write)
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            data.jdbc()
                    .sql("UPDATE finding SET risk_expires_on = :d WHERE id = :id")
                    .param("d", TODAY.minusDays(2))
                    .param("id", ids.get(3))
                    .update();
            tally.refresh(system);
        });
        TallyCheck.assertTrue(data.jdbc(), both);
        assertThat(findings.reopenExpiredRisks()).isPositive();
        TallyCheck.assertTrue(data.jdbc(), both);
        assertThat(open(system)).isEqualTo(first - 3);

        // a known-exploited CVE shortens due dates
        Map<Long, LocalDate> due = new LinkedHashMap<>();
        due.put(ids.get(5), TODAY.plusDays(2));
        new TransactionTemplate(transactions).executeWithoutResult(s -> knownExploited.setDueDates(due));
        TallyCheck.assertTrue(data.jdbc(), both);
    }

    private long open(long system) {
        return data.jdbc()
                .sql("SELECT COALESCE(SUM(finding_count), 0) FROM finding_tally WHERE system_id = :s"
                        + " AND status IN ('OPEN', 'REOPENED')")
                .param("s", system)
                .query(Long.class)
                .single();
    }

    private long closed(long system) {
        return data.jdbc()
                .sql(
                        "SELECT COALESCE(SUM(finding_count), 0) FROM finding_tally WHERE system_id = :s AND status = 'FIXED'")
                .param("s", system)
                .query(Long.class)
                .single();
    }

    private Http.Response change(TestData.Person who, List<Long> which, String status, String expires) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ids", which);
        body.put("status", status);
        body.put("reason", "Kiểm tra số đếm");
        if (expires != null) {
            body.put("riskExpiresOn", expires);
        }
        return http.api(who.token()).post("/api/v1/findings/state", body);
    }
}
