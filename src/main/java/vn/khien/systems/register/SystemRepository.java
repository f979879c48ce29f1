package vn.khien.systems.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.SupplierTaxCodes;
import vn.khien.systems.dossier.DossierStatus;

/** Plain SQL over the register. Every read ANDs in the caller's scope through the system's parties. */
@Repository
public class SystemRepository {

    static final String SELECT = """
            SELECT s.*, ow.name_vi AS owner_name, ow.path AS owner_path, op.name_vi AS operator_name
            FROM information_system s
            JOIN organization ow ON ow.id = s.owner_organization_id
            JOIN organization op ON op.id = s.operator_organization_id
            """;

    private final JdbcClient jdbc;
    private final OrgScope scope;

    public SystemRepository(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /**
     * The parties that take part in a system only through its level dossier: the appraising, approving and
     * expert-opinion bodies. Their people read what {@link #recordVisible}, {@link #dossierVisible} and
     * {@link #planVisible} open to them, never what {@link #visibleSystems} does (ADR 0012).
     */
    static final String PROCEDURE_BODIES = "'APPRAISER', 'APPROVER', 'EXPERT'";

    /**
     * Everything about the system (components, suppliers, findings, scans, compliance, incidents …): the caller holds a
     * role on the subtree of its owner or operator. Not the bodies of its level dossier (ADR 0012).
     */
    public ScopeFilter visibleSystems(String systemIdExpr) {
        return ownerOrOperatorIn(systemIdExpr, scope.visible("po.path"));
    }

    /** An owner or operator of the system ({@code system_party sp}) lies in {@code f}'s organisations ({@code po}). */
    private static ScopeFilter ownerOrOperatorIn(String systemIdExpr, ScopeFilter f) {
        return new ScopeFilter(
                "EXISTS (SELECT 1 FROM system_party sp JOIN organization po ON po.id = sp.organization_id"
                        + " WHERE sp.system_id = " + systemIdExpr
                        + " AND sp.party_role NOT IN (" + PROCEDURE_BODIES + ") AND " + f.sql() + ")",
                f.params());
    }

    /**
     * The register record (and the register lists, issue 9): {@link #visibleSystems}, or the caller holds a role on
     * the subtree of a body its dossiers were submitted to (any party of {@code system_party}), also after approval.
     */
    public ScopeFilter recordVisible(String systemIdExpr) {
        ScopeFilter f = scope.visible("po.path");
        return new ScopeFilter(
                "EXISTS (SELECT 1 FROM system_party sp JOIN organization po ON po.id = sp.organization_id"
                        + " WHERE sp.system_id = " + systemIdExpr + " AND " + f.sql() + ")",
                f.params());
    }

    /**
     * A dossier (row {@code dossierAlias} of {@code level_dossier}): {@link #visibleSystems} of its system, or it has
     * been submitted and the caller holds a role on the subtree of its appraising, approving or expert-opinion body.
     * The body keeps reading it after approval: it holds the body's own decision (ADR 0012).
     */
    public ScopeFilter dossierVisible(String dossierAlias) {
        // The lists and counts of dossiers test every row's parties: the form suits the caller's subtree (ADR 0064).
        return ownerOrOperatorIn(dossierAlias + ".system_id", scope.visibleSized("po.path", "party"))
                .or(bodyOf(dossierAlias, "IS NOT NULL", scope.holdingAnySized("bo.path", "body", Capability.READ)));
    }

    /**
     * The system's security plan: {@link #visibleSystems}, or one of its dossiers is under appraisal
     * ({@link DossierStatus#underAppraisal}) by a body the caller holds a role in. After approval the plan is the
     * owner's working document again and the bodies' access to it ends (ADR 0012).
     */
    public ScopeFilter planVisible(String systemIdExpr) {
        ScopeFilter body = bodyOf(
                "apd",
                "IS NOT NULL AND apd.status IN (" + DossierStatus.underAppraisalSql() + ")",
                scope.holdingAny("bo.path", "body", Capability.READ));
        return visibleSystems(systemIdExpr)
                .or(new ScopeFilter(
                        "EXISTS (SELECT 1 FROM level_dossier apd WHERE apd.system_id = " + systemIdExpr + " AND "
                                + body.sql() + ")",
                        body.params()));
    }

    /** The dossier was submitted (and matches {@code submittedAndStatus}) to a body the caller holds a role in. */
    private static ScopeFilter bodyOf(String d, String submittedAndStatus, ScopeFilter f) {
        return new ScopeFilter(
                d + ".submitted_at " + submittedAndStatus
                        + " AND EXISTS (SELECT 1 FROM organization bo WHERE bo.id IN ("
                        + d + ".appraiser_org_id, " + d + ".approver_org_id, " + d + ".expert_org_id) AND " + f.sql()
                        + ")",
                f.params());
    }

    /**
     * SQL predicate: the system concerns the subtree at the organisation path bound to {@code :subtreePath} — one of
     * its parties (owner, operator, appraiser, approver, expert) lies there. Lists and aggregates "of an organisation"
     * then include the systems its people appraise or approve, as the register list does (issue 9).
     */
    public static String concernsSubtree(String systemIdExpr) {
        return "EXISTS (SELECT 1 FROM system_party tp JOIN organization tpo ON tpo.id = tp.organization_id"
                + " WHERE tp.system_id = " + systemIdExpr + " AND tpo.path LIKE :subtreePath || '%')";
    }

    /**
     * {@link #concernsSubtree} for the subtree at {@code subtreePath}, with the path written in the form that suits the
     * subtree's size (a constant for the country, {@code :subtreePath} bound for a province, ADR 0064).
     */
    public ScopeFilter concernsSubtreeAt(String systemIdExpr, String subtreePath) {
        ScopeFilter under = scope.inSubtree("tpo.path", subtreePath);
        return new ScopeFilter(
                "EXISTS (SELECT 1 FROM system_party tp JOIN organization tpo ON tpo.id = tp.organization_id"
                        + " WHERE tp.system_id = " + systemIdExpr + " AND " + under.sql() + ")",
                under.params());
    }

    /** The register record as the bodies of its dossiers may read it too ({@link #recordVisible}). */
    public Optional<InformationSystem> findRecord(long id) {
        ScopeFilter f = recordVisible("s.id");
        return jdbc.sql(SELECT + " WHERE s.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query(SystemRepository::map)
                .optional();
    }

    public Optional<InformationSystem> findVisible(long id) {
        ScopeFilter f = visibleSystems("s.id");
        return jdbc.sql(SELECT + " WHERE s.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query(SystemRepository::map)
                .optional();
    }

    /** The system, if the caller may read its security plan ({@link #planVisible}). */
    public Optional<InformationSystem> findForPlan(long id) {
        ScopeFilter f = planVisible("s.id");
        return jdbc.sql(SELECT + " WHERE s.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query(SystemRepository::map)
                .optional();
    }

    /** The register lists show every system whose record the caller reads ({@link #recordVisible}, issue 9). */
    public List<InformationSystem> search(SystemSearch search, int limit) {
        return search(search, limit, 0);
    }

    /** {@link #search(SystemSearch, int)} from the {@code offset}-th system on (the register page, issue 15). */
    public List<InformationSystem> search(SystemSearch search, int limit, long offset) {
        ScopeFilter f = recordVisible("s.id");
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE ").append(f.sql());
        Map<String, Object> params = new LinkedHashMap<>(f.params());
        if (search.organizationId() != null) {
            // The organisation's systems: owned, operated, appraised or approved in its subtree (issue 9).
            sql.append(
                    " AND EXISTS (SELECT 1 FROM system_party tp JOIN organization tpo ON tpo.id = tp.organization_id"
                            + " WHERE tp.system_id = s.id AND tpo.path LIKE (SELECT path FROM organization WHERE id = :org) || '%')");
            params.put("org", search.organizationId());
        }
        if (search.q() != null && !search.q().isBlank()) {
            sql.append(" AND (LOWER(s.code) LIKE :q OR LOWER(s.name) LIKE :q)");
            params.put("q", "%" + search.q().trim().toLowerCase() + "%");
        }
        if (search.level() != null) {
            if (search.level() == 0) {
                sql.append(" AND s.approved_level IS NULL");
            } else {
                sql.append(" AND s.approved_level = :level");
                params.put("level", search.level());
            }
        }
        if (search.status() != null) {
            sql.append(" AND s.lifecycle_status = :status");
            params.put("status", search.status().name());
        }
        if (search.regime() != null && !search.regime().isBlank()) {
            sql.append(" AND s.approved_regime = :regime");
            params.put("regime", search.regime());
        }
        sql.append(" ORDER BY ow.path, s.code LIMIT ").append(limit);
        if (offset > 0) {
            sql.append(" OFFSET ").append(offset);
        }
        return jdbc.sql(sql.toString())
                .params(params)
                .query(SystemRepository::map)
                .list();
    }

    public boolean codeTaken(long ownerId, String code, @Nullable Long exceptId) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM information_system WHERE owner_organization_id = :o AND LOWER(code) = LOWER(:c)"
                                        + (exceptId == null ? "" : " AND id <> :id"))
                        .param("o", ownerId)
                        .param("c", code)
                        .params(exceptId == null ? Map.of() : Map.of("id", exceptId))
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long insert(SystemRequest r, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO information_system (owner_organization_id, operator_organization_id, code, name, purpose,
                    system_type, information_kinds, user_count, data_subject_count, hosting_kind, hosting_provider,
                    lifecycle_status, investment_started_on, operating_since, retired_on, security_unit_operates,
                    created_at, updated_at)
                VALUES (:owner, :operator, :code, :name, :purpose, :type, :kinds, :users, :subjects, :hosting, :provider,
                    :status, :invest, :since, :retired, :suo, :now, :now)""")
                .params(params(r).getValues())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey(), "generated id").longValue();
        syncParties(
                id,
                Objects.requireNonNull(r.getOwnerOrganizationId(), "ownerOrganizationId (validated)"),
                Objects.requireNonNull(r.getOperatorOrganizationId(), "operatorOrganizationId (validated)"));
        return id;
    }

    public void update(long id, SystemRequest r, Instant now, boolean redetermine, @Nullable String reason) {
        jdbc.sql("""
                UPDATE information_system SET owner_organization_id = :owner, operator_organization_id = :operator,
                    code = :code, name = :name, purpose = :purpose, system_type = :type, information_kinds = :kinds,
                    user_count = :users, data_subject_count = :subjects, hosting_kind = :hosting,
                    hosting_provider = :provider, lifecycle_status = :status, investment_started_on = :invest,
                    operating_since = :since, retired_on = :retired, security_unit_operates = :suo,
                    redetermination_required = CASE WHEN :redetermine THEN TRUE ELSE redetermination_required END,
                    redetermination_reason = CASE WHEN :redetermine THEN :reason ELSE redetermination_reason END,
                    updated_at = :now, version = version + 1
                WHERE id = :id""")
                .params(params(r).getValues())
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("redetermine", redetermine)
                .param("reason", reason)
                .update();
        syncParties(
                id,
                Objects.requireNonNull(r.getOwnerOrganizationId(), "ownerOrganizationId (validated)"),
                Objects.requireNonNull(r.getOperatorOrganizationId(), "operatorOrganizationId (validated)"));
    }

    /**
     * The hosting kind the operator proposes (ADR 0057); the declared kind and every other fact stay as they are. A
     * proposal replaces the one waiting.
     */
    public void proposeHostingKind(long id, HostingKind kind, Instant now) {
        jdbc.sql("UPDATE information_system SET proposed_hosting_kind = :kind, updated_at = :now, version = version + 1"
                        + " WHERE id = :id")
                .param("kind", kind.name())
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    /**
     * The owner confirms the waiting proposal: it becomes the declared hosting kind (a re-determination starts when
     * the level is approved and the kind changed). Guarded by the proposal read, so two deciders cannot both win.
     */
    public int confirmHostingKind(
            long id, HostingKind proposed, Instant now, boolean redetermine, @Nullable String reason) {
        return jdbc.sql("""
                UPDATE information_system SET hosting_kind = proposed_hosting_kind, proposed_hosting_kind = NULL,
                    redetermination_required = CASE WHEN :redetermine THEN TRUE ELSE redetermination_required END,
                    redetermination_reason = CASE WHEN :redetermine THEN :reason ELSE redetermination_reason END,
                    updated_at = :now, version = version + 1
                WHERE id = :id AND proposed_hosting_kind = :proposed""")
                .param("redetermine", redetermine)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("proposed", proposed.name())
                .update();
    }

    /** The owner declines the waiting proposal: the declared hosting kind stays. */
    public int declineHostingKind(long id, HostingKind proposed, Instant now) {
        return clearHostingProposal(id, proposed, now);
    }

    /**
     * The waiting proposal, unscoped: only for a caller already authorised on the system another way (the operator
     * that just accepted to run it).
     */
    public Optional<HostingKind> proposedHostingKind(long id) {
        return jdbc.sql("SELECT proposed_hosting_kind FROM information_system WHERE id = :id"
                        + " AND proposed_hosting_kind IS NOT NULL")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(HostingKind::valueOf);
    }

    /** The declared hosting kind, unscoped (as {@link #proposedHostingKind}); null when none is declared. */
    public @Nullable HostingKind declaredHostingKind(long id) {
        return jdbc.sql("SELECT hosting_kind FROM information_system WHERE id = :id AND hosting_kind IS NOT NULL")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(HostingKind::valueOf)
                .orElse(null);
    }

    /**
     * Clears the waiting proposal, guarded by the proposal read: declined by the owner, or settled without a decision
     * (the owner declared the same kind, or the operator that proposed it no longer operates the system).
     */
    public int clearHostingProposal(long id, HostingKind proposed, Instant now) {
        return jdbc.sql("UPDATE information_system SET proposed_hosting_kind = NULL, updated_at = :now,"
                        + " version = version + 1 WHERE id = :id AND proposed_hosting_kind = :proposed")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("proposed", proposed.name())
                .update();
    }

    /**
     * Systems whose operator proposed a hosting kind, for whoever decides on the owner's side (EDIT_SECURITY_DATA on the
     * owner organisation), the oldest first.
     */
    public List<InformationSystem> hostingProposalsToDecide(int limit) {
        ScopeFilter f = scope.holding("ow.path", Capability.EDIT_SECURITY_DATA);
        return jdbc.sql(SELECT + " WHERE s.proposed_hosting_kind IS NOT NULL AND " + f.sql()
                        + " ORDER BY s.updated_at, s.id LIMIT " + limit)
                .params(f.params())
                .query(SystemRepository::map)
                .list();
    }

    /** Owner and operator parties follow the system; authority parties (appraiser …) stay for the dossier history. */
    private void syncParties(long systemId, long ownerId, long operatorId) {
        jdbc.sql("DELETE FROM system_party WHERE system_id = :s AND party_role IN ('OWNER', 'OPERATOR')")
                .param("s", systemId)
                .update();
        addParty(systemId, ownerId, "OWNER");
        addParty(systemId, operatorId, "OPERATOR");
    }

    public void addParty(long systemId, long organizationId, String role) {
        long exists = jdbc.sql(
                        "SELECT COUNT(*) FROM system_party WHERE system_id = :s AND organization_id = :o AND party_role = :r")
                .param("s", systemId)
                .param("o", organizationId)
                .param("r", role)
                .query(Long.class)
                .single();
        if (exists == 0) {
            jdbc.sql("INSERT INTO system_party (system_id, organization_id, party_role) VALUES (:s, :o, :r)")
                    .param("s", systemId)
                    .param("o", organizationId)
                    .param("r", role)
                    .update();
        }
    }

    public void recordApproval(
            long systemId,
            int level,
            String regime,
            LocalDate on,
            String decisionNumber,
            String signer,
            long dossierId,
            Instant now) {
        jdbc.sql("""
                UPDATE information_system SET approved_level = :level, approved_regime = :regime, approved_on = :on,
                    approval_decision_number = :number, approval_decision_signer = :signer, approval_dossier_id = :dossier,
                    redetermination_required = FALSE, redetermination_reason = NULL, updated_at = :now, version = version + 1
                WHERE id = :id""")
                .param("level", level)
                .param("regime", regime)
                .param("on", on)
                .param("number", decisionNumber)
                .param("signer", signer)
                .param("dossier", dossierId)
                .param("now", Timestamp.from(now))
                .param("id", systemId)
                .update();
    }

    /** Whether the organisation publishes itself to the whole tree as an operator of other organisations' systems. */
    public boolean publishedProvider(long organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM operator_provider WHERE organization_id = :o")
                        .param("o", organizationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether the organisation is this system's operator now. */
    public boolean operates(long systemId, long organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM information_system WHERE id = :s AND operator_organization_id = :o")
                        .param("s", systemId)
                        .param("o", organizationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Operators that may be chosen beyond the caller's own subtree: the published providers and, on an edit, the
     * system's operator now (which accepted to run it). Names only of organisations that made themselves known.
     */
    public List<OperatorChoice> operatorChoicesBeyondScope(@Nullable Long systemId) {
        return jdbc.sql("""
                        SELECT o.id, o.code, o.name_vi FROM organization o
                        WHERE o.id IN (SELECT organization_id FROM operator_provider)
                           OR o.id = (SELECT operator_organization_id FROM information_system WHERE id = :s)
                        ORDER BY o.name_vi, o.id""")
                .param("s", systemId == null ? -1L : systemId)
                .query((rs, n) -> new OperatorChoice(rs.getLong("id"), rs.getString("code"), rs.getString("name_vi")))
                .list();
    }

    /** Owner and operator ids of a system, unscoped: only for a caller already authorised on it another way. */
    public long[] ownerAndOperator(long systemId) {
        return jdbc.sql("SELECT owner_organization_id, operator_organization_id FROM information_system WHERE id = :s")
                .param("s", systemId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    /** The operator accepted to run the system: it becomes its OPERATOR party (the previous one stops being one). */
    public void changeOperator(long systemId, long operatorId, Instant now) {
        jdbc.sql("""
                        UPDATE information_system SET operator_organization_id = :o, updated_at = :now,
                            version = version + 1
                        WHERE id = :s""")
                .param("o", operatorId)
                .param("now", Timestamp.from(now))
                .param("s", systemId)
                .update();
        jdbc.sql("DELETE FROM system_party WHERE system_id = :s AND party_role = 'OPERATOR'")
                .param("s", systemId)
                .update();
        addParty(systemId, operatorId, "OPERATOR");
    }

    public boolean organizationExists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM organization WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    // ---- components and suppliers

    public List<Component> components(long systemId) {
        return jdbc.sql("SELECT * FROM system_component WHERE system_id = :s ORDER BY kind, name, id")
                .param("s", systemId)
                .query((rs, n) -> new Component(
                        rs.getLong("id"),
                        rs.getLong("system_id"),
                        ComponentKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getString("ip_addresses"),
                        rs.getString("operating_system"),
                        rs.getString("url"),
                        rs.getString("vendor"),
                        rs.getString("product"),
                        rs.getString("product_version"),
                        rs.getString("cpe"),
                        rs.getString("purl"),
                        rs.getString("notes")))
                .list();
    }

    public long insertComponent(long systemId, ComponentRequest r, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO system_component (system_id, kind, name, ip_addresses, operating_system, url, vendor,
                    product, product_version, cpe, purl, notes, created_at)
                VALUES (:s, :kind, :name, :ips, :os, :url, :vendor, :product, :version, :cpe, :purl, :notes, :now)""")
                .param("s", systemId)
                .param(
                        "kind",
                        Objects.requireNonNull(r.getKind(), "kind (validated)").name())
                .param("name", ComponentRules.displayName(r))
                .param("ips", r.getIpAddresses())
                .param("os", r.getOperatingSystem())
                .param("url", r.getUrl())
                .param("vendor", r.getVendor())
                .param("product", r.getProduct())
                .param("version", r.getVersion())
                .param("cpe", r.getCpe())
                .param("purl", r.getPurl())
                .param("notes", r.getNotes())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    }

    public int deleteComponent(long systemId, long componentId) {
        return jdbc.sql("DELETE FROM system_component WHERE system_id = :s AND id = :c")
                .param("s", systemId)
                .param("c", componentId)
                .update();
    }

    public List<Supplier> suppliers(long systemId) {
        return jdbc.sql("SELECT * FROM system_supplier WHERE system_id = :s ORDER BY name, id")
                .param("s", systemId)
                .query((rs, n) -> new Supplier(
                        rs.getLong("id"),
                        rs.getLong("system_id"),
                        rs.getString("name"),
                        rs.getString("provides"),
                        SupplierAccess.valueOf(rs.getString("access_kind")),
                        rs.getString("access_details"),
                        rs.getObject("contract_from", LocalDate.class),
                        rs.getObject("contract_to", LocalDate.class),
                        rs.getString("tax_code")))
                .list();
    }

    public long insertSupplier(long systemId, SupplierRequest r, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO system_supplier (system_id, name, provides, access_kind, access_details, contract_from,
                    contract_to, created_at, tax_code)
                VALUES (:s, :name, :provides, :access, :details, :from, :to, :now, :taxCode)""")
                .param("s", systemId)
                .param("name", r.getName())
                .param("taxCode", SupplierTaxCodes.normalize(r.getTaxCode()))
                .param("provides", r.getProvides())
                .param(
                        "access",
                        Objects.requireNonNull(r.getAccessKind(), "accessKind (validated)")
                                .name())
                .param("details", r.getAccessDetails())
                .param("from", r.getContractFrom())
                .param("to", r.getContractTo())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    }

    private static MapSqlParameterSource params(SystemRequest r) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        p.addValue("owner", r.getOwnerOrganizationId());
        p.addValue("operator", r.getOperatorOrganizationId());
        p.addValue("code", r.getCode());
        p.addValue("name", r.getName());
        p.addValue("purpose", r.getPurpose());
        p.addValue(
                "type",
                Objects.requireNonNull(r.getSystemType(), "systemType (validated)")
                        .name());
        p.addValue(
                "kinds",
                r.getInformationKinds().isEmpty()
                        ? null
                        : r.getInformationKinds().stream()
                                .distinct()
                                .map(Enum::name)
                                .collect(Collectors.joining(",")));
        p.addValue("users", r.getUserCount());
        p.addValue("subjects", r.getDataSubjectCount());
        p.addValue(
                "hosting",
                r.getHostingKind() == null ? null : r.getHostingKind().name());
        p.addValue("provider", r.getHostingProvider());
        p.addValue("status", r.getLifecycleStatus().name());
        p.addValue("invest", r.getInvestmentStartedOn());
        p.addValue("since", r.getOperatingSince());
        p.addValue("retired", r.getRetiredOn());
        p.addValue("suo", r.isSecurityUnitOperates());
        return p;
    }

    static InformationSystem map(ResultSet rs, int n) throws SQLException {
        String kinds = rs.getString("information_kinds");
        List<InformationKind> infoKinds = new ArrayList<>();
        if (kinds != null && !kinds.isBlank()) {
            Arrays.stream(kinds.split(",")).map(InformationKind::valueOf).forEach(infoKinds::add);
        }
        String hosting = rs.getString("hosting_kind");
        String proposedHosting = rs.getString("proposed_hosting_kind");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new InformationSystem(
                rs.getLong("id"),
                rs.getLong("owner_organization_id"),
                rs.getString("owner_name"),
                rs.getString("owner_path"),
                rs.getLong("operator_organization_id"),
                rs.getString("operator_name"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("purpose"),
                SystemType.valueOf(rs.getString("system_type")),
                infoKinds,
                nullableLong(rs, "user_count"),
                nullableLong(rs, "data_subject_count"),
                hosting == null ? null : HostingKind.valueOf(hosting),
                rs.getString("hosting_provider"),
                LifecycleStatus.valueOf(rs.getString("lifecycle_status")),
                rs.getObject("investment_started_on", LocalDate.class),
                rs.getObject("operating_since", LocalDate.class),
                rs.getObject("retired_on", LocalDate.class),
                (Integer) nullableInt(rs, "approved_level"),
                rs.getString("approved_regime"),
                rs.getObject("approved_on", LocalDate.class),
                rs.getString("approval_decision_number"),
                rs.getString("approval_decision_signer"),
                rs.getBoolean("security_unit_operates"),
                rs.getBoolean("redetermination_required"),
                rs.getString("redetermination_reason"),
                updated == null ? null : updated.toInstant(),
                proposedHosting == null ? null : HostingKind.valueOf(proposedHosting));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Integer nullableInt(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }
}
