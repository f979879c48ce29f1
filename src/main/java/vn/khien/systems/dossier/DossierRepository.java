package vn.khien.systems.dossier;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.register.SystemRepository;

/** Plain SQL over dossiers; reads are scoped through the dossier's system. */
@Repository
public class DossierRepository {

    private static final String SELECT = """
            SELECT d.id, d.system_id, s.code AS system_code, s.name AS system_name, s.owner_organization_id,
                d.classification_id, d.regime, d.proposed_level, d.status, d.preparer_org_id, d.appraiser_org_id,
                ap.name_vi AS appraiser_name, d.approver_org_id, av.name_vi AS approver_name, d.expert_org_id,
                d.authority_legal_ref, d.submitted_by, d.submitted_at, d.step_started_on, d.step_due_on,
                d.step_limit_ref, d.appraised_by, d.appraised_at, d.appraisal_opinion, d.approved_by, d.approved_at,
                d.decision_number, d.decision_date, d.decision_signer, d.signed_file_name, d.created_at,
                d.validity_due_on, d.validity_limit_ref, d.received_on, d.step_due_estimated, d.validity_due_estimated,
                d.procedure_level
            FROM level_dossier d
            JOIN information_system s ON s.id = d.system_id
            JOIN organization ow ON ow.id = s.owner_organization_id
            JOIN organization ap ON ap.id = d.appraiser_org_id
            JOIN organization av ON av.id = d.approver_org_id
            """;

    private final JdbcClient jdbc;
    private final SystemRepository systems;

