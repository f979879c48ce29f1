package vn.khien.vulnerabilities.demo;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.identity.DemoSeeds;
import vn.khien.systems.SystemsDemoReady;
import vn.khien.vulnerabilities.findings.FindingService;
import vn.khien.vulnerabilities.findings.FindingStatus;
import vn.khien.vulnerabilities.scans.ScanImportService;
import vn.khien.vulnerabilities.scans.Upload;

/**
 * The vulnerability side of {@code --demo}: two Nessus scans of the demo hospital system imported through the real
 * import service by its security officer — the first about eleven weeks ago (its critical and high findings are now
 * past their SLA), the re-scan last week (fixed, new and unchanged findings show) — and one risk accepted by the
 * province's leader, expiring within the month. Runs after compliance ({@code @Order(2)}), once: only while the
 * system has no scan.
 */
@Component
class VulnerabilitiesDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(VulnerabilitiesDemoData.class);
    static final String SYSTEM = "DEMO-HIS";
    static final String OFFICER = "demo.bv.canbo";
    static final String LEADER = "demo.tinh.lanhdao";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ScanImportService imports;
    private final FindingService findings;
    private final Clock clock;

    public VulnerabilitiesDemoData(
            JdbcClient jdbc, TransactionTemplate tx, ScanImportService imports, FindingService findings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.imports = imports;
        this.findings = findings;
        this.clock = clock;
    }

    @EventListener
    @Order(2)
    public void seedWhenSystemsReady(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, () -> {
            Optional<Long> his = jdbc.sql("SELECT id FROM information_system WHERE code = :c")
                    .param("c", SYSTEM)
                    .query(Long.class)
                    .optional();
            if (his.isEmpty()
                    || DemoSeeds.any(jdbc.sql("SELECT COUNT(*) FROM scan WHERE system_id = :s")
                            .param("s", his.get()))) {
                return;
            }
            seed(his.get());
            LOG.warn("Demo scans seeded: two Nessus scans of {} and one accepted risk.", SYSTEM);
        });
    }

    private void seed(long his) {
        LocalDate today = LocalDate.now(clock);
        as(
                OFFICER,
                () -> imports.upload(
                        his,
                        upload("his-quet-dinh-ky-1.nessus", DemoNessusReport.first()),
                        "nessus",
                        today.minusDays(75),
                        true));
        as(
                OFFICER,
                () -> imports.upload(
                        his,
                        upload("his-quet-lai.nessus", DemoNessusReport.second()),
                        "nessus",
                        today.minusDays(7),
                        true));
        List<Long> oracle = jdbc.sql(
                        "SELECT id FROM finding WHERE system_id = :s AND title LIKE :t AND status = 'OPEN'")
                .param("s", his)
                .param("t", "Oracle Database Server%")
                .query(Long.class)
                .list();
        as(
                LEADER,
                () -> findings.changeState(new FindingService.StateRequest(
                        oracle,
                        FindingStatus.ACCEPTED_RISK,
                        "Bản vá CPU tháng 01/2024 cần nhà cung cấp HIS kiểm thử tương thích; cổng 1521 chỉ mở trong mạng nội bộ"
                                + " máy chủ ứng dụng (demo).",
                        today.plusDays(20))));
    }

    private static Upload upload(String name, byte[] content) {
        return new Upload(name, content.length, () -> new ByteArrayInputStream(content));
    }

    private <T> T as(String username, Supplier<T> step) {
        return DemoSeeds.as(jdbc, username, step);
    }
}
