package vn.khien.compliance.catalogue;

/**
 * How sure we are of a catalogue entry, using the tags of regulation.md §0.1, plus PLATFORM_DEFAULT for values the
 * law leaves open and Khiên fills with a configurable default.
 */
public enum Confidence {
    PRIMARY,
    SECONDARY,
    SECONDARY_GH,
    UNCONFIRMED,
    PLATFORM_DEFAULT;

    /** Whether a user must be warned that the entry is not read from the legal text itself. */
    public boolean needsVerification() {
        return this != PRIMARY;
    }
}
