package vn.khien.systems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Vietnamese tax codes (Thông tư 105/2020/TT-BTC Điều 5): 10 digits with a check digit, or 10 digits, a hyphen and 3
 * digits for a dependent unit; written with spaces, dots or a typographic dash, they are stored in one form.
 */
class SupplierTaxCodesTest {

    @Test
    void realEnterpriseCodesAndTheirBranchesAreValid() {
        // Viettel, FPT, VNPT: published enterprise codes
        assertThat(SupplierTaxCodes.problem("0100109106")).isNull();
        assertThat(SupplierTaxCodes.problem("0101248141")).isNull();
        assertThat(SupplierTaxCodes.problem("0100684378")).isNull();
        assertThat(SupplierTaxCodes.problem("0100109106-001")).isNull();
        assertThat(SupplierTaxCodes.problem("0101248141-999")).isNull();
    }

    @Test
    void aWrongCheckDigitIsNamedAsSuch() {
        assertThat(SupplierTaxCodes.problem("0100109107")).isEqualTo("supplier.taxCode.checkDigit");
        assertThat(SupplierTaxCodes.problem("0101248140-001")).isEqualTo("supplier.taxCode.checkDigit");
        // a weighted sum divisible by 11 would need a check digit of 10: never issued
        assertThat(SupplierTaxCodes.problem("0000000000")).isEqualTo("supplier.taxCode.checkDigit");
    }

    @Test
    void otherShapesAreAFormatProblem() {
        for (String bad : new String[] {
            "010010910",
            "01001091066",
            "0100109106-01",
            "0100109106-0011",
            "0100109106/001",
            "01001O9106",
            "MST0100109106",
            "-"
        }) {
            assertThat(SupplierTaxCodes.problem(bad)).as(bad).isEqualTo("supplier.taxCode.format");
        }
    }

    @Test
    void spacesDotsAndDashesAreNormalised() {
        assertThat(SupplierTaxCodes.normalize(" 0100 109 106 ")).isEqualTo("0100109106");
        assertThat(SupplierTaxCodes.normalize("0100.109.106 – 001")).isEqualTo("0100109106-001");
        assertThat(SupplierTaxCodes.normalize("   ")).isNull();
        assertThat(SupplierTaxCodes.normalize(null)).isNull();
    }
}
