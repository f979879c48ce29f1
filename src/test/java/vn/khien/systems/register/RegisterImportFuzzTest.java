package vn.khien.systems.register;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the pure parsing step of the register's bulk import (XLSX or CSV bytes to rows), see
 * docs/adr/0007-fuzzing.md. {@link RegisterImport#importFile} turns IOException and RuntimeException into a
 * "bad format" problem, so those are allowed; an Error (stack overflow, out of memory), a hang, or rows that break
 * the caller's assumptions are findings.
 */
class RegisterImportFuzzTest {

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readRows(byte[] data) {
        List<Map<String, String>> rows;
        try {
            rows = RegisterImport.readRows(data);
        } catch (IOException | RuntimeException e) {
            return; // reported to the user as "systems.import.badFormat"
        }
        // importFile reads rows.get(0) as the header and Integer.parseInt(row.get("#")) on every other row
        for (int i = 1; i < rows.size(); i++) {
            String n = rows.get(i).get("#");
            if (n == null || !n.matches("\\d+")) {
                throw new AssertionError("row " + i + " has no spreadsheet row number: " + n);
            }
        }
    }
}
