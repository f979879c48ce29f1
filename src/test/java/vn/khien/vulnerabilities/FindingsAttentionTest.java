package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.access.Role;
import vn.khien.support.HomePageReader;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** Overdue findings, the scan duty and expiring risks reach leaders of the subtree, and nobody outside it. */
class FindingsAttentionTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    FindingTally tally;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void overdueFindingsAndAnOverdueScanDutyShowForTheSubtreeOnly() {
        TestData.Org province = data.org(data.root(), "Tỉnh Quét Lỗ Hổng");
        TestData.Org department = data.org(province, "Sở Tài chính");
        TestData.Person officer = data.person(department, Role.SECURITY_OFFICER);
        TestData.Person leader = data.person(province, Role.LEADER);
        TestData.Person outsider = data.person(data.org(data.root(), "Tỉnh Khác"), Role.LEADER);
        long systemId = ScanFixtures.system(data, department);
        String code = data.jdbc()
                .sql("SELECT code FROM information_system WHERE id = :id")
                .param("id", systemId)
                .query(String.class)
                .single();
        // Scanned seven months ago: critical (id % 5 = 4) and high findings are long past their SLA, and so is the
        // scan.
        ScanFixtures.importReport(
                http.api(officer.token()),
                systemId,
                "old.nessus",
                ScanFixtures.nessus(Map.of("10.9.0.1", new int[] {19, 24, 13})),
                Map.of("format", "nessus", "scanDate", TODAY.minusMonths(7).toString()));

        assertThat(HomePageReader.attention(http, leader))
                .anyMatch(line -> line.contains(code) && line.contains("mức Nghiêm trọng quá hạn"))
                .anyMatch(line -> line.contains("quá hạn rà quét lỗ hổng định kỳ"));
        assertThat(HomePageReader.attention(http, outsider)).noneMatch(line -> line.contains(code));

        long finding = data.jdbc()
                .sql("SELECT MIN(id) FROM finding WHERE system_id = :s")
                .param("s", systemId)
                .query(Long.class)
                .single();
        // written straight to the table, so the tally is refreshed as every write of the application does (ADR 0058)
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            data.jdbc()
                    .sql("UPDATE finding SET status = 'ACCEPTED_RISK', risk_expires_on = :d WHERE id = :id")
                    .param("d", TODAY.plusDays(10))
                    .param("id", finding)
                    .update();
            tally.refresh(systemId);
        });
        assertThat(HomePageReader.attention(http, officer))
                .anyMatch(line -> line.contains(code) && line.contains("rủi ro được chấp nhận"));
        assertThat(HomePageReader.attention(http, outsider))
                .noneMatch(line -> line.contains("rủi ro được chấp nhận") && line.contains(code));
    }
}
