package vn.khien.compliance.plan;

import vn.khien.compliance.catalogue.Regime;

/** Maps the register's rule-data regime ids ("nd85-2016", "nd331-2026") to the catalogue regimes. */
public final class RegimeIds {

    public static final String LEGACY = "nd85-2016";
    public static final String NEW = "nd331-2026";

    private RegimeIds() {}

    public static Regime of(String regimeId) {
        if (LEGACY.equals(regimeId)) {
            return Regime.LEGACY;
        }
        if (NEW.equals(regimeId)) {
            return Regime.NEW;
        }
        throw new IllegalArgumentException("Unknown regime id '" + regimeId + "'");
    }
}
