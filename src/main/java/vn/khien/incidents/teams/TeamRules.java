package vn.khien.incidents.teams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.khien.platform.duties.DutyApplicability;

/**
 * The team roles and the skill standard of incident-response teams, as rule data with their legal source
 * ({@code rules/incidents/response-teams.yaml}).
 */
@Component
public class TeamRules {

    static final String RESOURCE = "rules/incidents/response-teams.yaml";

    public record TeamRole(String id, String nameVi, String nameEn, String legalSource) {
        public String name(boolean english) {
            return english ? nameEn : nameVi;
        }
    }

    public record Skill(String id, String nameVi, String nameEn, List<String> certificates, String legalSource) {
        public String name(boolean english) {
            return english ? nameEn : nameVi;
        }
    }

    /**
     * Who must keep a response team (R26): an organisation of one of {@code orgKinds} for which an organisation is
     * designated in {@code designation} (none: the kind alone decides); one that has recorded a team is held to it.
     */
    public record Applicability(
            Set<String> orgKinds, @Nullable String designation, String legalSource) {

        /** Reason keys (messages-incidents) explaining each verdict. */
        static final String HAS_TEAM = "teams.r26.hasTeam";

        static final String KIND = "teams.r26.kind";
        static final String NO_UNIT = "teams.r26.noUnit";
        static final String NO_TEAM = "teams.r26.noTeam";

        public DutyApplicability verdict(@Nullable String orgKind, boolean designated, boolean hasTeam) {
            if (hasTeam) {
                return DutyApplicability.required(HAS_TEAM);
            }
            if (orgKind == null || !orgKinds.contains(orgKind)) {
                return DutyApplicability.notRequired(KIND);
            }
            if (designation != null && !designated) {
                return DutyApplicability.notRequired(NO_UNIT);
            }
            return DutyApplicability.required(NO_TEAM);
        }
    }

    private final Map<String, TeamRole> roles = new LinkedHashMap<>();
    private final Map<String, Skill> skills = new LinkedHashMap<>();
    private final String legalSource;
    private final boolean choice;
    private final Applicability applicability;

    @SuppressWarnings("unchecked")
    public TeamRules() {
        Map<String, Object> y;
        try (InputStream in = TeamRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            y = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        legalSource = (String) y.get("legal_source");
        choice = Boolean.TRUE.equals(y.get("choice"));
        for (Map<String, Object> r : (List<Map<String, Object>>) y.get("roles")) {
            roles.put(
                    (String) r.get("id"),
                    new TeamRole((String) r.get("id"), (String) r.get("name_vi"), (String) r.get("name_en"), (String)
                            r.get("legal_source")));
        }
        for (Map<String, Object> s : (List<Map<String, Object>>) y.get("skills")) {
            Object certs = s.get("certificates");
            skills.put(
                    (String) s.get("id"),
                    new Skill(
                            (String) s.get("id"),
                            (String) s.get("name_vi"),
                            (String) s.get("name_en"),
                            certs == null ? List.of() : List.copyOf((List<String>) certs),
                            (String) s.get("legal_source")));
        }
        if (legalSource == null || legalSource.isBlank()) {
            throw new IllegalStateException(RESOURCE + " has no legal_source");
        }
        Map<String, Object> a = (Map<String, Object>) y.get("applicability");
        if (a == null || a.get("legal_source") == null || a.get("org_kinds") == null) {
            throw new IllegalStateException(RESOURCE + " has no applicability with org_kinds and legal_source");
        }
        applicability =
                new Applicability(Set.copyOf((List<String>) a.get("org_kinds")), (String) a.get("designation"), (String)
                        a.get("legal_source"));
    }

    /** Who must keep a response team (R26), with its legal source. */
    public Applicability applicability() {
        return applicability;
    }

    public List<TeamRole> roles() {
        return List.copyOf(roles.values());
    }

    public List<Skill> skills() {
        return List.copyOf(skills.values());
    }

    public Optional<TeamRole> role(String id) {
        return Optional.ofNullable(id == null ? null : roles.get(id));
    }

    public Optional<Skill> skill(String id) {
        return Optional.ofNullable(id == null ? null : skills.get(id));
    }

    public String legalSource() {
        return legalSource;
    }

    /** Whether the skill list is the platform's reading (a choice) rather than the standard's own text. */
    public boolean choice() {
        return choice;
    }
}
