#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the dossier queries whose predicates are sized by the subtree (ADR 0064), in the form
# main sent before (constant prefixes for the caller's subtrees, the page's subtree bound as a parameter) and in the
# form the application now chooses for this person (constant prefixes above 2,000 organisations, else the EXISTS over
# the grants and the bound parameter). A bound parameter is planned twice: with its value (a custom plan, what the
# driver's first executions get) and as PostgreSQL's generic plan (what a server-prepared statement may switch to).
#
#   PLANS=plans/eighth-wave TAG=national bench/explain/sized.sh khien_scale2 vn.lanhdao
#   ONLY=dossiers-late-before,dossiers-late-after …   (only these plans)
#   THRESHOLD=1000000 …   (the "after" form as if the subtree were small whatever its size: both forms at any size)
#
# PGHOST/PGUSER/PGPASSWORD as for psql (default 127.0.0.1, khien/khien); JIT off as the application sets it.
set -euo pipefail
cd "$(dirname "$0")"
DB=${1:-khien_load} WHO=${2:-t05.lanhdao}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-khien} PGPASSWORD=${PGPASSWORD:-khien}
export PGOPTIONS=${PGOPTIONS:--c jit=off}
PLANS=${PLANS:-plans/eighth-wave} TAG=${TAG:-} THRESHOLD=${THRESHOLD:-2000}
mkdir -p "$PLANS"
PERSON=$(psql -d "$DB" -Atc "SELECT id FROM app_user WHERE username = '$WHO'")
TODAY=$(date -u +%F)
ROLES="'PLATFORM_ADMIN','ORG_ADMIN','LEADER','SECURITY_OFFICER','INCIDENT_RESPONDER','AUDITOR'"
GRANTED="SELECT DISTINCT so.path AS p FROM role_grant sg JOIN organization so ON so.id = sg.organization_id WHERE sg.user_id = $PERSON AND sg.role IN ($ROLES)"
TOP=$(psql -d "$DB" -Atc "SELECT so.path FROM role_grant sg JOIN organization so ON so.id = sg.organization_id WHERE sg.user_id = $PERSON ORDER BY LENGTH(so.path), so.id LIMIT 1")
SIZE=$(psql -d "$DB" -Atc "SELECT COUNT(*) FROM organization o WHERE EXISTS (SELECT 1 FROM ($GRANTED) g WHERE o.path LIKE g.p || '%')")
prefixes() { psql -d "$DB" -Atc "SELECT COALESCE('(' || string_agg('$1 LIKE ''' || g.p || '%''', ' OR ' ORDER BY g.p) || ')', '(1 = 0)') FROM ($GRANTED) g WHERE NOT EXISTS (SELECT 1 FROM ($GRANTED) h WHERE h.p <> g.p AND g.p LIKE h.p || '%')"; }
grants() { echo "EXISTS (SELECT 1 FROM role_grant sg$2 JOIN organization so$2 ON so$2.id = sg$2.organization_id WHERE sg$2.user_id = $PERSON AND sg$2.role IN ($ROLES) AND $1 LIKE so$2.path || '%')"; }
visible() { # $1 po predicate, $2 bo predicate
  echo "((EXISTS (SELECT 1 FROM system_party sp JOIN organization po ON po.id = sp.organization_id WHERE sp.system_id = d.system_id AND sp.party_role NOT IN ('APPRAISER', 'APPROVER', 'EXPERT') AND $1)) OR (d.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM organization bo WHERE bo.id IN (d.appraiser_org_id, d.approver_org_id, d.expert_org_id) AND $2)))"
}
BEFORE=$(visible "$(prefixes po.path)" "$(prefixes bo.path)")
if (( SIZE > THRESHOLD )); then AFTER=$BEFORE; else AFTER=$(visible "$(grants po.path party)" "$(grants bo.path body)"); fi
CONCERNS="EXISTS (SELECT 1 FROM system_party tp JOIN organization tpo ON tpo.id = tp.organization_id WHERE tp.system_id = d.system_id AND (tpo.path LIKE \$1 || '%'))"
DOS="SELECT d.id, s.code, s.name, d.step_due_on FROM level_dossier d JOIN information_system s ON s.id = d.system_id"
ACT="d.status IN ('DRAFT', 'RETURNED') AND (EXISTS (SELECT 1 FROM organization actorOrg WHERE actorOrg.id = s.owner_organization_id AND $(prefixes actorOrg.path)) OR EXISTS (SELECT 1 FROM organization actorOrg WHERE actorOrg.id = s.operator_organization_id AND $(prefixes actorOrg.path)))"
# plan <name> <sql with $1 for the subtree path or none> <custom|generic>
plan() {
  local name=$1 sql=$2 mode=${3:-custom} file="$PLANS/$1${TAG:+-$TAG}.txt"
  [[ -n "${ONLY:-}" && ",$ONLY," != *",$name,"* ]] && return 0
  { echo "-- $name, as $WHO (person $PERSON, $SIZE organisations in view), $DB, $(date -u '+%F %T') UTC, plan_cache_mode $mode, \$1 = '$TOP'"
    echo "$sql;"; echo
    psql -d "$DB" -At <<SQL
SET plan_cache_mode = force_${mode}_plan;
PREPARE q(varchar) AS $sql;
EXPLAIN (ANALYZE) EXECUTE q('$TOP');
EXPLAIN (ANALYZE, BUFFERS) EXECUTE q('$TOP');
SQL
  } > "$file"
  echo "$name${TAG:+-$TAG}: $(grep -E '^Execution Time' "$file" | tail -1)"
}
for form in before after; do
  V=$BEFORE; [[ $form == after ]] && V=$AFTER
  plan "dossiers-late-$form" "$DOS WHERE d.status IN ('SUBMITTED', 'APPRAISED') AND (d.step_due_on < DATE '$TODAY' OR d.validity_due_on < DATE '$TODAY') AND \$1 IS NOT NULL AND $V ORDER BY d.step_due_on, d.id LIMIT 20"
  plan "dossiers-returned-$form" "$DOS WHERE $ACT AND d.status = 'RETURNED' AND \$1 IS NOT NULL AND $V ORDER BY d.updated_at DESC, d.id LIMIT 20"
