package vn.khien.platform.events;

/** Test-only event for the registry test: {@code marker} tells one publication from another. */
public record ProbeEvent(String marker) {}
