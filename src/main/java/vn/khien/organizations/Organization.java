package vn.khien.organizations;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

public record Organization(
        long id,
        String code,
        String nameVi,
        @Nullable String nameEn,
        OrgKind kind,
        @Nullable Long parentId,
        String path,
        @Nullable String address,
        ContactPoint contact,
        boolean requireMfa,
        boolean demo,
        Instant updatedAt,
        int version) {

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }

    public String displayName(boolean english) {
        return english && nameEn != null && !nameEn.isBlank() ? nameEn : nameVi;
    }

    /** The incident contact point (đầu mối tiếp nhận sự cố). */
    public record ContactPoint(
            @Nullable String person,
            @Nullable String phone,
            @Nullable String email,
            @Nullable LocalDate confirmedOn,
            boolean published) {}
}
