package vn.khien.compliance.catalogue;

import java.util.List;

/** A catalogue failed to load or validate; {@link #problems()} lists every problem, each naming the item. */
public class CatalogueValidationException extends RuntimeException {

    private final List<String> problems;

    public CatalogueValidationException(String source, List<String> problems) {
        super("Invalid catalogue " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
