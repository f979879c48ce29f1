package vn.khien.obligations;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.khien.support.TestData;

/** Suppliers straight in the register's table (the register is another module). */
final class SupplierFixtures {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private SupplierFixtures() {}

    static LocalDate today() {
        return LocalDate.now(VN);
    }

    static void supplier(TestData data, long systemId, String name, String access, LocalDate recordedOn) {
        data.jdbc()
                .sql("""
                INSERT INTO system_supplier (system_id, name, provides, access_kind, access_details, created_at)
                VALUES (:s, :n, 'Bảo trì phần mềm', :a, 'VPN quản trị', :at)""")
                .param("s", systemId)
                .param("n", name)
                .param("a", access)
                .param("at", Timestamp.from(recordedOn.atTime(9, 0).atZone(VN).toInstant()))
                .update();
    }
}
