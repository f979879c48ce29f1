package vn.khien.warnings.advisories;

/** The advisory formats read from files (detected from the content). */
enum FeedKind {
    KEV,
    NVD,
    CSAF,
    OSV,
    MISP
}
