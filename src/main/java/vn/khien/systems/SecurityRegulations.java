package vn.khien.systems;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The system's security regulation (quy chế bảo đảm an toàn thông tin / an ninh mạng) as the level-dossier workflow
 * needs it: TT 12/2022 Đ9.7 and NĐ 331/2026 Đ30.7 require it to be issued before the level is approved. The
 * regulation is compliance data; the register cannot call that module (it depends on the register), so it declares
 * this interface and the compliance module implements it.
 */
public interface SecurityRegulations {

    /** The decision issuing a system's security regulation. */
    record IssuedRegulation(long systemId, String title, String decisionNumber, LocalDate issuedOn, String issuedBy) {}

    /** The regulation on file for a system, without a scope check (callers have already checked the system is visible). */
    Optional<IssuedRegulation> issuedFor(long systemId);

    /**
     * Records (or replaces) the regulation as the current person, with the module's own checks and audit. Used where
     * a regulation is entered as part of preparing the dossier (and by the demo seed).
     */
    IssuedRegulation record(long systemId, String title, String decisionNumber, LocalDate issuedOn, String issuedBy);
}
