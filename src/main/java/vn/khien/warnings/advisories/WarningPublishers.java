package vn.khien.warnings.advisories;

/**
 * Whether the caller may publish a warning (the warnings' own rule: a security officer or administrator of an
 * organisation with subordinates), so the library offers "publish as warning" only to them. Implemented beside the
 * warnings, which read the library: the library never depends on them.
 */
public interface WarningPublishers {

    boolean mayPublish();
}
