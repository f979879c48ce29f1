#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the home page's attention sources other than the findings roll-ups of explain.sh
# (issue 15, eighth wave, ADR 0063), as the application sends them, for one person of a generated set.
#
#   bench/explain/attention.sh [database] [username]      # default khien_scale, t05.lanhdao
#   FORM=before …: the statements as they were before ADR 0063 (EXISTS over system_party per row)
#   PLANS=plans/attention TAG=national bench/explain/attention.sh khien_scale vn.lanhdao
#
# Leaves the statistics alone (no ANALYZE). PGHOST/PGPORT/PGUSER/PGPASSWORD as for psql; JIT off as the application.
set -euo pipefail
cd "$(dirname "$0")"
DB=${1:-khien_scale} WHO=${2:-t05.lanhdao}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-khien} PGPASSWORD=${PGPASSWORD:-khien}
export PGOPTIONS=${PGOPTIONS:--c jit=off}
PLANS=${PLANS:-plans/attention} TAG=${TAG:-} FORM=${FORM:-after}
mkdir -p "$PLANS"
q() { psql -d "$DB" -Atc "$1"; }
PERSON=$(q "SELECT id FROM app_user WHERE username = '$WHO'")
TODAY=$(date -u +%F)
# OrgScope's constant prefixes (ADR 0060) for a set of roles, over the path expression $2.
prefixes() {
  local granted="SELECT DISTINCT so.path AS p FROM role_grant sg JOIN organization so ON so.id = sg.organization_id WHERE sg.user_id = $PERSON AND sg.role IN ($1)"
  q "SELECT COALESCE('(' || string_agg('$2 LIKE ''' || g.p || '%''', ' OR ' ORDER BY g.p) || ')', '(1 = 0)') FROM ($granted) g WHERE NOT EXISTS (SELECT 1 FROM ($granted) h WHERE h.p <> g.p AND g.p LIKE h.p || '%')"
}
READ="'PLATFORM_ADMIN','ORG_ADMIN','LEADER','SECURITY_OFFICER','INCIDENT_RESPONDER','AUDITOR'"
EDIT="'PLATFORM_ADMIN','LEADER','SECURITY_OFFICER'"
PO=$(prefixes "$READ" po.path)
visible() { echo "EXISTS (SELECT 1 FROM system_party sp JOIN organization po ON po.id = sp.organization_id WHERE sp.system_id = $1 AND sp.party_role NOT IN ('APPRAISER', 'APPROVER', 'EXPERT') AND $PO)"; }
if [[ "$FORM" == after ]]; then
  # ADR 0063: a person whose subtrees hold every root organisation sees every system (AttentionScope.wholeTree):
  # no visibility predicate at all; anyone else keeps the EXISTS above.
  OUTSIDE=$(q "SELECT COUNT(*) FROM organization po WHERE po.parent_id IS NULL AND NOT $PO")
  [[ "$OUTSIDE" == 0 ]] && visible() { echo "(1 = 1)"; }
fi
plan() {
  local name=$1 sql=$2
  [[ -n "${ONLY:-}" && ",$ONLY," != *",$name,"* ]] && return 0
  local file="$PLANS/$name${TAG:+-$TAG}${FORM:+-$FORM}.txt"
  { echo "-- $name, as $WHO (person $PERSON), database $DB, $(date -u '+%F %T') UTC, form $FORM"; echo "$sql;"; echo;
    q "EXPLAIN (ANALYZE, BUFFERS) $sql"; } > "$file"
  echo "$name${TAG:+-$TAG}-$FORM: $(grep -E '^Execution Time' "$file")"
}
OVERDUE=$(date -u -d "$TODAY -6 months" +%F) DUE_SOON=$(date -u -d "$TODAY +31 days -6 months" +%F)   # ScanDuty
plan scan-duty "SELECT SUM(CASE WHEN ts.last_scan_date IS NULL OR ts.last_scan_date < DATE '$OVERDUE' THEN 1 ELSE 0 END), SUM(CASE WHEN ts.last_scan_date >= DATE '$OVERDUE' AND ts.last_scan_date < DATE '$DUE_SOON' THEN 1 ELSE 0 END) FROM information_system s LEFT JOIN finding_tally_system ts ON ts.system_id = s.id WHERE s.lifecycle_status = 'OPERATING' AND $(visible s.id)"
if [[ "$FORM" == after && "$(visible x)" == "(1 = 1)" ]]; then
  plan overdue-findings "SELECT x.system_id, s.code, s.name, x.severity, x.rnk, x.n FROM (SELECT t.system_id, t.severity, MIN(t.severity_rank) AS rnk, SUM(t.finding_count) AS n FROM finding_tally t WHERE t.status IN ('OPEN', 'REOPENED') AND t.due_date < DATE '$TODAY' AND t.severity_rank = 0 GROUP BY t.system_id, t.severity ORDER BY n DESC FETCH FIRST 20 ROWS WITH TIES) x JOIN information_system s ON s.id = x.system_id ORDER BY x.n DESC, s.code LIMIT 20"
