#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the heaviest queries of the home page and the findings lists (issue 15), as the
# application sends them (same SQL, the visibility predicate of OrgScope/VisibleSystems), over a database filled
# by `generate`. Writes one plan file per query into bench/explain/plans/.
#
#   bench/explain/explain.sh [database] [username]     # default khien_load, t05.lanhdao (a province leader)
#   ONLY=findings-page-offset-deep,findings-page-keyset-deep NO_ANALYZE=1 bench/explain/explain.sh khien_scale_load
#     (only the named plans; NO_ANALYZE: leave the database's statistics alone, for a shared data set)
#   PLANS=plans/scale-1.0 TAG=national NO_ANALYZE=1 bench/explain/explain.sh khien_scale vn.lanhdao
#     (PLANS: the folder the files go to, default plans; TAG: appended to each file name, e.g. for a second person)
#   SCOPE_BEFORE=1 …: the visibility predicate as it was before ADR 0060 (an EXISTS over the role grants)
#
# PGHOST/PGPORT/PGUSER/PGPASSWORD as for psql (default 127.0.0.1:5432, khien/khien).
set -euo pipefail
cd "$(dirname "$0")"
DB=${1:-khien_load} WHO=${2:-t05.lanhdao}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-khien} PGPASSWORD=${PGPASSWORD:-khien}
# As the application connects (platform.PostgresTuning): JIT off.
export PGOPTIONS=${PGOPTIONS:--c jit=off}
PLANS=${PLANS:-plans} TAG=${TAG:-}
mkdir -p "$PLANS"
PERSON=$(psql -d "$DB" -Atc "SELECT id FROM app_user WHERE username = '$WHO'")
TODAY=$(date -u +%F)
ROLES="'PLATFORM_ADMIN','ORG_ADMIN','LEADER','SECURITY_OFFICER','INCIDENT_RESPONDER','AUDITOR'"
# The caller's subtrees as constant path prefixes, as OrgScope writes them since ADR 0060 (a subtree inside another
# granted one left out); SCOPE_BEFORE=1: the EXISTS over the role grants that it wrote before.
GRANTED="SELECT DISTINCT so.path AS p FROM role_grant sg JOIN organization so ON so.id = sg.organization_id WHERE sg.user_id = $PERSON AND sg.role IN ($ROLES)"
SUBTREES=$(psql -d "$DB" -Atc "SELECT COALESCE('(' || string_agg('po.path LIKE ''' || g.p || '%''', ' OR ' ORDER BY g.p) || ')', '1 = 0') FROM ($GRANTED) g WHERE NOT EXISTS (SELECT 1 FROM ($GRANTED) h WHERE h.p <> g.p AND g.p LIKE h.p || '%')")
if [[ -n "${SCOPE_BEFORE:-}" ]]; then
  SUBTREES="EXISTS (SELECT 1 FROM role_grant sg JOIN organization so ON so.id = sg.organization_id WHERE sg.user_id = $PERSON AND sg.role IN ($ROLES) AND po.path LIKE so.path || '%')"
