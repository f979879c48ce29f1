package vn.khien.compliance.catalogue;

/**
 * Structural kind of a requirement, mirroring TT 12 Phụ lục I–V: Part I management requirements,
 * Part II.1.a minimum network zones, Part II.1.b design items, Part II.2 configuration items.
 * Zones are a kind of their own because TT 12 lists them apart from the design items and the
 * per-level design counts in regulation.md §4.5.1 exclude them.
 */
public enum RequirementKind {
    MANAGEMENT,
    NETWORK_ZONE,
    DESIGN_ITEM,
    CONFIGURATION_ITEM;

    public boolean isTechnical() {
        return this != MANAGEMENT;
    }
}
