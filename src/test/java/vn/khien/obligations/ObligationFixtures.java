package vn.khien.obligations;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import vn.khien.support.TestData;

/** Systems, scans and assessments straight in the database (the register and the scans are other modules). */
final class ObligationFixtures {

    private ObligationFixtures() {}

    static long system(TestData data, TestData.Org org, Integer level, String regime, LocalDate approvedOn) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        data.jdbc()
                .sql("""
                INSERT INTO information_system (owner_organization_id, operator_organization_id, code, name, system_type,
                    lifecycle_status, approved_level, approved_regime, approved_on, created_at, updated_at)
                VALUES (:o, :o, :code, :name, 'CITIZEN_BUSINESS', 'OPERATING', :level, :regime, :approved, :now, :now)""")
                .param("o", org.id())
                .param("code", data.unique("SYS"))
                .param("name", "Cổng dịch vụ công thử")
                .param("level", level)
                .param("regime", regime)
                .param("approved", approvedOn == null ? null : Date.valueOf(approvedOn))
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (String role : new String[] {"OWNER", "OPERATOR"}) {
            data.jdbc()
                    .sql("INSERT INTO system_party (system_id, organization_id, party_role) VALUES (:s, :o, :r)")
                    .param("s", id)
                    .param("o", org.id())
                    .param("r", role)
                    .update();
        }
        return id;
    }

    static long scan(TestData data, long systemId, LocalDate on) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        data.jdbc()
                .sql("""
                INSERT INTO scan (system_id, scan_date, full_scan, status, uploaded_at, finished_at)
                VALUES (:s, :d, TRUE, 'COMPLETED', :now, :now)""")
                .param("s", systemId)
                .param("d", Date.valueOf(on))
                .param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    static void assessment(TestData data, long systemId, int level, String regime, LocalDate completed) {
        data.jdbc()
                .sql("""
                INSERT INTO assessment (system_id, kind, assessor_kind, assessor_name, scopes, level, regime, started_on,
                    completed_on, created_at)
                VALUES (:s, 'PERIODIC', 'INTERNAL', 'Tổ đánh giá', 'COMPLIANCE', :l, :r, :d, :d, :now)""")
                .param("s", systemId)
                .param("l", level)
                .param("r", regime)
                .param("d", Date.valueOf(completed))
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }
}
