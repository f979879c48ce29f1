package vn.khien.systems.dossier;

import java.time.LocalDate;

/**
 * A system's place on the list of information systems critical to national security (NĐ 331/2026 Đ16–17): NONE,
 * REQUESTED (the owner self-screened and asks for inclusion) or LISTED (the Prime Minister's decision). On the list or
 * proposed for it, a level-3 or level-4 system follows the level-5 procedure (NĐ 331/2026 Đ20.4).
 */
record CriticalListEntry(
        long systemId,
        String status,
        String grounds,
        LocalDate requestedOn,
        String decisionNumber,
        LocalDate decisionDate,
        String decisionSigner) {

    public static CriticalListEntry none(long systemId) {
        return new CriticalListEntry(systemId, "NONE", null, null, null, null, null);
    }

    /** Whether the level-5 procedure applies to levels 3–4 (on the list, or proposed for it with the dossier, Mẫu 02). */
    public boolean onOrProposedForList() {
        return "REQUESTED".equals(status) || "LISTED".equals(status);
    }
}
