package vn.khien.systems.classification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.khien.systems.rules.RuleDataException;

/** The regimes known to Khiên, loaded once from rule data. Immutable and thread-safe. */
public final class RegimeCatalog {

    /** Rule files shipped with Khiên; a new regime is a new file here, not new code. */
    public static final List<String> DEFAULT_RESOURCES =
            List.of("rules/classification/nd85-2016.yaml", "rules/classification/nd331-2026.yaml");

    private final Map<String, Regime> regimes;

    public RegimeCatalog(Collection<Regime> regimes) {
        Map<String, Regime> byId = new LinkedHashMap<>();
        for (Regime regime : regimes) {
            if (byId.put(regime.id(), regime) != null) {
                throw new RuleDataException("duplicate regime id '" + regime.id() + "'");
            }
        }
        for (Regime regime : byId.values()) {
            for (TransitionalRule rule : regime.transitionalRules()) {
                if (!byId.containsKey(rule.useRegimeId())) {
                    throw new RuleDataException(
                            regime.id() + " › " + rule.id() + ": unknown regime '" + rule.useRegimeId() + "'");
                }
            }
        }
        this.regimes = byId;
    }

    public static RegimeCatalog loadDefault() {
        return load(DEFAULT_RESOURCES);
    }

    public static RegimeCatalog load(List<String> resources) {
        List<Regime> regimes = new ArrayList<>();
        resources.forEach(resource -> regimes.add(RegimeReader.fromClasspath(resource)));
        return new RegimeCatalog(regimes);
    }

    public Regime get(String regimeId) {
        Regime regime = regimes.get(regimeId);
        if (regime == null) {
            throw new UnknownRegimeException(regimeId, regimes.keySet());
        }
        return regime;
    }

    public List<Regime> all() {
        return List.copyOf(regimes.values());
    }
}
