package vn.khien.systems.classification;

/**
 * No criterion of the regime is met and the regime defines no default level; the officer must propose a
 * level with a written justification (or answer the risk-framework / Prime Minister questions).
 */
public class NoCriterionMetException extends RuntimeException {

    private final String regimeId;

    public NoCriterionMetException(String regimeId) {
        super("no criterion of regime " + regimeId + " is met and the regime has no default level;"
                + " a level must be proposed with a written justification");
        this.regimeId = regimeId;
    }

    public String regimeId() {
        return regimeId;
    }
}
