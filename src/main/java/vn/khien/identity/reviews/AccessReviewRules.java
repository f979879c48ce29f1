package vn.khien.identity.reviews;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.khien.access.Role;

/**
 * The rule data of access reviews ({@value #RESOURCE}): the administrative roles reviewed, the reviewer roles and the
 * obligation they prove, each with its source.
 */
record AccessReviewRules(String version, String rule, Set<Role> administrativeRoles, Set<Role> reviewerRoles) {

    static final String RESOURCE = "rules/identity/access-reviews.yaml";

    static AccessReviewRules loadDefault() {
        try (InputStream in = AccessReviewRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AccessReviewRules load(Reader yaml) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(doc instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException(RESOURCE + ": not a YAML mapping");
        }
        Set<Role> admin = roles(root.get("administrativeRoles"), "administrativeRoles");
        Set<Role> reviewers = roles(root.get("reviewerRoles"), "reviewerRoles");
        if (admin.isEmpty() || reviewers.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + ": administrativeRoles and reviewerRoles are required");
        }
        if (admin.stream().anyMatch(reviewers::contains)) {
            throw new IllegalArgumentException(RESOURCE + ": a reviewer role cannot be administrative");
        }
        Object rule = root.get("rule");
        if (!(rule instanceof String r) || !r.matches("R\\d\\d")) {
            throw new IllegalArgumentException(RESOURCE + ": rule must be an obligation id");
        }
        return new AccessReviewRules(String.valueOf(root.get("version")), r, admin, reviewers);
    }

    private static Set<Role> roles(@Nullable Object list, String name) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (!(list instanceof List<?> items)) {
            return roles;
        }
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m) || m.get("role") == null || m.get("source") == null) {
                throw new IllegalArgumentException(RESOURCE + ": each of " + name + " needs a role and its source");
            }
            roles.add(Role.valueOf(String.valueOf(m.get("role"))));
        }
        return roles;
    }

    List<String> administrativeRoleNames() {
        return administrativeRoles.stream().map(Role::name).toList();
    }

    List<String> reviewerRoleNames() {
        return reviewerRoles.stream().map(Role::name).toList();
    }
}
