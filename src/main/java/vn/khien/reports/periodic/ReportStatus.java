package vn.khien.reports.periodic;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Sign-off of a periodic report: DRAFT (officer) → CHECKED (head of the security unit) → SIGNED (leader, document
 * number and date) → SUBMITTED (frozen) → ACCEPTED, or RETURNED with a comment by the parent (a new version follows).
 */
public enum ReportStatus {
    DRAFT,
    CHECKED,
    SIGNED,
    SUBMITTED,
    ACCEPTED,
    RETURNED;

    /** Submitted and not returned: the parent rolls up its frozen snapshot. */
    public boolean frozen() {
        return this == SUBMITTED || this == ACCEPTED;
    }

    /** The status in the reader's words, as a message argument (a problem never shows the code). */
    public MessageSourceResolvable label() {
        return new DefaultMessageSourceResolvable(new String[] {"reports.status." + name()}, name());
    }
}
