package vn.khien.compliance.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.ScopeFilter;
import vn.khien.compliance.evidence.EvidenceFile;
import vn.khien.systems.VisibleSystems;

/** Plain SQL over assessments; reads AND in the register's visibility of the system. */
@Repository
class AssessmentRepository {

    private final JdbcClient jdbc;
    private final VisibleSystems systems;

    public AssessmentRepository(JdbcClient jdbc, VisibleSystems systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    public long insert(long systemId, AssessmentRequest r, int level, String regime, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assessment (system_id, kind, assessor_kind, assessor_name, scopes, level, regime, started_on,
                    completed_on, report_file_name, report_content, created_at)
                VALUES (:s, :kind, :ak, :an, :scopes, :level, :regime, :started, :completed, :fn, :content, :now)""")
                .param("s", systemId)
                // The required fields are checked by AssessmentService before the insert.
                .param("kind", Objects.requireNonNull(r.kind(), "kind").name())
                .param(
                        "ak",
                        Objects.requireNonNull(r.assessorKind(), "assessorKind").name())
                .param(
                        "an",
                        Objects.requireNonNull(r.assessorName(), "assessorName").trim())
                .param(
                        "scopes",
                        Objects.requireNonNull(r.scopes(), "scopes").stream()
                                .map(Enum::name)
                                .collect(Collectors.joining(",")))
                .param("level", level)
                .param("regime", regime)
                .param("started", r.startedOn())
                .param("completed", r.completedOn())
                .param("fn", r.reportContent() == null ? null : r.reportFileName())
                .param("content", r.reportContent())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey(), "generated id").longValue();
        if (r.results() != null) {
            for (AssessmentRequest.ResultRequest result : r.results()) {
                jdbc.sql(
                                "INSERT INTO assessment_result (assessment_id, requirement_id, outcome, note) VALUES (:a, :r, :o, :n)")
                        .param("a", id)
                        .param("r", result.requirementId())
                        .param("o", result.outcome().name())
                        .param("n", result.note())
                        .update();
            }
        }
        return id;
    }

    public List<Assessment> forSystem(long systemId) {
        ScopeFilter f = systems.visibleSystems("a.system_id");
        List<Assessment> list = jdbc.sql("SELECT a.* FROM assessment a WHERE a.system_id = :s AND " + f.sql()
                        + " ORDER BY a.started_on DESC, a.id DESC")
                .params(f.params())
                .param("s", systemId)
                .query(this::map)
                .list();
        return list;
    }

    /** Date the last assessment of the system was completed, without a person (schedules of event-driven code). */
    public Optional<LocalDate> lastCompleted(long systemId) {
        return jdbc.sql("SELECT completed_on FROM assessment WHERE system_id = :s AND completed_on IS NOT NULL"
                        + " ORDER BY completed_on DESC LIMIT 1")
                .param("s", systemId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .optional();
    }

    /** Kinds of the completed assessments of the system, without a person (schedules of event-driven code). */
    public Set<AssessmentKind> completedKinds(long systemId) {
        Set<AssessmentKind> kinds = EnumSet.noneOf(AssessmentKind.class);
        jdbc.sql("SELECT DISTINCT kind FROM assessment WHERE system_id = :s AND completed_on IS NOT NULL")
                .param("s", systemId)
                .query(String.class)
                .list()
                .forEach(k -> kinds.add(AssessmentKind.valueOf(k)));
        return kinds;
    }

    public Optional<EvidenceFile> report(long systemId, long assessmentId) {
        ScopeFilter f = systems.visibleSystems("a.system_id");
        return jdbc.sql(
                        "SELECT a.report_file_name, a.report_content FROM assessment a WHERE a.id = :id AND a.system_id = :s"
                                + " AND a.report_content IS NOT NULL AND " + f.sql())
                .params(f.params())
                .param("s", systemId)
                .param("id", assessmentId)
                .query((rs, n) -> new EvidenceFile(rs.getString(1), "application/octet-stream", rs.getBytes(2)))
                .optional();
    }

    private Assessment map(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<Assessment.Result> results = jdbc.sql(
                        "SELECT requirement_id, outcome, note FROM assessment_result WHERE assessment_id = :a ORDER BY requirement_id")
                .param("a", id)
                .query((r, i) -> new Assessment.Result(
                        r.getString(1), AssessmentOutcome.valueOf(r.getString(2)), r.getString(3)))
                .list();
        String scopes = rs.getString("scopes");
        return new Assessment(
                id,
                rs.getLong("system_id"),
                AssessmentKind.valueOf(rs.getString("kind")),
                AssessorKind.valueOf(rs.getString("assessor_kind")),
                rs.getString("assessor_name"),
                scopes == null || scopes.isBlank()
                        ? List.of()
                        : Arrays.stream(scopes.split(","))
                                .map(AssessmentScope::valueOf)
                                .toList(),
                rs.getInt("level"),
                rs.getString("regime"),
                rs.getObject("started_on", LocalDate.class),
                rs.getObject("completed_on", LocalDate.class),
                rs.getString("report_file_name"),
                results);
    }
}
