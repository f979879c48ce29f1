package vn.khien.systems.classification.authority;

import java.util.Set;

/** Systems of some levels follow a higher level's procedure when on the national-security-critical list (NĐ 331/2026 Đ20.4). */
record ProcedureEscalation(String regimeId, Set<Integer> levels, int followLevel, String legalRef) {

    public ProcedureEscalation {
        levels = Set.copyOf(levels);
    }

    public boolean covers(String regime, int level) {
        return regimeId.equals(regime) && levels.contains(level);
    }
}
