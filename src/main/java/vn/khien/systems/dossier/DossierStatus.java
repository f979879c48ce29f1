package vn.khien.systems.dossier;

import java.util.Arrays;
import java.util.stream.Collectors;

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

    /**
     * The dossier is in the hands of its appraising, approving and expert-opinion bodies: they read the system's
     * security plan while one of its dossiers is in such a status (ADR 0012).
     */
    public boolean underAppraisal() {
        return this == SUBMITTED || this == RETURNED || this == APPRAISED;
    }

    /** The statuses {@link #underAppraisal}, as an SQL list of literals (the same rule for many rows). */
    public static String underAppraisalSql() {
        return Arrays.stream(values())
                .filter(DossierStatus::underAppraisal)
                .map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", "));
    }

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
