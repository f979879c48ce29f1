package vn.khien.identity;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.access.ActingAs;
import vn.khien.platform.KhienProperties;

/**
 * What every module's {@code --demo} seeder does alike: ask whether the demo was requested, seed one at a time, find
 * the demo organisations and people {@link DemoData} created, and act as a demo persona. Identity owns the demo people,
 * so the helper lives here, where every feature module may use it.
 */
public final class DemoSeeds {

    private DemoSeeds() {}

    /** Whether this start asked for the demo: {@code khien.demo}, the {@code --demo} argument or a {@code demo} property. */
    public static boolean requested(
            KhienProperties properties, ApplicationArguments arguments, Environment environment) {
        return properties.demo() || arguments.containsOption("demo") || environment.containsProperty("demo");
    }

    /**
     * Runs a seed in one transaction holding the audit chain's head row, so one seeder runs at a time however many
     * nodes start together (every seeder, and the bootstrap, takes the same lock).
     */
    public static void locked(TransactionTemplate tx, JdbcClient jdbc, Runnable seed) {
        tx.executeWithoutResult(s -> {
            lock(jdbc);
            seed.run();
        });
    }

    /** As {@link #locked(TransactionTemplate, JdbcClient, Runnable)}, answering what the seed answers. */
    public static boolean lockedAnswering(TransactionTemplate tx, JdbcClient jdbc, BooleanSupplier seed) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            lock(jdbc);
            return seed.getAsBoolean();
        }));
    }

    private static void lock(JdbcClient jdbc) {
        jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE")
                .query(Long.class)
                .single();
    }

    /** Runs an action as the demo person of this user name (so what it records is audited as theirs). */
    public static <T> T as(JdbcClient jdbc, String username, Supplier<T> action) {
        long person = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
        return ActingAs.run(person, username, action);
    }

    /** The person of this user name, if the demo created them. */
    public static Optional<Long> person(JdbcClient jdbc, String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .optional();
    }

    /** The organisation of this code, if the demo created it. */
    public static Optional<Long> organization(JdbcClient jdbc, String code) {
        return jdbc.sql("SELECT id FROM organization WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .optional();
    }

    /** The root of the organisation tree (the first one, should there be several), once the bootstrap made it. */
    public static Optional<Long> root(JdbcClient jdbc) {
        return jdbc
                .sql("SELECT id FROM organization WHERE parent_id IS NULL ORDER BY id")
                .query(Long.class)
                .list()
                .stream()
                .findFirst();
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

    /** Whether a count query (with its parameters bound) finds any row: the "seeded already?" guard. */
    public static boolean any(JdbcClient.StatementSpec count) {
        return count.query(Long.class).single() > 0;
    }
}
