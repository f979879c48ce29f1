package vn.khien.systems.rules;

/** Rule data (YAML under {@code rules/}) is missing, malformed or inconsistent. Names the file and the path inside it. */
public class RuleDataException extends RuntimeException {

    public RuleDataException(String message) {
        super(message);
    }

    public RuleDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
