package vn.khien.systems;

import java.sql.Types;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tax code (mã số thuế) of a supplier in the register ({@code system_supplier.tax_code}): its format and its
 * check digit, and recording it on the register rows of one supplier of an organisation's systems. Added for the
 * supply-chain risk of the obligations module (R36), where the tax code is the strongest key for folding the
 * spellings of a supplier's name; the caller checks the capability and writes the audit record.
 *
 * <p>Format (Thông tư 105/2020/TT-BTC, Điều 5): 10 digits {@code N1N2 N3…N9 N10} for an enterprise, N10 being a
 * check digit, or 13 characters {@code N1…N10-N11N12N13} for a dependent unit (branch). The check digit is {@code 10 -
 * (31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 + 13·N6 + 7·N7 + 5·N8 + 3·N9) mod 11}; a remainder giving 10 is never
 * issued.
 */
@Component
public class SupplierTaxCodes {

    /** The longest tax code (10 digits, a hyphen, 3 digits). */
    public static final int MAX_LENGTH = 14;

    private static final Pattern FORMAT = Pattern.compile("[0-9]{10}(-[0-9]{3})?");
    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private final JdbcClient jdbc;

    SupplierTaxCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The code as stored: spaces and dots removed, any dash as a hyphen; null when blank. */
    public static @Nullable String normalize(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return raw.strip()
                .replaceAll("[\\s.]", "")
                .replaceAll("[\\u2010-\\u2015\\u2212]", "-")
                .toUpperCase(Locale.ROOT);
    }

    /**
     * Why a normalised code is refused, as a message key ({@code supplier.taxCode.format} or {@code
     * supplier.taxCode.checkDigit}), or null when it is a valid tax code.
     */
    public static @Nullable String problem(String code) {
        if (!FORMAT.matcher(code).matches()) {
            return "supplier.taxCode.format";
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (code.charAt(i) - '0');
        }
        int check = 10 - sum % 11;
        return check == 10 || check != code.charAt(9) - '0' ? "supplier.taxCode.checkDigit" : null;
    }

    /**
     * Records the tax code (or clears it, when null) on the register rows of one supplier: the rows of these systems,
     * owned by the organisation, naming one of {@code names} (surrounding spaces ignored) and holding no tax code or
     * the supplier's {@code current} one (a row with another code is another supplier). The number of rows changed.
     */
    public int record(
            long ownerOrganizationId,
            Collection<Long> systemIds,
            Collection<String> names,
            @Nullable String current,
            @Nullable String taxCode) {
        if (names.isEmpty() || systemIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE system_supplier SET tax_code = :code
                WHERE TRIM(name) IN (:names) AND system_id IN (:systems)
                  AND (tax_code IS NULL OR tax_code = :current)
                  AND system_id IN (SELECT s.id FROM information_system s WHERE s.owner_organization_id = :o)""")
                .param("code", taxCode, Types.VARCHAR)
                .param("names", names)
                .param("systems", systemIds)
                .param("current", current == null ? "" : current)
                .param("o", ownerOrganizationId)
                .update();
    }
}
