package vn.khien.incidents;

import vn.khien.platform.figures.OwnFiguresChanged;

/**
 * Published in the changing transaction when an incident is reported (status {@code NEW}, or {@code UNVERIFIED} from
 * the public page) or moves along its workflow (verified, contained, …, closed, rejected): the organisation's open
 * and detected incidents changed, so the dashboards' pre-aggregated figures of that organisation are recomputed
 * (reports, docs/adr/0041).
 */
public record IncidentStatusChanged(long incidentId, long organizationId, String status) implements OwnFiguresChanged {}
