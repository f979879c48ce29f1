package vn.khien.obligations.mail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.CurrentPerson;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;

/** Which notice categories the signed-in person receives by mail; only categories the rule data allows are optional. */
@Service
public class MailPreferences {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MailRules rules = MailRules.loadDefault();

    MailPreferences(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Category(String id, boolean optional) {}

    public List<Category> categories() {
        List<Category> out = new ArrayList<>();
        rules.categories().forEach(c -> out.add(new Category(c, rules.mayOptOut(c))));
        return out;
    }

    @Transactional(readOnly = true)
    public Set<String> optedOutOfCurrentPerson() {
        return new HashSet<>(jdbc.sql("SELECT category FROM mail_opt_out WHERE person_id = :p")
                .param("p", CurrentPerson.idOrNobody())
                .query(String.class)
                .list());
    }

    /** Opts the person out of every optional category not in {@code receive}; mandatory ones cannot be refused. */
    @Transactional
    public void saveForCurrentPerson(List<String> receive) {
        long person = CurrentPerson.idOrNobody();
        Set<String> before = optedOutOfCurrentPerson();
        jdbc.sql("DELETE FROM mail_opt_out WHERE person_id = :p")
                .param("p", person)
                .update();
        Set<String> after = new HashSet<>();
        for (String category : rules.optOutAllowed()) {
            if (!receive.contains(category)) {
                jdbc.sql("INSERT INTO mail_opt_out (person_id, category) VALUES (:p, :c)")
                        .param("p", person)
                        .param("c", category)
                        .update();
                after.add(category);
            }
        }
        audit.record(AuditEntry.change(
                "MAIL_PREFERENCES_CHANGED",
                null,
                "person",
                person,
                Map.of("optedOut", before),
                Map.of("optedOut", after)));
    }
}
