package vn.khien.systems.rules;

/**
 * How sure the rule data is of an item, mirroring the tags of the regulation reference
 * (shared/domain/regulation.md §0.1), so that the UI can warn before relying on an uncertain rule.
 */
public enum Confidence {
    /** Read in the full text of the legal instrument. */
    PRIMARY,
    /** From press, portals or Q&amp;A citing the instrument. */
    SECONDARY,
    /** From third-party public compliance notes. */
    SECONDARY_GH,
    /** Not verified; an assumption the team must revisit. */
    UNCONFIRMED,
    /** Not published yet; derived by a stated rule (e.g. future holiday schedules). */
    ESTIMATED
}
