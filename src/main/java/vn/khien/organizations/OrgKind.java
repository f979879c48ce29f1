package vn.khien.organizations;

/** Kinds of organisation in the tree; any kind may sit at any depth below the national root. */
public enum OrgKind {
    NATIONAL,
    MINISTRY,
    PROVINCE,
    DEPARTMENT,
    UNIT,
    ENTERPRISE,
    OTHER
}
