package vn.khien.compliance.catalogue;

/**
 * Legal regime a catalogue (or an approved level) belongs to.
 * LEGACY = NĐ 85/2016 + TT 12/2022 + TCVN 11930:2017; NEW = Luật 116/2025 + NĐ 331/2026 (regulation.md §1).
 */
public enum Regime {
    LEGACY,
    NEW
}