    public DossierRepository(JdbcClient jdbc, SystemRepository systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    /**
     * Every dossier read (API, pages, documents, the home page's lists) goes through this predicate over
     * {@code level_dossier d}: {@link SystemRepository#dossierVisible}, the one rule of ADR 0012.
     */
    public ScopeFilter visibleDossiers() {
        return systems.dossierVisible("d");
    }

    public Optional<Dossier> findVisible(long id) {
        ScopeFilter f = visibleDossiers();
        return jdbc.sql(SELECT + " WHERE d.id = :id AND " + f.sql())
                .params(f.params())
                .param("id", id)
                .query(DossierRepository::map)
                .optional();
    }

    public List<Dossier> forSystem(long systemId) {
        ScopeFilter f = visibleDossiers();
        return jdbc.sql(SELECT + " WHERE d.system_id = :s AND " + f.sql() + " ORDER BY d.created_at DESC, d.id DESC")
                .params(f.params())
                .param("s", systemId)
                .query(DossierRepository::map)
                .list();
    }

    /**
     * Dossiers of systems of the subtree at {@code path} (owned, operated, appraised or approved there) visible to the
     * caller that may be late on {@code today} ({@link Dossier#lateOn} decides): submitted or appraised, with a step or
     * validity limit already past.
     */
    public List<Dossier> mayBeLateInSubtree(String path, LocalDate today) {
        ScopeFilter f = visibleDossiers();
        ScopeFilter concerns = systems.concernsSubtreeAt("d.system_id", path);
        return jdbc.sql(SELECT + " WHERE " + concerns.sql() + " AND " + f.sql()
                        + " AND d.status IN ('SUBMITTED', 'APPRAISED') AND (d.step_due_on < :today"
                        + " OR d.validity_due_on < :today) ORDER BY d.step_due_on, d.id")
                .params(f.params())
                .params(concerns.params())
                .param("today", Date.valueOf(today))
                .query(DossierRepository::map)
                .list();
    }

    public long insert(
            long systemId,
            Long classificationId,
            String regime,
            int level,
            long preparer,
            long appraiser,
            long approver,
            Long expert,
            String legalRef,
            long createdBy,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO level_dossier (system_id, classification_id, regime, proposed_level, status, preparer_org_id,
                    appraiser_org_id, approver_org_id, expert_org_id, authority_legal_ref, created_by, created_at, updated_at)
                VALUES (:s, :c, :regime, :level, 'DRAFT', :prep, :appr, :approver, :expert, :ref, :by, :now, :now)""")
                .param("s", systemId)
                .param("c", classificationId)
                .param("regime", regime)
                .param("level", level)
                .param("prep", preparer)
                .param("appr", appraiser)
                .param("approver", approver)
                .param("expert", expert)
                .param("ref", legalRef)
                .param("by", createdBy)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The procedure that applies (5 for a level-3 or level-4 system on the critical list, NĐ 331/2026 Đ20.4). */
    public void setProcedureLevel(long id, int procedureLevel, Instant now) {
        jdbc.sql("UPDATE level_dossier SET procedure_level = :p, updated_at = :now WHERE id = :id")
                .param("p", procedureLevel)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    // ---- one method per workflow step: each writes the state its Dossier method returned, and its history line.
    // Every step resets the receipt (the next body records its own) and the validity check (only a submission runs it).

    public void submit(long id, DossierTransition.Submission s) {
        DossierTransition t = s.step();
        jdbc.sql("""
                UPDATE level_dossier SET status = :status, procedure_level = :procedure, submitted_by = :by,
                    submitted_at = :at, step_started_on = :started, step_due_on = :due, step_due_estimated = :estimated,
                    step_limit_ref = :limitRef, validity_due_on = :validityDue,
                    validity_due_estimated = :validityEstimated, validity_limit_ref = :validityRef,
                    received_on = NULL, updated_at = :at
                WHERE id = :id""")
                .params(common(id, t))
                .param("procedure", s.procedureLevel())
                .param("by", t.actor().id())
                .param("limitRef", s.stepLimitRef())
                .param("validityDue", s.validityDueOn())
                .param("validityEstimated", s.validityDueEstimated())
                .param("validityRef", s.validityLimitRef())
                .update();
        addStep(id, t);
    }

    public void returnForRevision(long id, DossierTransition t) {
        jdbc.sql("""
                UPDATE level_dossier SET status = :status, step_started_on = :started, step_due_on = :due,
                    step_due_estimated = :estimated, step_limit_ref = NULL, validity_due_on = NULL,
                    validity_due_estimated = FALSE, received_on = NULL, updated_at = :at
                WHERE id = :id""").params(common(id, t)).update();
        addStep(id, t);
    }

    public void appraise(long id, DossierTransition.Appraisal a) {
        DossierTransition t = a.step();
        jdbc.sql("""
                UPDATE level_dossier SET status = :status, appraised_by = :by, appraised_at = :at,
                    appraisal_opinion = :opinion, step_started_on = :started, step_due_on = :due,
                    step_due_estimated = :estimated, step_limit_ref = :limitRef, validity_due_on = NULL,
                    validity_due_estimated = FALSE, received_on = NULL, updated_at = :at
                WHERE id = :id""")
                .params(common(id, t))
                .param("by", t.actor().id())
                .param("opinion", t.comment())
                .param("limitRef", a.stepLimitRef())
                .update();
        addStep(id, t);
    }

    public void approve(long id, DossierTransition.Approval a) {
        DossierTransition t = a.step();
        jdbc.sql("""
                UPDATE level_dossier SET status = :status, approved_by = :by, approved_at = :at,
                    decision_number = :number, decision_date = :date, decision_signer = :signer,
                    step_started_on = :started, step_due_on = :due, step_due_estimated = :estimated,
                    validity_due_on = NULL, validity_due_estimated = FALSE, received_on = NULL, updated_at = :at
                WHERE id = :id""")
                .params(common(id, t))
                .param("by", t.actor().id())
                .param("number", a.decisionNumber())
                .param("date", a.decisionDate())
                .param("signer", a.decisionSigner())
                .update();
        if (a.signedFile() != null) {
            jdbc.sql("UPDATE level_dossier SET signed_file = :file, signed_file_name = :name WHERE id = :id")
                    .param("file", a.signedFile())
                    .param("name", a.signedFileName())
                    .param("id", id)
                    .update();
        }
        addStep(id, t);
    }

    public void withdraw(long id, DossierTransition t) {
        jdbc.sql("""
                UPDATE level_dossier SET status = :status, step_started_on = :started, step_due_on = :due,
                    step_due_estimated = :estimated, validity_due_on = NULL, validity_due_estimated = FALSE,
                    received_on = NULL, updated_at = :at
                WHERE id = :id""").params(common(id, t)).update();
        addStep(id, t);
    }

    /** The receipt: the day received, the current step's limit counted from it, kept in the history. */
    public void recordReceipt(long id, DossierTransition.Receipt r) {
        jdbc.sql("""
                UPDATE level_dossier SET received_on = :received, step_due_on = :due, step_due_estimated = :estimated,
                    validity_due_on = :validityDue, validity_due_estimated = :validityEstimated, updated_at = :at
                WHERE id = :id""")
                .param("received", r.receivedOn())
                .param("due", r.stepDueOn())
                .param("estimated", r.stepDueEstimated())
                .param("validityDue", r.validityDueOn())
                .param("validityEstimated", r.validityDueEstimated())
                .param("at", Timestamp.from(r.at()))
                .param("id", id)
                .update();
        jdbc.sql("""
                INSERT INTO dossier_step (dossier_id, action, from_status, to_status, actor_id, actor_name, comment,
                    due_on, received_on, occurred_at)
                VALUES (:d, 'RECEIVE', :s, :s, :actor, :name, :comment, :due, :received, :now)""")
                .param("d", id)
                .param("s", r.status().name())
                .param("actor", r.actor().id())
                .param("name", r.actor().name())
                .param("comment", r.note())
                .param("due", r.stepDueOn())
                .param("received", r.receivedOn())
                .param("now", Timestamp.from(r.at()))
                .update();
    }

    private static Map<String, Object> common(long id, DossierTransition t) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("status", t.to().name());
        p.put("started", t.startedOn());
        p.put("due", t.dueOn());
        p.put("estimated", t.dueEstimated());
        p.put("at", Timestamp.from(t.at()));
        return p;
    }

    private void addStep(long id, DossierTransition t) {
        addStep(
                id,
                t.recordedAs(),
                t.from(),
                t.to(),
                t.actor().id(),
                t.actor().name(),
                t.comment(),
                t.dueOn(),
                t.limitOfThisStep(),
                t.at());
    }

    public void updateAuthorities(long id, long appraiser, long approver, Long expert, String legalRef) {
        jdbc.sql("""
                UPDATE level_dossier SET appraiser_org_id = :a, approver_org_id = :b, expert_org_id = :e,
                    authority_legal_ref = :ref WHERE id = :id""")
                .param("a", appraiser)
                .param("b", approver)
                .param("e", expert)
                .param("ref", legalRef)
                .param("id", id)
                .update();
    }

    public void addStep(
            long dossierId,
            String action,
            DossierStatus from,
            DossierStatus to,
            Long actorId,
            String actorName,
            String comment,
            LocalDate dueOn,
            LocalDate limitDueOn,
            Instant now) {
        jdbc.sql("""
                INSERT INTO dossier_step (dossier_id, action, from_status, to_status, actor_id, actor_name, comment,
                    due_on, limit_due_on, occurred_at)
                VALUES (:d, :action, :from, :to, :actor, :name, :comment, :due, :limit, :now)""")
                .param("limit", limitDueOn)
                .param("d", dossierId)
                .param("action", action)
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("actor", actorId)
                .param("name", actorName)
                .param("comment", comment)
                .param("due", dueOn)
                .param("now", Timestamp.from(now))
                .update();
    }

    // ---- national-security-critical list and additional decisions (NĐ 331/2026 Đ16–17, Đ20, Đ24)

    public Optional<CriticalListEntry> criticalEntry(long systemId) {
        return jdbc.sql("SELECT * FROM critical_list_entry WHERE system_id = :s")
                .param("s", systemId)
                .query((rs, n) -> new CriticalListEntry(
                        rs.getLong("system_id"),
                        rs.getString("status"),
                        rs.getString("grounds"),
                        rs.getObject("requested_on", LocalDate.class),
                        rs.getString("decision_number"),
                        rs.getObject("decision_date", LocalDate.class),
                        rs.getString("decision_signer")))
                .optional();
    }

    public void saveCriticalEntry(CriticalListEntry e, Instant now) {
        jdbc.sql("DELETE FROM critical_list_entry WHERE system_id = :s")
                .param("s", e.systemId())
                .update();
        jdbc.sql("""
                INSERT INTO critical_list_entry (system_id, status, grounds, requested_on, decision_number, decision_date,
                    decision_signer, updated_at) VALUES (:s, :st, :g, :r, :n, :d, :sg, :now)""")
                .param("s", e.systemId())
                .param("st", e.status())
                .param("g", e.grounds())
                .param("r", e.requestedOn())
                .param("n", e.decisionNumber())
                .param("d", e.decisionDate())
                .param("sg", e.decisionSigner())
                .param("now", Timestamp.from(now))
                .update();
    }

    public void deleteCriticalEntry(long systemId) {
        jdbc.sql("DELETE FROM critical_list_entry WHERE system_id = :s")
                .param("s", systemId)
                .update();
    }

    public List<AdditionalDecision> additionalDecisions(long dossierId) {
        return jdbc.sql("""
                SELECT a.*, o.name_vi FROM dossier_approval a JOIN organization o ON o.id = a.organization_id
                WHERE a.dossier_id = :d ORDER BY a.id""")
                .param("d", dossierId)
                .query((rs, n) -> new AdditionalDecision(
                        rs.getLong("id"),
                        rs.getLong("dossier_id"),
                        rs.getString("approval_key"),
                        rs.getString("authority_role"),
                        rs.getLong("organization_id"),
                        rs.getString("name_vi"),
                        rs.getString("subject_vi"),
                        rs.getString("subject_en"),
                        rs.getString("legal_ref"),
                        rs.getBoolean("adds_to_critical_list"),
                        rs.getString("decision_number"),
                        rs.getObject("decision_date", LocalDate.class),
                        rs.getString("decision_signer"),
                        rs.getString("recorded_by_name"),
                        instant(rs, "recorded_at")))
                .list();
    }

    /** The decisions a (re)submission requires: pending ones are replaced, recorded ones kept. */
    public void requireDecision(
            long dossierId,
            String key,
            String role,
            long organizationId,
            String subjectVi,
            String subjectEn,
            String legalRef,
            boolean addsToList) {
        jdbc.sql("DELETE FROM dossier_approval WHERE dossier_id = :d AND approval_key = :k AND decision_number IS NULL")
                .param("d", dossierId)
                .param("k", key)
                .update();
        long kept = jdbc.sql("SELECT COUNT(*) FROM dossier_approval WHERE dossier_id = :d AND approval_key = :k")
                .param("d", dossierId)
                .param("k", key)
                .query(Long.class)
                .single();
        if (kept == 0) {
            jdbc.sql("""
                    INSERT INTO dossier_approval (dossier_id, approval_key, authority_role, organization_id, subject_vi,
                        subject_en, legal_ref, adds_to_critical_list) VALUES (:d, :k, :r, :o, :vi, :en, :ref, :list)""")
                    .param("d", dossierId)
                    .param("k", key)
                    .param("r", role)
                    .param("o", organizationId)
                    .param("vi", subjectVi)
                    .param("en", subjectEn)
                    .param("ref", legalRef)
                    .param("list", addsToList)
                    .update();
        }
    }

    /** Drops pending decisions the rule data no longer requires (e.g. the system left the list). */
    public void dropPendingDecisionsExcept(long dossierId, Collection<String> keys) {
        jdbc.sql("DELETE FROM dossier_approval WHERE dossier_id = :d AND decision_number IS NULL"
                        + (keys.isEmpty() ? "" : " AND approval_key NOT IN (:keys)"))
                .params(keys.isEmpty() ? Map.of("d", dossierId) : Map.of("d", dossierId, "keys", keys))
                .update();
    }

    public void recordDecision(
            long approvalId, String number, LocalDate date, String signer, Long by, String byName, Instant now) {
        jdbc.sql("""
                UPDATE dossier_approval SET decision_number = :n, decision_date = :d, decision_signer = :s,
                    recorded_by = :by, recorded_by_name = :name, recorded_at = :now WHERE id = :id""")
                .param("n", number)
                .param("d", date)
                .param("s", signer)
                .param("by", by)
                .param("name", byName)
                .param("now", Timestamp.from(now))
                .param("id", approvalId)
                .update();
    }

    public List<DossierStep> steps(long dossierId) {
        return jdbc.sql("SELECT * FROM dossier_step WHERE dossier_id = :d ORDER BY occurred_at, id")
                .param("d", dossierId)
                .query((rs, n) -> new DossierStep(
                        rs.getLong("id"),
                        rs.getString("action"),
                        rs.getString("from_status") == null ? null : DossierStatus.valueOf(rs.getString("from_status")),
                        DossierStatus.valueOf(rs.getString("to_status")),
                        rs.getString("actor_name"),
                        rs.getString("comment"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("limit_due_on", LocalDate.class),
                        DossierStep.late(
                                rs.getTimestamp("occurred_at").toInstant(),
                                rs.getObject("limit_due_on", LocalDate.class))))
                .list();
    }

    public Map<String, String> parts(long dossierId) {
        Map<String, String> parts = new LinkedHashMap<>();
        jdbc.sql("SELECT part_key, content FROM dossier_part WHERE dossier_id = :d")
                .param("d", dossierId)
                .query(rs -> {
                    parts.put(rs.getString(1), rs.getString(2));
                });
        return parts;
    }

    public void savePart(long dossierId, String key, String content, Instant now) {
        int updated = jdbc.sql(
                        "UPDATE dossier_part SET content = :c, updated_at = :now WHERE dossier_id = :d AND part_key = :k")
                .param("c", content)
                .param("now", Timestamp.from(now))
                .param("d", dossierId)
                .param("k", key)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO dossier_part (dossier_id, part_key, content, updated_at) VALUES (:d, :k, :c, :now)")
                    .param("c", content)
                    .param("now", Timestamp.from(now))
                    .param("d", dossierId)
                    .param("k", key)
                    .update();
        }
    }

    public long addAttachment(
            long dossierId, String part, String fileName, String contentType, byte[] content, Long by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO dossier_attachment (dossier_id, part_key, file_name, content_type, size_bytes, content,
                    uploaded_by, uploaded_at) VALUES (:d, :p, :f, :t, :size, :content, :by, :now)""")
                .param("d", dossierId)
                .param("p", part)
                .param("f", fileName)
                .param("t", contentType)
                .param("size", (long) content.length)
                .param("content", content)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<DossierAttachment> attachments(long dossierId) {
        return jdbc.sql("""
                SELECT id, dossier_id, part_key, file_name, content_type, size_bytes, uploaded_at
                FROM dossier_attachment WHERE dossier_id = :d ORDER BY id""")
                .param("d", dossierId)
                .query((rs, n) -> new DossierAttachment(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    public Optional<byte[]> attachmentContent(long dossierId, long attachmentId) {
        return jdbc.sql("SELECT content FROM dossier_attachment WHERE dossier_id = :d AND id = :a")
                .param("d", dossierId)
                .param("a", attachmentId)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    public Optional<byte[]> signedFile(long dossierId) {
        return jdbc.sql("SELECT signed_file FROM level_dossier WHERE id = :d AND signed_file IS NOT NULL")
                .param("d", dossierId)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    private static Dossier map(ResultSet rs, int n) throws SQLException {
        return new Dossier(
                rs.getLong("id"),
                rs.getLong("system_id"),
                rs.getString("system_code"),
                rs.getString("system_name"),
                rs.getLong("owner_organization_id"),
                nullableLong(rs, "classification_id"),
                rs.getString("regime"),
                rs.getInt("proposed_level"),
                DossierStatus.valueOf(rs.getString("status")),
                rs.getLong("preparer_org_id"),
                rs.getLong("appraiser_org_id"),
                rs.getString("appraiser_name"),
                rs.getLong("approver_org_id"),
                rs.getString("approver_name"),
                nullableLong(rs, "expert_org_id"),
                rs.getString("authority_legal_ref"),
                nullableLong(rs, "submitted_by"),
                instant(rs, "submitted_at"),
                rs.getObject("step_started_on", LocalDate.class),
                rs.getObject("step_due_on", LocalDate.class),
                rs.getString("step_limit_ref"),
                nullableLong(rs, "appraised_by"),
                instant(rs, "appraised_at"),
                rs.getString("appraisal_opinion"),
                nullableLong(rs, "approved_by"),
                instant(rs, "approved_at"),
                rs.getString("decision_number"),
                rs.getObject("decision_date", LocalDate.class),
                rs.getString("decision_signer"),
                rs.getString("signed_file_name"),
                instant(rs, "created_at"),
                rs.getObject("validity_due_on", LocalDate.class),
                rs.getString("validity_limit_ref"),
                rs.getObject("received_on", LocalDate.class),
                rs.getBoolean("step_due_estimated"),
                rs.getBoolean("validity_due_estimated"),
                (Integer) rs.getObject("procedure_level", Integer.class));
    }

    private static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
