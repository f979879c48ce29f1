package vn.khien.warnings.advisories;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.DesignatedOrganizationsQuery;

/**
 * Who may import into the shared advisory library, from {@code rules/warnings/advisory-import.yaml} (ADR 0035): the
 * caller holds the rule's capability on an organisation that has subordinates (a supervising body) or that is
 * designated for one of the rule's authority roles (the national body). No body is named in code.
 */
@Component
class ImportPolicy {

    private static final String FILE = "rules/warnings/advisory-import.yaml";

    private final OrgScope scope;
    private final JdbcClient jdbc;
    private final DesignatedOrganizationsQuery designated;
    private final Capability capability;
    private final boolean supervisingBodies;
    private final List<String> roles;
    private final String source;

    ImportPolicy(OrgScope scope, JdbcClient jdbc, DesignatedOrganizationsQuery designated) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.designated = designated;
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            Map<?, ?> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<?, ?> rule = (Map<?, ?>) root.get("advisory-import");
            if (rule == null
                    || rule.get("capability") == null
                    || !(rule.get("supervising-bodies") instanceof Boolean sup)
                    || rule.get("source") == null) {
                throw new IllegalStateException(
                        FILE + ": advisory-import.capability, .supervising-bodies and .source are required");
            }
            this.capability = Capability.valueOf(rule.get("capability").toString());
            this.supervisingBodies = sup;
            List<String> r = new ArrayList<>();
            if (rule.get("designated-roles") instanceof List<?> l) {
                l.forEach(x -> r.add(x.toString()));
            }
            this.roles = List.copyOf(r);
            this.source = rule.get("source") + " [" + root.get("version") + "]";
        } catch (IOException e) {
            throw new IllegalStateException(FILE + " not readable", e);
        }
    }

    /** Whether the current caller may import advisory files. */
    boolean mayImport() {
        List<Long> bodies = designated.designatedFor(roles);
        List<String> alternatives = new ArrayList<>();
        if (supervisingBodies) {
            alternatives.add("EXISTS (SELECT 1 FROM organization c WHERE c.parent_id = o.id)");
        }
        if (!bodies.isEmpty()) {
            alternatives.add("o.id IN (:bodies)");
        }
        if (alternatives.isEmpty()) {
            return false;
        }
        ScopeFilter f = scope.holding("o.path", capability);
        var q = jdbc.sql("SELECT COUNT(*) FROM organization o WHERE " + f.sql() + " AND ("
                        + String.join(" OR ", alternatives) + ")")
                .params(f.params());
        if (!bodies.isEmpty()) {
            q = q.param("bodies", bodies);
        }
        return q.query(Long.class).single() > 0;
    }

    String source() {
        return source;
    }
}
