package vn.khien.warnings;

import vn.khien.platform.figures.OwnFiguresChanged;

/**
 * Published in the responding transaction when an organisation answers a warning for one or more of its systems
 * (acknowledged, fixing, fixed, not affected, declared affected — by hand or from a VEX document): its figures of
 * warnings received, acknowledged and fixed changed, so the dashboards' pre-aggregated figures of that organisation
 * are recomputed (reports, docs/adr/0041). One event per warning and organisation, whatever the number of systems.
 */
public record WarningResponded(long warningId, long organizationId) implements OwnFiguresChanged {}
