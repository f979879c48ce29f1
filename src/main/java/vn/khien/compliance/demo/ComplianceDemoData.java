package vn.khien.compliance.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.compliance.assessment.AssessmentKind;
import vn.khien.compliance.assessment.AssessmentOutcome;
import vn.khien.compliance.assessment.AssessmentRequest;
import vn.khien.compliance.assessment.AssessmentSchedule;
import vn.khien.compliance.assessment.AssessmentScope;
import vn.khien.compliance.assessment.AssessmentService;
import vn.khien.compliance.assessment.AssessorKind;
import vn.khien.compliance.assessment.AssessorRequirement;
import vn.khien.compliance.catalogue.RequirementStatus;
import vn.khien.compliance.evidence.EvidenceRequest;
import vn.khien.compliance.evidence.EvidenceService;
import vn.khien.compliance.plan.PlanItemUpdate;
import vn.khien.compliance.plan.PlanRepository;
import vn.khien.compliance.plan.PlanService;
import vn.khien.compliance.plan.RegimeIds;
import vn.khien.compliance.plan.RegulationRequest;
import vn.khien.compliance.tasks.TaskChanges;
import vn.khien.compliance.tasks.TaskRequest;
import vn.khien.identity.DemoSeeds;
import vn.khien.systems.SystemsDemoReady;

/**
 * The compliance side of {@code --demo}: the approved demo hospital system gets a plan partly filled in the way a
 * hospital's IT department would (some requirements met with evidence links, some planned with target dates, one not
 * applicable with its reason), its security regulation, one assessment with a failed item, and a late remediation
 * task — all through the real services as the hospital's security officer, so the audit trail is that of real use.
 * Runs once, first after the register's demo ({@code @Order(1)}), only while the system has no regulation on file.
 */
