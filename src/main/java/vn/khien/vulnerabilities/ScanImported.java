package vn.khien.vulnerabilities;

/**
 * Published in the import transaction once a scan's findings are stored (issue 11: warnings re-match the system and
 * confirm or reopen FIXED responses). Listeners run in the same transaction.
 */
public record ScanImported(long systemId, long ownerOrganizationId, long scanId) {}
