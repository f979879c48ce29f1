package vn.khien.systems.classification.authority;

/** Roles an organisation plays towards one information system; never the name of a body. */
public enum AuthorityRole {
    /** Đơn vị vận hành. */
    OPERATOR,
    /** Chủ quản hệ thống thông tin. */
    OWNER,
    /** The owner's đơn vị chuyên trách về ATTT / an ninh mạng. */
    OWNER_SECURITY_UNIT,
    /** The national body appraising levels 4–5 (which body depends on the regime and the system's sector). */
    NATIONAL_COMPETENT_BODY,
    /** Subordinate unit or independent council designated when the security unit operates the system. */
    INDEPENDENT_APPRAISER,
    /** Thủ tướng Chính phủ, for the list of level-5 / national-security-critical systems. */
    PRIME_MINISTER,
    /** Đơn vị chuyên trách ứng cứu sự cố of the tree (QĐ 05/2017 Đ6; TT 20/2017 Đ9): receives incident reports. */
    INCIDENT_RESPONSE_UNIT,
    /** The national incident coordinator / MPS specialised body receiving incident reports (TT 20 Đ9; NĐ 331 Đ31.2.d). */
    NATIONAL_INCIDENT_COORDINATOR
}
