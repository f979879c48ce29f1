package vn.khien.obligations.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * The rounds job: a monthly campaign whose period has turned sends its next round once, even when the job runs twice
 * at the same time (two nodes) and again afterwards; a quarterly one waits for its quarter; a one-off never repeats.
 */
class AwarenessRoundsTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    AwarenessService awareness;

    /** A campaign saved through the API, its first round then sent by (what) the rounds job (does). */
    long campaign(TestData.Person officer, TestData.Org org, String repeat) {
        long id = http.api(officer.token())
                .post(
                        "/api/v1/awareness-campaigns",
                        Map.of(
                                "organizationId",
                                org.id(),
                                "topic",
                                "PASSWORDS",
                                "title",
                                data.unique("Mật khẩu"),
                                "message",
                                "Dùng xác thực hai yếu tố.",
                                "audience",
                                "ORGANIZATION",
                                "repeatEvery",
                                repeat))
                .json()
                .get("id")
                .asLong();
        awareness.sendDueRounds();
        return id;
    }

    /** Moves a campaign's start (and its first round) {@code months} months and a day into the past. */
    void startedAgo(long campaign, int months) {
        LocalDate start = TODAY.minusMonths(months).minusDays(1);
        data.jdbc()
                .sql("UPDATE awareness_campaign SET starts_on = :d WHERE id = :c")
                .param("d", Date.valueOf(start))
                .param("c", campaign)
                .update();
        data.jdbc()
                .sql("UPDATE awareness_round SET due_on = :d WHERE campaign_id = :c")
                .param("d", Date.valueOf(start))
                .param("c", campaign)
                .update();
    }

    List<Integer> rounds(long campaign) {
        return data.jdbc()
                .sql("SELECT round_no FROM awareness_round WHERE campaign_id = :c ORDER BY round_no")
                .param("c", campaign)
                .query(Integer.class)
                .list();
    }

    long deliveries(long campaign) {
        return data.jdbc()
                .sql("SELECT COUNT(*) FROM awareness_delivery WHERE campaign_id = :c")
                .param("c", campaign)
                .query(Long.class)
                .single();
    }

    @Test
    void aDueRoundGoesOutOncePerPeriodHoweverManyRunsAndNodes() throws Exception {
        TestData.Org unit = data.org(data.root(), "Sở nhắc định kỳ");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        data.person(unit, Role.AUDITOR);
        long monthly = campaign(officer, unit, "MONTHLY");
        long quarterly = campaign(officer, unit, "QUARTERLY");
        long once = campaign(officer, unit, "ONCE");
        assertThat(rounds(monthly)).containsExactly(1);
        assertThat(deliveries(monthly)).isEqualTo(2);

        awareness.sendDueRounds();
        assertThat(rounds(monthly)).as("nothing due yet").containsExactly(1);

        startedAgo(monthly, 1);
        startedAgo(quarterly, 2);
        startedAgo(once, 5);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = awareness::sendDueRounds;
            List<Future<Integer>> runs = nodes.invokeAll(List.of(run, run));
            for (Future<Integer> f : runs) {
                f.get();
            }
        } finally {
            nodes.shutdown();
        }
        awareness.sendDueRounds();
        assertThat(rounds(monthly)).as("one round for the new month").containsExactly(1, 2);
        assertThat(deliveries(monthly)).isEqualTo(4);
        assertThat(rounds(quarterly)).as("the quarter has not turned").containsExactly(1);
        assertThat(rounds(once)).containsExactly(1);

        startedAgo(quarterly, 3);
        awareness.sendDueRounds();
        awareness.sendDueRounds();
        assertThat(rounds(quarterly)).containsExactly(1, 2);
        assertThat(data.jdbc()
                        .sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'AWARENESS_ROUND_SENT' AND target_id = :c")
                        .param("c", Long.toString(monthly))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aStoppedCampaignSendsNoFurtherRoundAndOnlyItsSendersMayStopIt() {
        TestData.Org unit = data.org(data.root(), "Sở dừng tuyên truyền");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person auditor = data.person(unit, Role.AUDITOR);
        long monthly = campaign(officer, unit, "MONTHLY");
        long once = campaign(officer, unit, "ONCE");

        Http.Response refused =
                http.api(auditor.token()).post("/api/v1/awareness-campaigns/" + monthly + "/stop", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        Http.Session auditorPage = http.session();
        assertThat(auditorPage.login(auditor.username(), TestData.PASSWORD).status())
                .isEqualTo(302);
        assertThat(auditorPage.get("/awareness/" + monthly).body()).doesNotContain("stop-campaign");

        Http.Session page = http.session();
        assertThat(page.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        assertThat(page.get("/awareness/" + monthly).body()).contains("stop-campaign", "Dừng chiến dịch");
        assertThat(page.get("/awareness/" + once).body()).doesNotContain("stop-campaign");
        Http.Response stopped = page.postForm("/awareness/" + monthly + "/stop", Map.of());
        assertThat(stopped.status()).isEqualTo(302);
        String shown = page.get("/awareness/" + monthly).body();
        assertThat(shown).contains("Đã dừng chiến dịch", "campaign-stopped").doesNotContain("stop-campaign");

        startedAgo(monthly, 2);
        awareness.sendDueRounds();
        assertThat(rounds(monthly)).as("no round after the stop").containsExactly(1);

        Http.Api api = http.api(officer.token());
        Http.Response again = api.post("/api/v1/awareness-campaigns/" + monthly + "/stop", Map.of());
        assertThat(again.status()).as(again.body()).isEqualTo(422);
        assertThat(again.body()).contains("action");
        Http.Response oneOff = api.post("/api/v1/awareness-campaigns/" + once + "/stop", Map.of());
        assertThat(oneOff.status()).as(oneOff.body()).isEqualTo(422);
        Http.Response read = api.get("/api/v1/awareness-campaigns/" + monthly);
        assertThat(read.json().get("stoppedAt").isNull()).isFalse();
        assertThat(data.jdbc()
                        .sql("SELECT COUNT(*) FROM audit_event WHERE action = 'AWARENESS_CAMPAIGN_STOPPED'"
                                + " AND target_id = :c")
                        .param("c", Long.toString(monthly))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theRoundOfAPeriodFollowsTheStartDay() {
        Campaign c = new Campaign(
                1,
                1,
                "x",
                "OTHER",
                "t",
                "m",
                Campaign.Audience.ORGANIZATION,
                Campaign.Repeat.QUARTERLY,
                LocalDate.of(2026, 1, 31),
                null,
                1,
                0,
                0,
                null);
        assertThat(c.dueRound(LocalDate.of(2026, 1, 30))).isZero();
        assertThat(c.dueRound(LocalDate.of(2026, 1, 31))).isEqualTo(1);
        assertThat(c.dueRound(LocalDate.of(2026, 4, 29))).isEqualTo(1);
        assertThat(c.dueOn(2)).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(c.dueRound(LocalDate.of(2026, 4, 30))).isEqualTo(2);
        assertThat(c.dueRound(LocalDate.of(2027, 2, 1))).isEqualTo(5);
        assertThat(c.nextRoundOn()).isEqualTo(LocalDate.of(2026, 4, 30));
    }
}
