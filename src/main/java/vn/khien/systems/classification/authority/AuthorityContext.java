package vn.khien.systems.classification.authority;

/**
 * Facts about the system that change who appraises.
 *
 * @param securityUnitOperatesSystem the owner's security unit is also the operator (TT 12/2022 Đ6; NĐ 331/2026 Đ18.4)
 * @param onNationalSecurityCriticalList the system is on the list of systems critical to national security (NĐ 331/2026 Đ20.4)
 */
public record AuthorityContext(boolean securityUnitOperatesSystem, boolean onNationalSecurityCriticalList) {

    public static AuthorityContext ordinary() {
        return new AuthorityContext(false, false);
    }
}