done
# dossiers by status and the may-be-late dossiers of the progress page: before, the subtree bound (custom and generic
# plans); after, a constant for a large subtree, bound for a small one
LATE="AND d.status IN ('SUBMITTED', 'APPRAISED') AND (d.step_due_on < DATE '$TODAY' OR d.validity_due_on < DATE '$TODAY') ORDER BY d.step_due_on, d.id"
for mode in custom generic; do
  plan "progress-by-status-before-$mode" "SELECT d.status, COUNT(*) FROM level_dossier d WHERE $CONCERNS AND $BEFORE GROUP BY d.status ORDER BY MIN(d.step_due_on), MIN(d.id)" $mode
  plan "progress-may-be-late-before-$mode" "SELECT d.* FROM level_dossier d WHERE $CONCERNS AND $BEFORE $LATE" $mode
done
if (( SIZE > THRESHOLD )); then C="${CONCERNS//\$1 || \'%\'/\'$TOP%\'} AND \$1 IS NOT NULL"; MODES=custom; else C=$CONCERNS; MODES="custom generic"; fi
for mode in $MODES; do
  plan "progress-by-status-after-$mode" "SELECT d.status, COUNT(*) FROM level_dossier d WHERE $C AND $AFTER GROUP BY d.status ORDER BY MIN(d.step_due_on), MIN(d.id)" $mode
  plan "progress-may-be-late-after-$mode" "SELECT d.* FROM level_dossier d WHERE $C AND $AFTER $LATE" $mode
done
