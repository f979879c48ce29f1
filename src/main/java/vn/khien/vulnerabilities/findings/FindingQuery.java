package vn.khien.vulnerabilities.findings;

import java.util.Locale;
import vn.khien.vulnerabilities.parsing.Severity;

/** Filters of a findings list; null means "any". Either a system or an organisation subtree (or neither). */
record FindingQuery(
        Long systemId,
        Long organizationId,
        FindingStatus status,
        Severity severity,
        String cve,
        String host,
        boolean overdueOnly,
        int page,
        int size) {

    public static final int MAX_SIZE = 500;

    public FindingQuery {
        page = Math.max(0, page);
        size = size <= 0 ? 50 : Math.min(size, MAX_SIZE);
        cve = cve == null || cve.isBlank() ? null : cve.trim().toUpperCase(Locale.ROOT);
        host = host == null || host.isBlank() ? null : host.trim().toLowerCase(Locale.ROOT);
    }

    public FindingQuery page(int newPage) {
        return new FindingQuery(systemId, organizationId, status, severity, cve, host, overdueOnly, newPage, size);
    }
}
