package vn.khien.platform.figures;

/**
 * An event after which one organisation's own figures differ (an incident moved, a warning answered): whoever keeps
 * figures pre-aggregated recomputes that organisation's. A contract in the foundation, so that the module keeping the
 * figures (reports) listens without depending on the features that publish (docs/adr/0041).
 */
public interface OwnFiguresChanged {

    /** The organisation whose own figures changed. */
    long organizationId();
}
