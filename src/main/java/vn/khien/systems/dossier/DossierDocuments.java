package vn.khien.systems.dossier;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.platform.documents.AdministrativeDocument;
import vn.khien.systems.classification.RegimeCatalog;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.SystemService;

/**
 * The dossier and the draft approval decision (Mẫu 06 of NĐ 331/2026) as DOCX. Administrative documents are issued in
 * Vietnamese whatever the reader's interface language, so their fixed wording lives here rather than in the bundles.
 */
@Component
class DossierDocuments {
    private final DossierService dossiers;
    private final SystemService systems;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RegimeCatalog regimes;

    public DossierDocuments(
            DossierService dossiers, SystemService systems, JdbcClient jdbc, Clock clock, RegimeCatalog regimes) {
        this.regimes = regimes;
        this.dossiers = dossiers;
        this.systems = systems;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public byte[] dossier(long id) {
        Dossier d = dossiers.get(id);
        InformationSystem s = systems.record(d.systemId());
        Map<String, String> texts = dossiers.parts(id);
        List<DossierAttachment> files = dossiers.attachments(id);
        AdministrativeDocument doc = AdministrativeDocument.of(
                        s.operatorName(), "Số: ......../......", place(s), today())
                .title("HỒ SƠ ĐỀ XUẤT CẤP ĐỘ AN TOÀN HỆ THỐNG THÔNG TIN")
                .subtitle(s.name())
                .italic("Cấp độ đề xuất: " + d.proposedLevel() + " — Văn bản áp dụng: " + regimeTitle(d.regime()))
                .italic("Chủ quản: " + s.ownerName() + "; Đơn vị vận hành: " + s.operatorName());
        int n = 1;
        for (DossierPartDefinition p : dossiers.partDefinitions(d)) {
            doc.heading(n + ". " + p.titleVi());
            doc.italic("Căn cứ: " + p.legalRef());
            String text = texts.get(p.key());
            doc.paragraph(text == null || text.isBlank() ? "(Chưa có nội dung)" : text);
            for (DossierAttachment f : files) {
                if (f.partKey().equals(p.key())) {
                    doc.paragraph("Tài liệu kèm theo: " + f.fileName());
                }
            }
            n++;
        }
        return doc.signature(List.of(), "ĐẠI DIỆN ĐƠN VỊ VẬN HÀNH", "(Ký, ghi rõ họ tên)", null)
                .bytes();
    }

    /** Draft of the decision approving the level (Mẫu 06), for the approver to complete and sign. */
    public byte[] decision(long id) {
        Dossier d = dossiers.get(id);
        InformationSystem s = systems.record(d.systemId());
        String number = d.decisionNumber() == null ? "Số: ......../QĐ-......" : "Số: " + d.decisionNumber();
        LocalDate date = d.decisionDate() == null ? today() : d.decisionDate();
        String approver = d.approverName();
        return AdministrativeDocument.of(approver, number, place(s), date)
                .title("QUYẾT ĐỊNH")
                .subtitle("Về việc phê duyệt cấp độ an toàn hệ thống thông tin " + s.name())
                .subtitle(approver.toUpperCase(Locale.forLanguageTag("vi")))
                .italic("Căn cứ " + regimeTitle(d.regime()) + ";")
                .italic("Căn cứ thẩm quyền: " + d.authorityLegalRef() + ";")
                .italic("Căn cứ kết quả thẩm định của " + d.appraiserName()
                        + (d.appraisalOpinion() == null ? "" : ": " + d.appraisalOpinion()) + ";")
                .italic("Xét đề nghị của " + s.operatorName() + ",")
                .subtitle("QUYẾT ĐỊNH:")
                .heading("Điều 1.")
                .paragraph("Phê duyệt cấp độ " + d.proposedLevel() + " đối với Hệ thống thông tin " + s.name() + " do "
                        + s.operatorName() + " vận hành; chủ quản hệ thống thông tin: " + s.ownerName() + ".")
                .paragraph(
                        "Phương án bảo đảm an toàn hệ thống thông tin trong giai đoạn thiết kế, xây dựng và trong"
                                + " giai đoạn vận hành phù hợp với tiêu chuẩn, quy chuẩn kỹ thuật quốc gia tương ứng với cấp độ.")
                .heading("Điều 2.")
                .paragraph(s.operatorName() + " có trách nhiệm triển khai đầy đủ phương án bảo đảm an toàn hệ thống"
                        + " thông tin theo cấp độ đã được phê duyệt; đơn vị chuyên trách " + d.appraiserName()
                        + " theo dõi, kiểm tra, giám sát việc thực hiện.")
                .heading("Điều 3.")
                .paragraph("Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các đơn vị có liên quan chịu trách"
                        + " nhiệm thi hành Quyết định này.")
                .signature(
                        List.of("- Như Điều 3;", "- Lưu: VT."),
                        "THỦ TRƯỞNG CƠ QUAN",
                        "(Ký, ghi rõ họ tên, đóng dấu)",
                        d.decisionSigner())
                .bytes();
    }

    private String place(InformationSystem s) {
        // The province (second level of the tree under the national root) names the place of issue.
        String[] ids = s.ownerPath().split("/");
        long placeOrg = ids.length > 2 ? Long.parseLong(ids[2]) : s.ownerOrganizationId();
        return jdbc.sql("SELECT name_vi FROM organization WHERE id = :id")
                .param("id", placeOrg)
                .query(String.class)
                .optional()
                .orElse("");
    }

    private String regimeTitle(String regime) {
        return regimes.get(regime).titleVi();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }
}
