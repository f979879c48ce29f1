package vn.khien.obligations.catalogue;

/** What a duty is owed for: one information system, or one organisation. */
public enum SubjectKind {
    SYSTEM,
    ORGANIZATION
}
