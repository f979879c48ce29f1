package vn.khien.platform;

/** The caller sees the object but their role does not allow this action on it. messageKey is a bundle key. */
public class ForbiddenActionException extends RuntimeException {
    private final String messageKey;

    public ForbiddenActionException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
