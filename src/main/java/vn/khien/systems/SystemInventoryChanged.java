package vn.khien.systems;

/**
 * Published in the same transaction when a system's software inventory changes (a component added), so later
 * modules (warnings, issue 11) can match it again without systems depending on them.
 */
public record SystemInventoryChanged(long systemId, long ownerOrganizationId) {}
