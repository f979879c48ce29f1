package vn.khien.systems.classification.authority;

/** The organisation tree has no organisation for a role the rule data requires (e.g. no security unit designated). */
public class UnresolvedRoleException extends IllegalStateException {

    private final AuthorityRole role;

    public UnresolvedRoleException(AuthorityRole role, String regimeId, int level) {
        super("no organisation plays role " + role + " needed for a level-" + level + " dossier under " + regimeId);
        this.role = role;
    }

    public AuthorityRole role() {
        return role;
    }
}