fi
VISIBLE="EXISTS (SELECT 1 FROM system_party sp JOIN organization po ON po.id = sp.organization_id WHERE sp.system_id = f.system_id AND sp.party_role NOT IN ('APPRAISER', 'APPROVER', 'EXPERT') AND $SUBTREES)"
VISIBLE_S=${VISIBLE//f.system_id/s.id}
plan() {
  local name=$1 sql=$2
  [[ -n "${ONLY:-}" && ",$ONLY," != *",$name,"* ]] && return 0
  { echo "-- $name, as $WHO (person $PERSON), database $DB, $(date -u '+%F %T') UTC"; echo "$sql;"; echo;
    [[ -n "${NO_ANALYZE:-}" ]] || psql -d "$DB" -Atc "ANALYZE" >/dev/null 2>&1 || true
    psql -d "$DB" -Atc "EXPLAIN (ANALYZE, BUFFERS) $sql"; } > "$PLANS/$name${TAG:+-$TAG}.txt"
  echo "$name${TAG:+-$TAG}: $(grep -E '^Execution Time' "$PLANS/$name${TAG:+-$TAG}.txt")"
}
plan findings-list-count "SELECT COUNT(*) FROM (SELECT 1 FROM finding f JOIN information_system s ON s.id = f.system_id WHERE $VISIBLE AND f.status = 'OPEN' AND f.severity = 'CRITICAL' LIMIT 10001) c"
# A page as FindingRepository reads it since ADR 0060: the page's ids from the sort key and filters, then those rows.
page() { echo "$COLS (SELECT f.id FROM finding f JOIN information_system s ON s.id = f.system_id WHERE $1 ORDER BY f.severity_rank, f.due_date NULLS LAST, f.id $2) page JOIN finding f ON f.id = page.id JOIN information_system s ON s.id = f.system_id ORDER BY f.severity_rank, f.due_date NULLS LAST, f.id"; }
COLS="SELECT f.*, s.code AS system_code, s.name AS system_name, s.owner_organization_id, (SELECT COUNT(*) FROM finding_location l WHERE l.finding_id = f.id) AS location_count FROM"
plan findings-list-page "$(page "$VISIBLE AND f.status = 'OPEN' AND f.severity = 'CRITICAL'" "LIMIT 51")"
plan findings-mine-page "$(page "$VISIBLE" "LIMIT 51")"
plan home-overdue-findings "SELECT f.system_id, s.code, s.name, f.severity, MIN(f.severity_rank) AS rnk, COUNT(*) AS n FROM finding f JOIN information_system s ON s.id = f.system_id WHERE f.status IN ('OPEN', 'REOPENED') AND f.due_date < DATE '$TODAY' AND $VISIBLE GROUP BY f.system_id, s.code, s.name, f.severity ORDER BY rnk, n DESC, s.code LIMIT 20"
plan home-expiring-risks "SELECT f.system_id, s.code, s.name, COUNT(*) AS n, MIN(f.risk_expires_on) AS first_expiry FROM finding f JOIN information_system s ON s.id = f.system_id WHERE f.status = 'ACCEPTED_RISK' AND f.risk_expires_on <= DATE '$TODAY' + 30 AND $VISIBLE GROUP BY f.system_id, s.code, s.name ORDER BY first_expiry, s.code LIMIT 20"
plan home-scan-duties "SELECT COUNT(*), MIN(ls.last_scan) FROM (SELECT (SELECT MAX(sc.scan_date) FROM scan sc WHERE sc.system_id = s.id AND sc.status = 'COMPLETED') AS last_scan FROM information_system s WHERE s.lifecycle_status = 'OPERATING' AND $VISIBLE_S) ls"
# Keyset paging of the findings list (issue 15, ADR 0042): the page after row 3,000 of "my findings", by OFFSET (as
# before) and by the cursor of row 3,000 (as FindingRepository.after writes it).
ORDER="ORDER BY f.severity_rank, f.due_date NULLS LAST, f.id"
IFS='|' read -r RANK DUE ID <<< "$(psql -d "$DB" -Atc "SELECT f.severity_rank, COALESCE(f.due_date::text, ''), f.id FROM finding f WHERE $VISIBLE $ORDER OFFSET 2999 LIMIT 1")"
if [[ -z "$DUE" ]]; then
  AFTER="f.severity_rank >= $RANK AND (f.severity_rank > $RANK OR (f.due_date IS NULL AND f.id > $ID))"
else
  AFTER="f.severity_rank >= $RANK AND (f.severity_rank > $RANK OR f.due_date > DATE '$DUE' OR f.due_date IS NULL OR (f.due_date = DATE '$DUE' AND f.id > $ID))"
fi
plan findings-page-offset-deep "$(page "$VISIBLE" "LIMIT 51 OFFSET 3000")"
plan findings-page-keyset-deep "$(page "$VISIBLE AND $AFTER" "LIMIT 51")"
# The snapshot refresh's heaviest read (VulnerabilityFigures, the four finding figures in one pass): one chunk of
# 2,000 organisation ids, as the reports job sends it for the running quarter (issue 15, scale 1.0: ~5 s a chunk).
IDS=$(psql -d "$DB" -Atc "SELECT string_agg(id::text, ',' ORDER BY id) FROM (SELECT id FROM organization ORDER BY id OFFSET 2000 LIMIT 2000) o")
QEND=$(psql -d "$DB" -Atc "SELECT (date_trunc('quarter', DATE '$TODAY') + INTERVAL '3 months' - INTERVAL '1 day')::date")
plan figures-vulnerability-chunk "SELECT s.owner_organization_id, SUM(CASE WHEN f.severity = 'CRITICAL' THEN 1 ELSE 0 END), SUM(CASE WHEN f.severity = 'HIGH' THEN 1 ELSE 0 END), SUM(CASE WHEN f.due_date < DATE '$QEND' THEN 1 ELSE 0 END), SUM(CASE WHEN f.due_date < DATE '$QEND' AND f.severity IN ('CRITICAL', 'HIGH') THEN 1 ELSE 0 END) FROM finding f JOIN information_system s ON s.id = f.system_id WHERE s.owner_organization_id IN ($IDS) AND f.first_seen <= DATE '$QEND' AND (f.status IN ('OPEN', 'REOPENED') OR (f.closed_on IS NOT NULL AND f.closed_on > DATE '$QEND')) AND (s.lifecycle_status <> 'RETIRED' OR s.retired_on > DATE '$QEND') GROUP BY s.owner_organization_id"
# The register list (SystemRepository.search, recordVisible: every party) and the level progress page's roll-ups
# (ProgressService: systems per level, the campaigns' counts in one pass, dossiers by status) over the caller's
# top organisation (issue 15, seventh wave).
RECORD=${VISIBLE_S//" AND sp.party_role NOT IN ('APPRAISER', 'APPROVER', 'EXPERT')"/}
plan register-list "SELECT s.*, ow.name_vi AS owner_name, ow.path AS owner_path, op.name_vi AS operator_name FROM information_system s JOIN organization ow ON ow.id = s.owner_organization_id JOIN organization op ON op.id = s.operator_organization_id WHERE $RECORD ORDER BY ow.path, s.code LIMIT ${REGISTER_LIMIT:-2000}"
TOP=$(psql -d "$DB" -Atc "SELECT so.path FROM role_grant sg JOIN organization so ON so.id = sg.organization_id WHERE sg.user_id = $PERSON ORDER BY LENGTH(so.path), so.id LIMIT 1")
CONCERNS="EXISTS (SELECT 1 FROM system_party tp JOIN organization tpo ON tpo.id = tp.organization_id WHERE tp.system_id = s.id AND tpo.path LIKE '$TOP' || '%')"
plan progress-per-level "SELECT COALESCE(s.approved_level, 0), COUNT(*) FROM information_system s WHERE $CONCERNS AND s.lifecycle_status <> 'RETIRED' AND $RECORD GROUP BY COALESCE(s.approved_level, 0)"
plan progress-dossiers-by-status "SELECT d.status, COUNT(*) FROM level_dossier d WHERE ${CONCERNS//s.id/d.system_id} AND (${VISIBLE//f.system_id/d.system_id} OR (d.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM organization bo WHERE bo.id IN (d.appraiser_org_id, d.approver_org_id, d.expert_org_id) AND ${SUBTREES//po.path/bo.path}))) GROUP BY d.status ORDER BY MIN(d.step_due_on), MIN(d.id)"
# The same roll-ups over the per-system tally kept by every write (docs/adr/0058, V174), as the application sends
# them since: overdue findings, expiring risks and the scan duty of the home page, one chunk of the running period's
# vulnerability figures (a period ending today).
VISIBLE_T=${VISIBLE//f.system_id/t.system_id}
OVERDUE=$(date -u -d "$TODAY -6 months" +%F) DUE_SOON=$(date -u -d "$TODAY +31 days -6 months" +%F)   # ScanDuty
plan home-overdue-findings-tally "SELECT x.system_id, s.code, s.name, x.severity, x.rnk, x.n FROM (SELECT t.system_id, t.severity, MIN(t.severity_rank) AS rnk, SUM(t.finding_count) AS n FROM finding_tally t WHERE t.status IN ('OPEN', 'REOPENED') AND t.due_date < DATE '$TODAY' AND $VISIBLE_T GROUP BY t.system_id, t.severity ORDER BY rnk, n DESC FETCH FIRST 20 ROWS WITH TIES) x JOIN information_system s ON s.id = x.system_id ORDER BY x.rnk, x.n DESC, s.code LIMIT 20"
plan home-expiring-risks-tally "SELECT x.system_id, s.code, s.name, x.n, x.first_expiry FROM (SELECT t.system_id, SUM(t.finding_count) AS n, MIN(t.risk_expires_on) AS first_expiry FROM finding_tally t WHERE t.status = 'ACCEPTED_RISK' AND t.risk_expires_on <= DATE '$TODAY' + 30 GROUP BY t.system_id) x JOIN information_system s ON s.id = x.system_id WHERE ${VISIBLE//f.system_id/x.system_id} ORDER BY x.first_expiry, s.code LIMIT 20"
plan home-scan-duties-tally "SELECT SUM(CASE WHEN ts.last_scan_date IS NULL OR ts.last_scan_date < DATE '$OVERDUE' THEN 1 ELSE 0 END), SUM(CASE WHEN ts.last_scan_date >= DATE '$OVERDUE' AND ts.last_scan_date < DATE '$DUE_SOON' THEN 1 ELSE 0 END) FROM information_system s LEFT JOIN finding_tally_system ts ON ts.system_id = s.id WHERE s.lifecycle_status = 'OPERATING' AND $VISIBLE_S"
plan figures-vulnerability-chunk-tally "SELECT s.owner_organization_id, SUM(CASE WHEN f.severity = 'CRITICAL' THEN f.finding_count ELSE 0 END), SUM(CASE WHEN f.severity = 'HIGH' THEN f.finding_count ELSE 0 END), SUM(CASE WHEN f.due_date < DATE '$TODAY' THEN f.finding_count ELSE 0 END), SUM(CASE WHEN f.due_date < DATE '$TODAY' AND f.severity IN ('CRITICAL', 'HIGH') THEN f.finding_count ELSE 0 END) FROM finding_tally f JOIN information_system s ON s.id = f.system_id WHERE s.owner_organization_id IN ($IDS) AND f.status IN ('OPEN', 'REOPENED') AND (s.lifecycle_status <> 'RETIRED' OR s.retired_on > DATE '$TODAY') GROUP BY s.owner_organization_id"
