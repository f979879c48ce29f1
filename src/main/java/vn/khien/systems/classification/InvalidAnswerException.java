package vn.khien.systems.classification;

/** An answer is unknown, of the wrong type, out of range, or a required answer is missing. Names the question. */
public class InvalidAnswerException extends IllegalArgumentException {

    /** Why the answer was rejected, so the UI can place the message on the right field. */
    public enum Reason {
        UNKNOWN_QUESTION,
        WRONG_TYPE,
        NOT_AN_OPTION,
        OUT_OF_RANGE,
        MISSING_REQUIRED
    }

    private final String questionId;
    private final Reason reason;

    public InvalidAnswerException(String questionId, Reason reason, String detail) {
        super("question '" + questionId + "': " + detail);
        this.questionId = questionId;
        this.reason = reason;
    }

    public String questionId() {
        return questionId;
    }

    public Reason reason() {
        return reason;
    }
}
