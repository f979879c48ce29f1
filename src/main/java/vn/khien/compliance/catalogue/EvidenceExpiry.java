package vn.khien.compliance.catalogue;

import java.time.LocalDate;

/**
 * Flags expired and soon-expiring evidence. {@code validUntil} is the last day the evidence is valid, so evidence is
 * EXPIRED from the day after, and EXPIRING when its last valid day falls within the next {@code warningDays} days
 * (today included).
 */
public final class EvidenceExpiry {

    private EvidenceExpiry() {}

    public static EvidenceValidity check(LocalDate validUntil, LocalDate today, int warningDays) {
        if (warningDays < 0) {
            throw new IllegalArgumentException("warningDays must not be negative, was " + warningDays);
        }
        if (validUntil == null) {
            return EvidenceValidity.NO_EXPIRY;
        }
        if (today.isAfter(validUntil)) {
            return EvidenceValidity.EXPIRED;
        }
        if (!validUntil.isAfter(today.plusDays(warningDays))) {
            return EvidenceValidity.EXPIRING;
        }
        return EvidenceValidity.VALID;
    }

    public static boolean isExpired(LocalDate validUntil, LocalDate today) {
        return check(validUntil, today, 0) == EvidenceValidity.EXPIRED;
    }

    public static boolean isExpiringWithin(LocalDate validUntil, LocalDate today, int days) {
        return check(validUntil, today, days) == EvidenceValidity.EXPIRING;
    }
}
