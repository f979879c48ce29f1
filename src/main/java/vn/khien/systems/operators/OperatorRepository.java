package vn.khien.systems.operators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.platform.FieldProblemException;

/**
 * Published providers and operator proposals. A proposal is read by the owner's side through the system (which the
 * service has found visible first) and by the proposed side only while the caller may decide for that organisation;
 * the proposed organisation's name is shown to the owner's side only when it may see it or once it accepted.
 */
@Repository
class OperatorRepository {

    /** One provider of the published list. */
    record Provider(long organizationId, String code, String name, Instant publishedAt) {}

    /** A proposal with what each side may read of it. */
    record ProposalView(
            long id,
            long systemId,
            String systemCode,
            String systemName,
            String ownerName,
            long operatorOrganizationId,
            @Nullable String operatorName,
            OperatorProposal.Status status,
            @Nullable String note,
            Instant proposedAt,
            @Nullable Instant decidedAt,
            @Nullable String decisionReason) {}

    private static final String VIEW = """
            SELECT p.*, s.code AS system_code, s.name AS system_name, ow.name_vi AS owner_name, o.name_vi AS op_name,
                   CASE WHEN p.status = 'ACCEPTED' OR %s THEN 1 ELSE 0 END AS name_shown
            FROM operator_proposal p
            JOIN information_system s ON s.id = p.system_id
            JOIN organization ow ON ow.id = s.owner_organization_id
            LEFT JOIN organization o ON o.id = p.operator_organization_id
            """;

    private final JdbcClient jdbc;
    private final OrgScope scope;

    OperatorRepository(JdbcClient jdbc, OrgScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** The organisations the caller may publish as providers, in one query (not one per visible organisation). */
    Set<Long> publishable() {
        ScopeFilter f = scope.holding("o.path", Capability.MANAGE_ORGANIZATIONS);
        return new HashSet<>(jdbc.sql("SELECT o.id FROM organization o WHERE " + f.sql())
                .params(f.params())
                .query(Long.class)
                .list());
    }

    // ---- providers

    List<Provider> providers() {
        return jdbc.sql("""
                        SELECT o.id, o.code, o.name_vi, p.published_at FROM operator_provider p
                        JOIN organization o ON o.id = p.organization_id ORDER BY o.name_vi, o.id""")
                .query((rs, n) -> new Provider(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name_vi"),
                        rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    boolean published(long organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM operator_provider WHERE organization_id = :o")
                        .param("o", organizationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void publish(long organizationId, long by, Instant at) {
        jdbc.sql("INSERT INTO operator_provider (organization_id, published_by, published_at) VALUES (:o, :by, :at)")
                .param("o", organizationId)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    void unpublish(long organizationId) {
        jdbc.sql("DELETE FROM operator_provider WHERE organization_id = :o")
                .param("o", organizationId)
                .update();
    }

    // ---- proposals

    Optional<OperatorProposal> find(long id) {
        return jdbc.sql("SELECT * FROM operator_proposal WHERE id = :id")
                .param("id", id)
                .query(OperatorRepository::proposal)
                .optional();
    }

    boolean pendingFor(long systemId) {
        return jdbc.sql("SELECT COUNT(*) FROM operator_proposal WHERE system_id = :s AND status = 'PROPOSED'")
                        .param("s", systemId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long propose(long systemId, long operatorId, @Nullable String note, long by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO operator_proposal (system_id, operator_organization_id, status, note, proposed_by,
                            proposed_at)
                        VALUES (:s, :o, 'PROPOSED', :note, :by, :at)""")
                .param("s", systemId)
                .param("o", operatorId)
                .param("note", note)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    }

    void markAccepted(OperatorProposal p) {
        decide(p, OperatorProposal.Status.ACCEPTED);
    }

    void markDeclined(OperatorProposal p) {
        decide(p, OperatorProposal.Status.DECLINED);
    }

    void markWithdrawn(OperatorProposal p) {
        decide(p, OperatorProposal.Status.WITHDRAWN);
    }

    private void decide(OperatorProposal p, OperatorProposal.Status expected) {
        if (p.status() != expected || p.decidedAt() == null) {
            throw new IllegalArgumentException("proposal " + p.id() + " is not " + expected);
        }
        int changed = jdbc.sql("""
                        UPDATE operator_proposal SET status = :status, decided_by = :by, decided_at = :at,
                            decision_reason = :reason, version = version + 1
                        WHERE id = :id AND status = 'PROPOSED'""")
                .param("status", p.status().name())
                .param("by", p.decidedBy())
                .param("at", Timestamp.from(p.decidedAt()))
                .param("reason", p.decisionReason())
                .param("id", p.id())
                .update();
        if (changed != 1) {
            // Someone decided or withdrew it meanwhile.
            throw new FieldProblemException("status", "operators.error.notPending", "?");
        }
    }

    /** Proposals of a system the service found visible; names of unseen organisations stay hidden. */
    List<ProposalView> ofSystem(long systemId) {
        ScopeFilter seen = scope.visible("o.path");
        return jdbc.sql(VIEW.formatted(seen.sql()) + " WHERE p.system_id = :s ORDER BY p.id DESC")
                .params(seen.params())
                .param("s", systemId)
                .query(OperatorRepository::view)
                .list();
    }

    /** Proposals waiting for a decision of the caller: it is security officer or administrator of the organisation. */
    List<ProposalView> toDecide(int limit) {
        ScopeFilter decide = deciding();
        return jdbc.sql(VIEW.formatted("1 = 1") + " WHERE p.status = 'PROPOSED' AND " + decide.sql()
                        + " ORDER BY p.proposed_at, p.id LIMIT " + limit)
                .params(decide.params())
                .query(OperatorRepository::view)
                .list();
    }

    /** The proposal when the caller may decide for the proposed organisation, else empty. */
    Optional<OperatorProposal> findToDecide(long id) {
        ScopeFilter decide = deciding();
        return jdbc.sql("SELECT p.* FROM operator_proposal p JOIN organization o ON o.id = p.operator_organization_id"
                        + " WHERE p.id = :id AND " + decide.sql())
                .params(decide.params())
                .param("id", id)
                .query(OperatorRepository::proposal)
                .optional();
    }

    private ScopeFilter deciding() {
        return scope.holdingAny("o.path", "decide", Capability.EDIT_SECURITY_DATA, Capability.MANAGE_ORGANIZATIONS);
    }

    private static OperatorProposal proposal(ResultSet rs, int n) throws SQLException {
        return new OperatorProposal(
                rs.getLong("id"),
                rs.getLong("system_id"),
                rs.getLong("operator_organization_id"),
                OperatorProposal.Status.valueOf(rs.getString("status")),
                rs.getString("note"),
                nullableLong(rs, "proposed_by"),
                rs.getTimestamp("proposed_at").toInstant(),
                nullableLong(rs, "decided_by"),
                instant(rs, "decided_at"),
                rs.getString("decision_reason"));
    }

    private static ProposalView view(ResultSet rs, int n) throws SQLException {
        return new ProposalView(
                rs.getLong("id"),
                rs.getLong("system_id"),
                rs.getString("system_code"),
                rs.getString("system_name"),
                rs.getString("owner_name"),
                rs.getLong("operator_organization_id"),
                rs.getInt("name_shown") == 1 ? rs.getString("op_name") : null,
                OperatorProposal.Status.valueOf(rs.getString("status")),
                rs.getString("note"),
                rs.getTimestamp("proposed_at").toInstant(),
                instant(rs, "decided_at"),
                rs.getString("decision_reason"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
