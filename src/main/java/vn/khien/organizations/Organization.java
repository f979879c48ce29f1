package vn.khien.organizations;

import java.time.Instant;
import java.time.LocalDate;

public record Organization(long id, String code, String nameVi, String nameEn, OrgKind kind, Long parentId,
                           String path, String address, ContactPoint contact, boolean requireMfa, boolean demo,
                           Instant updatedAt, int version) {

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }

    public String displayName(boolean english) {
        return english && nameEn != null && !nameEn.isBlank() ? nameEn : nameVi;
    }

    /** The incident contact point (đầu mối tiếp nhận sự cố). */
    public record ContactPoint(String person, String phone, String email, LocalDate confirmedOn, boolean published) { }
}
