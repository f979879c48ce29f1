package vn.khien.identity.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import vn.khien.access.Role;
import vn.khien.identity.Notice;
import vn.khien.identity.Notifications;

/** Notices as rows of {@code notice}, one per person and dedup key (the unique key makes repeats no-ops). */
@Service
class JdbcNotifications implements Notifications {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    JdbcNotifications(JdbcClient jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int send(Notice notice) {
        int reached = 0;
        String args = json.writeValueAsString(notice.args());
        Timestamp now = Timestamp.from(clock.instant());
        for (long person : recipients(notice.audience())) {
            reached += jdbc.sql("""
                    INSERT INTO notice (person_id, category, message_key, args, link, dedup_key, created_at)
                    SELECT :person, :category, :key, :args, :link, :dedup, :now
                    WHERE NOT EXISTS (SELECT 1 FROM notice WHERE person_id = :person AND dedup_key = :dedup)""")
                    .param("person", person)
                    .param("category", notice.category())
                    .param("key", notice.messageKey())
                    .param("args", args)
                    .param("link", notice.link())
                    .param("dedup", notice.dedupKey())
                    .param("now", now)
                    .update();
        }
        return reached;
    }

    private List<Long> recipients(Notice.Audience audience) {
        if (audience instanceof Notice.Audience.People p) {
            return new ArrayList<>(p.personIds());
        }
        Notice.Audience.Holders h = (Notice.Audience.Holders) audience;
        List<String> roles = Role.holding(h.capability()).stream()
                .filter(r -> r != Role.PLATFORM_ADMIN)
                .map(Enum::name)
                .toList();
        return jdbc.sql("""
                SELECT DISTINCT g.user_id FROM role_grant g JOIN app_user u ON u.id = g.user_id
                WHERE g.organization_id = :org AND g.role IN (:roles) AND u.enabled = TRUE ORDER BY g.user_id""")
                .param("org", h.organizationId())
                .param("roles", roles)
                .query(Long.class)
                .list();
    }
}
