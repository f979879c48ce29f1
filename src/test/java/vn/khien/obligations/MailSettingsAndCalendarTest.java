package vn.khien.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/** Per-category mail opt-out (only where the rule data allows it, audited) and the token-protected calendar feed. */
class MailSettingsAndCalendarTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void mandatoryCategoriesCannotBeRefusedAndOptionalOnesCanAndTheChangeIsAudited() {
        TestData.Org unit = data.org(data.root(), "Sở thư");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Session s = http.session();
        s.login(officer.username(), TestData.PASSWORD);
        assertThat(s.get("/account/mail").body()).contains("receive-DUTY").contains("receive-AWARENESS");
        // the form sends DUTY unchecked (a crafted request): DUTY stays, AWARENESS and INFO are dropped
        Http.Response r = s.postForm("/account/mail", List.of(Map.entry("receive", "WARNING")));
        assertThat(r.status()).isEqualTo(302);
        List<String> out = data.jdbc()
                .sql("SELECT category FROM mail_opt_out WHERE person_id = :p ORDER BY category")
                .param("p", officer.id())
                .query(String.class)
                .list();
        assertThat(out).containsExactly("AWARENESS", "INFO");
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'MAIL_PREFERENCES_CHANGED' "
                                + "AND target_id = :p")
                        .param("p", Long.toString(officer.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theCalendarFeedListsMyDeadlinesBehindAPrivateTokenAndANewTokenRevokesTheOld() {
        TestData.Org unit = data.org(data.root(), "Sở lịch");
        long system = ObligationFixtures.system(data, unit, 2, "NEW", TODAY.minusMonths(2));
        ObligationFixtures.scan(data, system, TODAY.minusMonths(6).plusDays(10));
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        Http.Session s = http.session();
        s.login(officer.username(), TestData.PASSWORD);
        s.get("/account/mail");
        Http.Response issued = s.postForm("/account/calendar", Map.of());
        assertThat(issued.status()).isEqualTo(302);
        Matcher m = Pattern.compile("/public/calendar/([A-Za-z0-9_-]+)\\.ics")
                .matcher(s.get("/account/mail").body());
        assertThat(m.find()).isTrue();
        String path = m.group();

        Http.Response feed = http.session().get(path);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        assertThat(feed.body())
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains("UID:R21-SYSTEM-" + system + "-" + TODAY.plusDays(10) + "@khien")
                .contains("DTSTART;VALUE=DATE:" + TODAY.plusDays(10).toString().replace("-", ""));

        s.get("/account/mail");
        s.postForm("/account/calendar", Map.of());
        assertThat(http.session().get(path).status())
                .as("the old address is revoked")
                .isEqualTo(404);
        assertThat(http.session().get("/public/calendar/guessed.ics").status()).isEqualTo(404);
    }
}
