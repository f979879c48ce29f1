package vn.khien.vulnerabilities.findings;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.khien.vulnerabilities.parsing.Severity;

/**
 * Days allowed to fix a finding, by severity. The defaults are the platform's own (no Vietnamese directive sets
 * day counts per severity; they follow the common 15/30/90/180 practice of CISA BOD 19-02 and PCI DSS 6.3.3 for the
 * critical tier) and can be overridden for an organisation's subtree. Informational findings have no due date.
 */
public record SlaDays(int critical, int high, int medium, int low) {

    public static final SlaDays PLATFORM_DEFAULT = new SlaDays(15, 30, 90, 180);

    public @Nullable Integer daysFor(Severity severity) {
        return switch (severity) {
            case CRITICAL -> critical;
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
            default -> null;
        };
    }

    public @Nullable LocalDate dueDate(Severity severity, LocalDate from) {
        Integer days = daysFor(severity);
        return days == null ? null : from.plusDays(days);
    }
}
