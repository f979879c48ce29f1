package vn.khien.compliance.catalogue;

/** Whether a piece of evidence (certificate, contract, licence, report) still proves its requirement. */
public enum EvidenceValidity {
    NO_EXPIRY,
    VALID,
    EXPIRING,
    EXPIRED
}
