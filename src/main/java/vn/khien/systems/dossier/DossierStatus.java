package vn.khien.systems.dossier;

/**
 * Workflow of a level dossier: DRAFT → SUBMITTED → (RETURNED ↔ SUBMITTED) → APPRAISED → APPROVED, or WITHDRAWN.
 * Labels map onto column 6 of Mẫu 08 (NĐ 331/2026).
 */
public enum DossierStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPRAISED,
    APPROVED,
    WITHDRAWN;

    public boolean open() {
        return this != APPROVED && this != WITHDRAWN;
    }

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
