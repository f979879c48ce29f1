package vn.khien.warnings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For the system page (the ux hub): how many warnings reach a system and are not settled yet (neither fixed nor
 * not affected). The caller has already checked that the person may see the system.
 */
@Component
public class SystemWarnings {

    private final JdbcClient jdbc;

    public SystemWarnings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long openFor(long systemId) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM warning_target WHERE system_id = :s AND status NOT IN ('FIXED', 'NOT_AFFECTED')")
                .param("s", systemId)
                .query(Long.class)
                .single();
    }

    /** Link to the warnings list. */
    public String link() {
        return "/warnings";
    }
}
