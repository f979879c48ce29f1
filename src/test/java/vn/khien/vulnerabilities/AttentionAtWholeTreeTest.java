package vn.khien.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.khien.access.Capability;
import vn.khien.access.PersonPrincipal;
import vn.khien.access.Role;
import vn.khien.access.WholeTree;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionSource;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * A person whose grants hold the whole organisation tree gets their attention lines without the visibility check per
 * system (ADR 0063): the same lines, in the same order, as the subtree form gives them, and a province's people still
 * see only their province.
 */
class AttentionAtWholeTreeTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    List<AttentionSource> sources;

    @Autowired
    WholeTree wholeTree;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theWholeTreeGetsTheLinesOfTheSubtreeFormAndAProvinceOnlyItsOwn() {
        TestData.Org province = data.org(data.root(), data.unique("Tỉnh cả nước"));
        TestData.Org department = data.org(province, data.unique("Sở cả nước"));
        TestData.Org elsewhere = data.org(data.root(), data.unique("Tỉnh khác cả nước"));
        TestData.Person officer = data.person(department, Role.SECURITY_OFFICER);
        TestData.Person provinceLeader = data.person(province, Role.LEADER);
        TestData.Person national = data.person(data.root(), Role.LEADER);
        TestData.Person otherOfficer = data.person(elsewhere, Role.SECURITY_OFFICER);
        // Findings of every severity seven months past (overdue, and so is the scan), in both provinces; a system with
        // a level but no regulation that must be determined again; an operating system never scanned.
        long scanned = ScanFixtures.system(data, department);
        ScanFixtures.importReport(
                http.api(officer.token()),
                scanned,
                "whole-tree.nessus",
                ScanFixtures.nessus(Map.of("10.7.0.1", new int[] {19, 24, 13, 22, 11}, "10.7.0.2", new int[] {14})),
                Map.of("format", "nessus", "scanDate", TODAY.minusMonths(7).toString()));
        long outside = ScanFixtures.system(data, elsewhere);
        ScanFixtures.importReport(
                http.api(otherOfficer.token()),
                outside,
                "whole-tree-elsewhere.nessus",
                ScanFixtures.nessus(Map.of("10.7.1.1", new int[] {19, 24})),
                Map.of("format", "nessus", "scanDate", TODAY.minusMonths(7).toString()));
        long leveled = ScanFixtures.system(data, department);
        data.jdbc()
                .sql("UPDATE information_system SET approved_level = 3, redetermination_required = TRUE WHERE id = :id")
                .param("id", leveled)
                .update();
        ScanFixtures.system(data, department);
        String outsideCode = code(outside);
        // A warning past both its limits, reaching a system in each province (counted by the warnings line).
        long warning = warning();
        target(warning, scanned, department);
        target(warning, outside, elsewhere);

        Map<String, List<AttentionItem>> whole = linesOf(national);
        assertThat(holds(national)).isTrue();
        // The whole tree's findings roll-ups are computed in the background, the same lines (ADR 0071).
        assertThat(findingsLag(national)).isTrue();
        Map<String, List<AttentionItem>> subtree;
        // A second, empty root: the leader no longer holds the whole tree, sees the same rows through the predicate.
        long secondRoot = secondRoot();
        try {
            assertThat(holds(national)).isFalse();
            assertThat(findingsLag(national)).isFalse();
            subtree = linesOf(national);
        } finally {
            data.jdbc()
                    .sql("DELETE FROM organization WHERE id = :id")
                    .param("id", secondRoot)
                    .update();
        }
        assertThat(whole).isEqualTo(subtree);
        assertThat(text(whole)).contains(code(scanned), outsideCode, code(leveled));
        assertThat(holds(provinceLeader)).isFalse();
        assertThat(findingsLag(provinceLeader)).isFalse();
        String provinceLines = text(linesOf(provinceLeader));
        assertThat(provinceLines).contains(code(scanned), code(leveled)).doesNotContain(outsideCode);
        signIn(national);
        long nationalOverdue = overdueWarnings(national);
        assertThat(overdueWarnings(provinceLeader)).isPositive().isLessThan(nationalOverdue);
    }

    /** The count of the warnings line "overdue", 0 without the line. */
    private long overdueWarnings(TestData.Person person) {
        return linesOf(person).values().stream()
                .flatMap(List::stream)
                .filter(i -> i.messageKey().equals("warnings.attention.overdue"))
                .mapToLong(i -> ((Number) i.args()[0]).longValue())
                .sum();
    }

    private long warning() {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        data.jdbc()
                .sql("""
                INSERT INTO warning (organization_id, title, severity, acknowledge_by, fix_by, tlp, scope_kind,
                    published_at)
                VALUES (:o, :t, 'HIGH', :ack, :fix, 'CLEAR', 'SUBTREE', :now)""")
                .param("o", data.root().id())
                .param("t", data.unique("Cảnh báo cả nước"))
                .param("ack", TODAY.minusDays(20))
                .param("fix", TODAY.minusDays(5))
                .param("now", Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private void target(long warning, long system, TestData.Org org) {
        Timestamp now = Timestamp.from(Instant.now());
        data.jdbc()
                .sql("""
                INSERT INTO warning_target (warning_id, system_id, organization_id, status, reached_at,
                    status_changed_at)
                VALUES (:w, :s, :o, 'REACHED', :now, :now)""")
                .param("w", warning)
                .param("s", system)
                .param("o", org.id())
                .param("now", now)
                .update();
    }

    /** Every source's lines for the person, by source, as the home page asks them (signed in as that person). */
    private Map<String, List<AttentionItem>> linesOf(TestData.Person person) {
        signIn(person);
        Map<String, List<AttentionItem>> lines = new LinkedHashMap<>();
        sources.forEach(s -> lines.put(s.getClass().getName(), s.itemsFor(person.id())));
        return lines;
    }

    /** Whether the vulnerabilities' source computes this person's lines in the background. */
    private boolean findingsLag(TestData.Person person) {
        signIn(person);
        return sources.stream()
                .filter(s -> s.getClass().getName().contains("FindingsAttention"))
                .findFirst()
                .orElseThrow()
                .mayLagFor(person.id());
    }

    private boolean holds(TestData.Person person) {
        signIn(person);
        return wholeTree.holds(Capability.READ);
    }

    private static void signIn(TestData.Person person) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        new Signed(person.id(), person.username()), null, List.of()));
    }

    private static String text(Map<String, List<AttentionItem>> lines) {
        return lines.values().toString();
    }

    private String code(long systemId) {
        return data.jdbc()
                .sql("SELECT code FROM information_system WHERE id = :id")
                .param("id", systemId)
                .query(String.class)
                .single();
    }

    private long secondRoot() {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        data.jdbc()
                .sql("""
                INSERT INTO organization (code, name_vi, kind, parent_id, path, created_at, updated_at)
                VALUES (:code, :name, 'UNIT', NULL, '/', :now, :now)""")
                .param("code", data.unique("R"))
                .param("name", data.unique("Gốc thứ hai"))
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        data.jdbc()
                .sql("UPDATE organization SET path = :path WHERE id = :id")
                .param("path", "/" + id + "/")
                .param("id", id)
                .update();
        return id;
    }

    private record Signed(long personId, String username) implements PersonPrincipal {}
}