else
plan overdue-findings "SELECT x.system_id, s.code, s.name, x.severity, x.rnk, x.n FROM (SELECT t.system_id, t.severity, MIN(t.severity_rank) AS rnk, SUM(t.finding_count) AS n FROM finding_tally t WHERE t.status IN ('OPEN', 'REOPENED') AND t.due_date < DATE '$TODAY' AND $(visible t.system_id) GROUP BY t.system_id, t.severity ORDER BY rnk, n DESC FETCH FIRST 20 ROWS WITH TIES) x JOIN information_system s ON s.id = x.system_id ORDER BY x.rnk, x.n DESC, s.code LIMIT 20"
fi
plan expiring-risks "SELECT x.system_id, s.code, s.name, x.n, x.first_expiry FROM (SELECT t.system_id, SUM(t.finding_count) AS n, MIN(t.risk_expires_on) AS first_expiry FROM finding_tally t WHERE t.status = 'ACCEPTED_RISK' AND t.risk_expires_on <= DATE '$TODAY' + 30 GROUP BY t.system_id) x JOIN information_system s ON s.id = x.system_id WHERE $(visible x.system_id) ORDER BY x.first_expiry, s.code LIMIT 20"
plan without-level "SELECT COUNT(*) FROM information_system s WHERE s.lifecycle_status = 'OPERATING' AND s.approved_level IS NULL AND $(visible s.id)"
plan redetermine "SELECT s.id, s.code, s.name FROM information_system s WHERE s.redetermination_required = TRUE AND s.lifecycle_status <> 'RETIRED' AND $(visible s.id) ORDER BY s.code LIMIT 20"
plan no-regulation "SELECT s.id, s.code, s.name FROM information_system s WHERE s.approved_level IS NOT NULL AND s.lifecycle_status <> 'RETIRED' AND NOT EXISTS (SELECT 1 FROM security_regulation r WHERE r.system_id = s.id) AND $(visible s.id) ORDER BY s.code LIMIT 20"
plan scheduled "SELECT s.id, s.code, s.name, s.approved_level, s.approved_regime, s.approved_on, (SELECT MAX(a.completed_on) FROM assessment a WHERE a.system_id = s.id) AS last_completed, r.rating FROM information_system s LEFT JOIN compliance_risk_rating r ON r.system_id = s.id WHERE s.approved_level IS NOT NULL AND s.lifecycle_status <> 'RETIRED' AND EXISTS (SELECT 1 FROM security_plan sp WHERE sp.system_id = s.id AND sp.superseded_at IS NULL) AND $(visible s.id) ORDER BY s.code"
plan evidence "SELECT e.system_id, s.code, s.name, SUM(CASE WHEN e.valid_until < DATE '$TODAY' THEN 1 ELSE 0 END) AS expired, SUM(CASE WHEN e.valid_until >= DATE '$TODAY' THEN 1 ELSE 0 END) AS expiring FROM plan_evidence e JOIN plan_item p ON p.system_id = e.system_id AND p.requirement_id = e.requirement_id AND p.required = TRUE JOIN information_system s ON s.id = e.system_id WHERE e.valid_until IS NOT NULL AND e.valid_until <= DATE '$TODAY' + 30 AND e.superseded_at IS NULL AND e.deleted_at IS NULL AND $(visible e.system_id) GROUP BY e.system_id, s.code, s.name ORDER BY expired DESC, s.code LIMIT 20"
plan overdue-tasks "SELECT t.system_id, s.code, s.name, COUNT(*) AS n FROM remediation_task t JOIN information_system s ON s.id = t.system_id WHERE t.done = FALSE AND t.status <> 'DONE' AND t.due_on < DATE '$TODAY' AND $(visible t.system_id) GROUP BY t.system_id, s.code, s.name ORDER BY n DESC, s.code LIMIT 20"
SOWN=$(prefixes "$READ" sown.path)
plan drills "SELECT s.id, s.name, s.approved_level, (SELECT MAX(d.held_on) FROM system_drill d WHERE d.system_id = s.id AND d.kind = 'LIVE_FIRE') FROM information_system s JOIN organization sown ON sown.id = s.owner_organization_id WHERE s.approved_level >= 3 AND $SOWN ORDER BY s.name LIMIT 200"
OW=$(prefixes "$EDIT" ow.path)
plan hosting "SELECT s.*, ow.name_vi AS owner_name, ow.path AS owner_path, op.name_vi AS operator_name FROM information_system s JOIN organization ow ON ow.id = s.owner_organization_id JOIN organization op ON op.id = s.operator_organization_id WHERE s.proposed_hosting_kind IS NOT NULL AND $OW ORDER BY s.updated_at, s.id LIMIT 20"
O=$(prefixes "$EDIT" o.path)
CUTOFF=$(date -u -d "$TODAY -7 days" '+%F %T')
if [[ "$FORM" == after ]]; then
  # as AwarenessAttention sends it (rule data: minimum 70 %, 10 lines); the whole tree without the prefixes
  [[ "$(visible x)" == "(1 = 1)" ]] && O="(1 = 1)"
  plan awareness-shares "SELECT g.organization_id, o.name_vi, g.campaign_id, c.title, g.n, g.acknowledged FROM (SELECT d.organization_id, d.campaign_id, COUNT(*) AS n, SUM(CASE WHEN d.acknowledged_at IS NOT NULL THEN 1 ELSE 0 END) AS acknowledged FROM (SELECT l.organization_id, MAX(l.campaign_id) AS latest FROM awareness_delivery l JOIN organization o ON o.id = l.organization_id WHERE l.delivered_at <= TIMESTAMP '$CUTOFF' AND $O GROUP BY l.organization_id) latest JOIN awareness_delivery d ON d.organization_id = latest.organization_id AND d.campaign_id = latest.latest AND d.delivered_at <= TIMESTAMP '$CUTOFF' GROUP BY d.organization_id, d.campaign_id HAVING 200 * SUM(CASE WHEN d.acknowledged_at IS NOT NULL THEN 1 ELSE 0 END) < 139 * COUNT(*)) g JOIN organization o ON o.id = g.organization_id JOIN awareness_campaign c ON c.id = g.campaign_id ORDER BY g.acknowledged * 1.0 / g.n, g.organization_id LIMIT 10"
