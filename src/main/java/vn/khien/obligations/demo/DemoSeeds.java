package vn.khien.obligations.demo;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.access.ActingAs;

/** What the obligations module's demo seeders do alike: seed one at a time, and act as a demo persona. */
public final class DemoSeeds {

    private DemoSeeds() {}

    /**
     * Runs a seed in one transaction holding the audit chain's head row, so one seeder runs at a time however many
     * nodes start together (the other modules' seeders take the same lock).
     */
    public static void locked(TransactionTemplate tx, JdbcClient jdbc, Runnable seed) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE")
                    .query(Long.class)
                    .single();
            seed.run();
        });
    }

    /** Runs an action as the demo person of this user name (so what it records is audited as theirs). */
    public static <T> T as(JdbcClient jdbc, String username, Supplier<T> action) {
        long person = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
        return ActingAs.run(person, username, action);
    }

    /** The organisation of this demo person's first grant, if the person exists. */
    public static Optional<Long> grantedOrg(JdbcClient jdbc, String username) {
        return jdbc
                .sql("SELECT g.organization_id FROM role_grant g JOIN app_user u ON u.id = g.user_id "
                        + "WHERE u.username = :u ORDER BY g.id")
                .param("u", username)
                .query(Long.class)
                .list()
                .stream()
                .findFirst();
    }
}
