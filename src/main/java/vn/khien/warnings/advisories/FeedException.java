package vn.khien.warnings.advisories;

/** A feed file that cannot be imported; the message says what is wrong (and where, when known). */
class FeedException extends RuntimeException {

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
