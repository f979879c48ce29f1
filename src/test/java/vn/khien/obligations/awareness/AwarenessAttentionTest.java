package vn.khien.obligations.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khien.access.ActingAs;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * "What needs my attention": a person with a message not yet acknowledged is sent to their inbox, where they
 * acknowledge it (audited) and the line goes; the officer of an organisation whose share acknowledged of the latest
 * campaign is under the rule data's threshold sees it once the grace days have passed.
 */
class AwarenessAttentionTest extends IntegrationTest {

    @Autowired
    AwarenessService awareness;

    @Autowired
    AwarenessSharesAttention shares;

    /**
     * The low shares are computed in the background for a person who may send campaigns over the whole tree (ADR
     * 0077, as ADR 0071), on the request for everyone else; the pending messages always on the request.
     */
    @Test
    void theLowSharesMayLagOnlyForTheWholeTree() {
        TestData.Org unit = data.org(data.root(), "Sở chia sẻ chậm");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person national = data.person(data.root(), Role.SECURITY_OFFICER);
        // the whole tree is every root: other tests of the same database may have left a root of their own
        data.jdbc()
                .sql("SELECT id, code, path FROM organization WHERE parent_id IS NULL AND id <> :first")
                .param("first", data.root().id())
                .query((rs, n) -> new TestData.Org(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(root -> data.grant(national.id(), root, Role.SECURITY_OFFICER));
        assertThat(ActingAs.run(national.id(), national.username(), () -> shares.mayLagFor(national.id())))
                .isTrue();
        assertThat(ActingAs.run(officer.id(), officer.username(), () -> shares.mayLagFor(officer.id())))
                .isFalse();
    }

    @Test
    void unacknowledgedMessagesAndALowShareNeedAttention() {
        TestData.Org unit = data.org(data.root(), "Sở chú ý tuyên truyền");
        TestData.Person officer = data.person(unit, Role.SECURITY_OFFICER);
        TestData.Person reader = data.person(unit, Role.AUDITOR);
        String title = data.unique("Chú ý xác nhận");
        Http.Response created = http.api(officer.token())
                .post(
                        "/api/v1/awareness-campaigns",
                        Map.of(
                                "organizationId", unit.id(),
                                "topic", "PASSWORDS",
                                "title", title,
                                "message", "Đổi mật khẩu mặc định.",
                                "repeatEvery", "ONCE"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        awareness.sendDueRounds();

        Http.Session page = http.session();
        assertThat(page.login(reader.username(), TestData.PASSWORD).status()).isEqualTo(302);
        assertThat(page.get("/").body())
                .contains("chờ đồng chí đọc và xác nhận")
                .contains("/awareness/inbox");
        String inbox = page.get("/awareness/inbox").body();
        assertThat(inbox).contains(title).contains("Đổi mật khẩu mặc định.");
        long delivery = data.jdbc()
                .sql("SELECT id FROM awareness_delivery WHERE campaign_id = :c AND person_id = :p")
                .param("c", id)
                .param("p", reader.id())
                .query(Long.class)
                .single();
        Http.Session other = http.session();
        assertThat(other.login(officer.username(), TestData.PASSWORD).status()).isEqualTo(302);
        assertThat(other.get("/awareness/inbox").status()).isEqualTo(200);
        assertThat(other.postForm("/awareness/inbox", Map.of("delivery", Long.toString(delivery)))
                        .status())
                .as("another person's delivery")
                .isEqualTo(404);
        assertThat(page.postForm("/awareness/inbox", Map.of("delivery", Long.toString(delivery)))
                        .status())
                .isEqualTo(302);
        assertThat(page.get("/awareness/inbox").body()).doesNotContain(title);
        assertThat(page.get("/").body()).doesNotContain("chờ đồng chí đọc và xác nhận");
        assertThat(data.jdbc()
                        .sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'AWARENESS_ACKNOWLEDGED' AND target_id = :c")
                        .param("c", Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // one of two acknowledged (50%), under the 70% of the rule data, but within the grace days: not yet
        assertThat(other.get("/").body()).doesNotContain(title);
        data.jdbc()
                .sql("UPDATE awareness_delivery SET delivered_at = :at WHERE campaign_id = :c")
                .param(
                        "at",
                        Timestamp.from(Instant.now().minus(AwarenessAttention.RULES.graceDays() + 1, ChronoUnit.DAYS)))
                .param("c", id)
                .update();
        assertThat(other.get("/").body()).contains(title).contains("50%").contains("/awareness/" + id);
    }
}
