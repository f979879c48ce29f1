package vn.khien.obligations.suppliers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The supplier-name normaliser: spellings of one supplier share a key, different suppliers do not. */
class SupplierNamesTest {

    private final SupplierNames names = SupplierNames.RULES;

    @Test
    void foldsDiacriticsCaseAndPunctuation() {
        assertThat(SupplierNames.fold("Công ty Cổ phần Đầu tư ABC, (Hà Nội)"))
                .isEqualTo("cong ty co phan dau tu abc ha noi");
        assertThat(SupplierNames.fold("ĐIỆN TỬ  Việt-Nhật")).isEqualTo("dien tu viet nhat");
    }

    @Test
    void theSpellingsOfAJointStockCompanyShareOneKey() {
        List<String> spellings = List.of(
                "Công ty CP ABC",
                "CTCP ABC",
                "Cong ty co phan ABC",
                "CÔNG TY CỔ PHẦN ABC",
                "Cty CP ABC",
                "Công ty Cổ phần  ABC.",
                "ABC JSC",
                "ABC Joint Stock Company");
        for (String s : spellings) {
            assertThat(names.nameKey(s)).as(s).isEqualTo("CP|abc");
        }
    }

    @Test
    void limitedCompaniesAndOtherFormsAreRecognised() {
        assertThat(names.nameKey("Công ty TNHH Giải pháp XYZ")).isEqualTo("TNHH|giai phap xyz");
        assertThat(names.nameKey("Cty trách nhiệm hữu hạn Giải Pháp XYZ")).isEqualTo("TNHH|giai phap xyz");
        assertThat(names.nameKey("XYZ Solutions Co., Ltd")).isEqualTo("TNHH|xyz solutions");
        assertThat(names.nameKey("Công ty TNHH MTV Viễn thông Q")).isEqualTo("TNHH_MTV|vien thong q");
        assertThat(names.nameKey("Công ty TNHH một thành viên Viễn Thông Q")).isEqualTo("TNHH_MTV|vien thong q");
        assertThat(names.nameKey("Doanh nghiệp tư nhân Minh Long")).isEqualTo("DNTN|minh long");
        assertThat(names.nameKey("DNTN Minh Long")).isEqualTo("DNTN|minh long");
        assertThat(names.nameKey("Tổng công ty Viễn thông MobiFone")).isEqualTo("TCT|vien thong mobifone");
        assertThat(names.nameKey("Công ty Phần mềm K")).as("generic word only").isEqualTo("|phan mem k");
    }

    @Test
    void differentSuppliersStayApart() {
        assertThat(names.nameKey("Công ty CP ABC")).isNotEqualTo(names.nameKey("Công ty TNHH ABC"));
        assertThat(names.nameKey("CTCP ABC")).isNotEqualTo(names.nameKey("CTCP ABD"));
        assertThat(names.nameKey("CTCP Công nghệ Sao Việt")).isNotEqualTo(names.nameKey("CTCP Công nghệ Sao Bắc"));
        assertThat(names.nameKey("Cổ phần"))
                .as("a name that is only a form keeps its words")
                .isEqualTo("CP|co phan");
    }

    @Test
    void aTaxCodeWinsOverTheSpelling() {
        assertThat(names.taxCode("Công ty CP ABC (MST: 0101234567)")).isEqualTo("0101234567");
        assertThat(names.taxCode("ABC - mã số thuế 0101234567-001")).isEqualTo("0101234567-001");
        assertThat(names.taxCode("ABC, hotline 0912345678"))
                .as("a phone number is no tax code")
                .isNull();
        assertThat(names.nameKey("Công ty CP ABC (MST: 0101234567)")).isEqualTo("CP|abc");

        SupplierNames.Grouping g = names.group(
                List.of("Công ty CP ABC (MST: 0101234567)", "Tập đoàn A.B.C - MST 0101234567", "CTCP ABC", "CTCP DEF"));
        assertThat(g.key("Tập đoàn A.B.C - MST 0101234567"))
                .as("same tax code, different spelling")
                .isEqualTo(g.key("Công ty CP ABC (MST: 0101234567)"))
                .isEqualTo("mst:0101234567");
        assertThat(g.key("CTCP ABC"))
                .as("a spelling of exactly one tax code joins it")
                .isEqualTo("mst:0101234567");
        assertThat(g.key("CTCP DEF")).isEqualTo("CP|def");

        SupplierNames.Grouping two =
                names.group(List.of("CTCP ABC MST 0101234567", "CTCP ABC MST 0309876543", "CTCP ABC"));
        assertThat(two.key("CTCP ABC MST 0101234567")).isNotEqualTo(two.key("CTCP ABC MST 0309876543"));
        assertThat(two.key("CTCP ABC"))
                .as("ambiguous: two tax codes share the spelling")
                .isEqualTo("CP|abc");
    }

    @Test
    void aRecordedTaxCodeIsTheStrongestKey() {
        List<SupplierNames.Named> rows = List.of(
                new SupplierNames.Named("Cty TNHH Phần mềm ABC", "0108887771"),
                new SupplierNames.Named("Công ty TNHH Phần Mềm A.B.C", "0108887771"),
                new SupplierNames.Named("Công ty TNHH Phần mềm A.B.C", null),
                new SupplierNames.Named("Cty TNHH Phần mềm ABC (MST 0309876543)", "0101248141"),
                new SupplierNames.Named("Cty TNHH Phần mềm XYZ", null));
        assertThat(names.nameKey("Cty TNHH Phần mềm ABC"))
                .as("no folding of the name joins these two spellings")
                .isNotEqualTo(names.nameKey("Công ty TNHH Phần Mềm A.B.C"));
        SupplierNames.Grouping g = names.groupNamed(rows);
        assertThat(g.key("Cty TNHH Phần mềm ABC", "0108887771"))
                .isEqualTo(g.key("Công ty TNHH Phần Mềm A.B.C", "0108887771"))
                .isEqualTo("mst:0108887771");
        assertThat(g.key("Công ty TNHH Phần mềm A.B.C"))
                .as("a spelling without a code joins the one code recorded with it")
                .isEqualTo("mst:0108887771");
        assertThat(g.key("Cty TNHH Phần mềm ABC (MST 0309876543)", "0101248141"))
                .as("the recorded code wins over a code written in the name")
                .isEqualTo("mst:0101248141");
        assertThat(g.key("Cty TNHH Phần mềm XYZ")).isEqualTo("TNHH|phan mem xyz");
        Map<String, List<String>> byKey = SupplierNames.spellingsOf(rows, g);
        assertThat(byKey.get("mst:0108887771"))
                .containsExactly("Cty TNHH Phần mềm ABC", "Công ty TNHH Phần Mềm A.B.C", "Công ty TNHH Phần mềm A.B.C");
    }

    @Test
    void theMostUsedSpellingNamesTheGroupAndTheOthersAreItsVariants() {
        List<String> rows = List.of("CTCP ABC", "Công ty CP ABC", "Công ty CP ABC", "Cong ty co phan ABC", "CTCP DEF");
        Map<String, List<String>> byKey = SupplierNames.spellingsByKey(rows, names.group(rows));
        assertThat(byKey).hasSize(2);
        assertThat(byKey.get("CP|abc")).containsExactly("Công ty CP ABC", "CTCP ABC", "Cong ty co phan ABC");
        assertThat(byKey.get("CP|def")).containsExactly("CTCP DEF");
    }
}
