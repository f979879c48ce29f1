package vn.khien.incidents.deadlines;

/**
 * Who a report goes to, as a role; resolved per incident from the organisation tree and the authority designations
 * of the systems module (never the name of a body).
 */
public enum RecipientRole {
    /** Chủ quản hệ thống thông tin: the affected system's owner, or the reporting organisation. */
    OWNER,
    /** Đơn vị chuyên trách ứng cứu sự cố of the tree (nearest designation above the owner). */
    INCIDENT_RESPONSE_UNIT,
    /** Cơ quan điều phối quốc gia / cơ quan chuyên trách của Bộ Công an (nearest designation above the owner). */
    NATIONAL_INCIDENT_COORDINATOR
}
