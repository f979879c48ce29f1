package vn.khien.platform.duties;

/**
 * A source's verdict on whether a duty applies to a subject when that depends on the source's own data or rule data
 * (R26: which organisations must keep a response team), with the reason shown next to the status.
 *
 * @param applies whether the subject owes the duty; when not, the obligations engine shows NOT_APPLICABLE
 * @param reason  a message key explaining the verdict (shown as the status's reason; for a subject that owes the duty
 *                and has never met it, shown instead of the generic "never met")
 */
public record DutyApplicability(boolean applies, String reason) {

    public static DutyApplicability required(String reason) {
        return new DutyApplicability(true, reason);
    }

    public static DutyApplicability notRequired(String reason) {
        return new DutyApplicability(false, reason);
    }
}