else
plan awareness-shares "SELECT d.organization_id, o.name_vi, d.campaign_id, c.title, COUNT(*), SUM(CASE WHEN d.acknowledged_at IS NOT NULL THEN 1 ELSE 0 END) FROM awareness_delivery d JOIN organization o ON o.id = d.organization_id JOIN awareness_campaign c ON c.id = d.campaign_id WHERE d.delivered_at <= TIMESTAMP '$CUTOFF' AND d.campaign_id = (SELECT MAX(d2.campaign_id) FROM awareness_delivery d2 WHERE d2.organization_id = d.organization_id AND d2.delivered_at <= TIMESTAMP '$CUTOFF') AND $O GROUP BY d.organization_id, o.name_vi, d.campaign_id, c.title"
fi
WBASE="FROM warning_target t JOIN warning w ON w.id = t.warning_id JOIN organization tgo ON tgo.id = t.organization_id WHERE EXISTS (SELECT 1 FROM role_grant g JOIN organization go ON go.id = g.organization_id WHERE g.user_id = $PERSON AND g.role IN ($EDIT) AND tgo.path LIKE go.path || '%')"
# after: no check per target for the whole tree (ADR 0063), the same EXISTS for anyone else
[[ "$FORM" == after && "$(visible x)" == "(1 = 1)" ]] && WBASE="FROM warning_target t JOIN warning w ON w.id = t.warning_id WHERE (1 = 1)"
plan warnings-overdue "SELECT COUNT(*) $WBASE AND ((t.status = 'REACHED' AND w.acknowledge_by < DATE '$TODAY') OR (t.status NOT IN ('NOT_AFFECTED', 'FIXED') AND w.fix_by < DATE '$TODAY'))"
plan warnings-to-ack "SELECT COUNT(*) $WBASE AND t.status = 'REACHED' AND w.acknowledge_by >= DATE '$TODAY'"
