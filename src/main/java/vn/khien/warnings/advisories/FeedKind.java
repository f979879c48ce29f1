package vn.khien.warnings.advisories;

/** The advisory formats read from files (detected from the content). */
public enum FeedKind {
    KEV, NVD, CSAF, OSV, MISP
}
