package vn.khien.systems.dossier;

import java.util.List;
import java.util.Set;

/** One part of the level dossier, required for some regimes and levels (rules/dossier/parts.yaml). */
public record DossierPartDefinition(
        String key, String titleVi, String titleEn, Set<String> regimes, Set<Integer> levels, String legalRef) {

    public boolean requiredFor(String regime, int level) {
        return regimes.contains(regime) && levels.contains(level);
    }

    public String title(boolean english) {
        return english ? titleEn : titleVi;
    }

    static List<DossierPartDefinition> forDossier(List<DossierPartDefinition> all, String regime, int level) {
        return all.stream().filter(p -> p.requiredFor(regime, level)).toList();
    }
}
