package vn.khien.systems.dossier;

/** Steps a person can take on a dossier; SUBMIT from RETURNED is recorded as a resubmission. */
public enum DossierAction {
    SUBMIT, RETURN, APPRAISE, APPROVE, WITHDRAW
}
