package vn.khien.systems.deadlines;

/** Steps of the level-dossier procedure that carry a legal time limit. */
public enum ProcedureStep {
    /** Checking the dossier is complete and valid, and telling the submitter what is missing. */
    DOSSIER_VALIDITY_CHECK,
    /** Appraisal (thẩm định) of the dossier. */
    APPRAISAL,
    /** Approval (phê duyệt) of the level. */
    APPROVAL
}
