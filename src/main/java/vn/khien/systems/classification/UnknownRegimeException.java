package vn.khien.systems.classification;

import java.util.Collection;

/** The caller named a regime id that is not in the rule data. */
public class UnknownRegimeException extends IllegalArgumentException {

    public UnknownRegimeException(String regimeId, Collection<String> known) {
        super("unknown classification regime '" + regimeId + "'; known: " + known);
    }
}
