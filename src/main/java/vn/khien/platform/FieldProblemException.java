package vn.khien.platform;

import java.util.List;

/** Business validation that names the offending field(s); rendered as problem+json or form errors. */
public class FieldProblemException extends RuntimeException {

    public record FieldProblem(String field, String messageKey, Object... args) {}

    private final List<FieldProblem> problems;

    public FieldProblemException(String field, String messageKey, Object... args) {
        this(List.of(new FieldProblem(field, messageKey, args)));
    }

    public FieldProblemException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
