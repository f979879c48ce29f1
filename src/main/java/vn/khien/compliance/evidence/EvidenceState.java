package vn.khien.compliance.evidence;

/** Whether evidence still proves its requirement; withdrawn evidence stays in the history. */
public enum EvidenceState {
    ACTIVE,
    /** Replaced by newer proof; kept and downloadable as the record of what was shown until then. */
    SUPERSEDED,
    /** Withdrawn as wrong; metadata and reason kept, file erased. */
    DELETED
}