@Component
class ComplianceDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(ComplianceDemoData.class);
    static final String SYSTEM = "DEMO-HIS";
    static final String OFFICER = "demo.bv.canbo";
    private static final int MET = 6;
    private static final int PLANNED = 4;

    private final TaskChanges taskChanges;
    private final EvidenceService evidence;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PlanRepository plans;
    private final PlanService planService;
    private final AssessmentService assessments;
    private final Clock clock;

    public ComplianceDemoData(
            TaskChanges taskChanges,
            EvidenceService evidence,
            JdbcClient jdbc,
            TransactionTemplate tx,
            PlanRepository plans,
            PlanService planService,
            AssessmentService assessments,
            Clock clock) {
        this.taskChanges = taskChanges;
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.tx = tx;
        this.plans = plans;
        this.planService = planService;
        this.assessments = assessments;
        this.clock = clock;
    }

    @EventListener
    @Order(1)
    public void seedWhenSystemsReady(SystemsDemoReady ready) {
        DemoSeeds.locked(tx, jdbc, () -> {
            Optional<Long> his = jdbc.sql(
                            "SELECT id FROM information_system WHERE code = :c AND approved_level IS NOT NULL")
                    .param("c", SYSTEM)
                    .query(Long.class)
                    .optional();
            // The regulation is now recorded by the register's demo before the level is approved (TT 12 Đ9.7); an
            // assessment on file marks this seed as done.
            if (his.isEmpty()
                    || seeded(his.get())
                    || plans.requiredIds(his.get()).size() < MET + PLANNED + 1) {
                return;
            }
            DemoSeeds.as(jdbc, OFFICER, () -> {
                seed(his.get());
                return null;
            });
            LOG.warn("Demo compliance seeded: plan, evidence, security regulation and an assessment of {}.", SYSTEM);
        });
    }

    private boolean seeded(long his) {
        return DemoSeeds.any(
                jdbc.sql("SELECT COUNT(*) FROM assessment WHERE system_id = :s").param("s", his));
    }

    private void seed(long his) {
        LocalDate today = LocalDate.now(clock);
        List<String> ids = plans.requiredIds(his);
        for (int i = 0; i < MET; i++) {
            String id = ids.get(i);
            item(
                    his,
                    id,
                    RequirementStatus.MET,
                    "Đã triển khai và vận hành; có biên bản nghiệm thu, quy trình kèm theo (demo).",
                    null,
                    null);
            if (i < 4) {
                // One certificate runs out within the month, so the expiry warning shows in the demo.
                LocalDate validUntil = i == 1 ? today.plusDays(20) : i == 2 ? today.plusYears(1) : null;
                evidence.addEvidence(
                        his,
                        id,
                        new EvidenceRequest(
                                i == 1
                                        ? "Chứng nhận kiểm định thiết bị tường lửa (demo)"
                                        : "Biên bản nghiệm thu triển khai yêu cầu " + id + " (demo)",
                                "https://vanban.bvdk.demo.invalid/bien-ban/"
                                        + id.toLowerCase().replace('.', '-'),
                                validUntil,
                                null,
                                null,
                                null));
            }
        }
        for (int i = MET; i < MET + PLANNED; i++) {
            item(
                    his,
                    ids.get(i),
                    RequirementStatus.PLANNED,
                    "Đưa vào kế hoạch đầu tư năm tới (demo).",
                    today.plusMonths(2L * (i - MET + 1)),
                    null);
        }
        String notApplicable = ids.get(MET + PLANNED);
        item(
                his,
                notApplicable,
                RequirementStatus.NOT_APPLICABLE,
                null,
                null,
                "Hệ thống không có thành phần tương ứng: không cung cấp kết nối không dây cho người dùng (demo).");
        if (!plans.hasRegulation(his)) {
            planService.saveRegulation(
                    his,
                    new RegulationRequest(
                            "Quy chế bảo đảm an toàn hệ thống thông tin HIS - Bệnh viện Đa khoa tỉnh Demo (demo)",
                            "87/QĐ-BVĐK (demo)",
                            today.minusDays(3),
                            "Giám đốc Bệnh viện Đa khoa tỉnh Demo (demo)"));
        }
        assess(his, ids, today);
        taskChanges.addTask(
                his,
                new TaskRequest(
                        ids.get(MET),
                        "Bổ sung sao lưu dữ liệu bệnh án ra trung tâm dự phòng (demo)",
                        "Phòng Công nghệ thông tin (demo)",
                        today.minusDays(5)));
    }

    private void item(
            long his,
            String requirementId,
            RequirementStatus status,
            @Nullable String howMet,
            @Nullable LocalDate target,
            @Nullable String justification) {
        PlanItemUpdate u = new PlanItemUpdate();
        u.setStatus(status);
        u.setHowMet(howMet);
        u.setOwner("Phòng Công nghệ thông tin (demo)");
        u.setTargetDate(target);
        u.setJustification(justification);
        if (status == RequirementStatus.MET) {
            // Some requirements of level 3 name a product (firewall, anti-malware …): say what is deployed.
            u.setDeployedProducts("Tường lửa FortiGate 200F, phần mềm phòng chống mã độc tập trung (demo)");
        }
        planService.updateItem(his, requirementId, u);
    }

    /** An assessment by an assessor the rules accept for the system's level: met items pass, one planned item fails. */
    private void assess(long his, List<String> ids, LocalDate today) {
        var system = planService.viewSystem(his);
        AssessorRequirement required = AssessmentSchedule.withDefaultRules()
                .requiredAssessor(
                        RegimeIds.of(system.approvedRegime()),
                        Objects.requireNonNull(system.approvedLevel(), "assessed: levelled"),
                        Set.of());
        AssessorKind assessor = required.accepts(AssessorKind.INDEPENDENT_UNIT)
                ? AssessorKind.INDEPENDENT_UNIT
                : AssessorKind.LICENSED_ORGANISATION;
        List<AssessmentRequest.ResultRequest> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(new AssessmentRequest.ResultRequest(ids.get(i), AssessmentOutcome.PASS, null, null, null));
        }
        results.add(new AssessmentRequest.ResultRequest(
                ids.get(MET + 1),
                AssessmentOutcome.FAIL,
                "Chưa có phương án giám sát tập trung nhật ký hệ thống (demo)",
                "Phòng Công nghệ thông tin (demo)",
                today.plusDays(45)));
        assessments.record(
                his,
                new AssessmentRequest(
                        AssessmentKind.PERIODIC,
                        assessor,
                        assessor == AssessorKind.INDEPENDENT_UNIT
                                ? "Phòng Kế hoạch tổng hợp - Bệnh viện Đa khoa tỉnh Demo (demo)"
                                : "Công ty kiểm định an toàn thông tin Demo (demo)",
                        List.of(AssessmentScope.COMPLIANCE, AssessmentScope.GREY_BOX),
                        today.minusDays(12),
                        today.minusDays(2),
                        Set.of(),
                        results,
                        null,
                        null));
    }
}
