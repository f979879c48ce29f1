package vn.khien.systems.register;

/** Kinds of inventory entries; SOFTWARE carries vendor/product/version, CPE 2.3 and purl for later matching. */
public enum ComponentKind {
    HOST,
    APPLICATION,
    SOFTWARE
}
