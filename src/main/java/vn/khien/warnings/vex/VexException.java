package vn.khien.warnings.vex;

/** A VEX document that cannot be read: {@code field} is where in the document (or {@code file}), the message what. */
public class VexException extends RuntimeException {

    private final String field;

    public VexException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
