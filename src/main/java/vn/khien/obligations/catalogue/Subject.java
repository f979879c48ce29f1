package vn.khien.obligations.catalogue;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one system or organisation that the catalogue's applies-to predicates read.
 *
 * @param organizationId the system's owner, or the organisation itself
 * @param level          the approved level, null while none is approved (systems only)
 * @param regime         LEGACY or NEW: the regime the level was approved under (systems only)
 * @param flags          facts such as LEVEL_APPROVED, HOSTED, OWNS_SYSTEMS, HAS_SUPPLIERS (see the catalogue)
 */
public record Subject(
        SubjectKind kind,
        long id,
        long organizationId,
        String name,
        @Nullable Integer level,
        @Nullable String regime,
        @Nullable String systemType,
        @Nullable String orgKind,
        @Nullable String lifecycle,
        @Nullable LocalDate approvedOn,
        Set<String> flags) {

    public Subject {
        flags = Set.copyOf(flags);
    }

    public static Subject system(
            long id,
            long organizationId,
            String name,
            @Nullable Integer level,
            @Nullable String regime,
            @Nullable String systemType,
            @Nullable String lifecycle,
            @Nullable LocalDate approvedOn,
            Set<String> flags) {
        return new Subject(
                SubjectKind.SYSTEM,
                id,
                organizationId,
                name,
                level,
                regime,
                systemType,
                null,
                lifecycle,
                approvedOn,
                flags);
    }

    public static Subject organization(long id, String name, @Nullable String orgKind, Set<String> flags) {
        return new Subject(SubjectKind.ORGANIZATION, id, id, name, null, null, null, orgKind, null, null, flags);
    }
}
