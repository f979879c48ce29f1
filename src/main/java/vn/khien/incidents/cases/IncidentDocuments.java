package vn.khien.incidents.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.khien.incidents.deadlines.DeadlineAssessment;
import vn.khien.incidents.deadlines.ReportKind;
import vn.khien.platform.documents.AdministrativeDocument;

/**
 * Incident reports as DOCX in the Vietnamese administrative layout (issuing body and national motto side by side,
 * place and date, title, "Kính gửi", content, signature block), prefilled from the case. Field lists follow
 * regulation.md §7.2 (Biểu mẫu 03, 04; notice content of TT 20 Đ9.4) and §7.1 (initial report content, QĐ 05 Đ11).
 */
@Component
class IncidentDocuments {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    public record Input(
            Incident incident,
            ReportKind kind,
            IncidentCatalogue.Form form,
            DeadlineAssessment assessment,
            String recipients,
            String emailSubject,
            Instant at,
            String signer,
            IncidentRepository.SystemInfo system,
            List<IncidentRepository.AffectedSystemInfo> affectedSystems,
            List<IncidentRepository.Submission> earlier,
            List<IncidentRepository.Indicator> indicators,
            String categoryName) {}

    public byte[] render(Input in) {
        Incident i = in.incident();
        ZonedDateTime at = in.at().atZone(VN);
        AdministrativeDocument doc = AdministrativeDocument.of(
                        i.organizationName(), "Số: ……/BC-ƯCSC", "……", at.toLocalDate())
                .formName(in.form().formVi())
                .title(in.form().titleVi())
                .centredItalic("Sự cố số " + i.id() + ": " + i.title())
                .addressees(in.recipients() == null || in.recipients().isBlank() ? "……" : in.recipients());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Căn cứ pháp lý", in.form().legalRef()});
        rows.add(new String[] {
            "Chế độ áp dụng",
            in.assessment().regime().nameVi()
                    + (in.assessment().regime().choice()
                            ? " — " + in.assessment().regime().choiceVi()
                            : "")
        });
        rows.add(new String[] {"Tổ chức báo cáo (đơn vị vận hành)", i.organizationName()});
        rows.add(new String[] {
            "Hệ thống bị sự cố",
            in.system() == null ? "(chưa xác định)" : in.system().name()
        });
        rows.add(new String[] {
            "Cấp độ hệ thống",
            in.system() == null || in.system().level() == null
                    ? "(chưa có)"
                    : String.valueOf(in.system().level())
        });
        rows.add(new String[] {"Loại sự cố", in.categoryName()});
        rows.add(new String[] {
            "Thời điểm phát hiện",
            i.detectedAtWithOffset().atZoneSameInstant(VN).format(DATE_TIME)
        });
        rows.add(new String[] {"Mô tả sự cố", i.description() == null ? "" : i.description()});
        rows.add(new String[] {
            "Đánh giá sơ bộ",
            (in.assessment().serious() ? "Sự cố nghiêm trọng" : "Sự cố thông thường")
                    + (i.beyondCapacity() ? "; vượt quá khả năng xử lý của đơn vị" : "")
                    + (i.nationalSecuritySigns() ? "; có dấu hiệu liên quan an ninh quốc gia" : "")
        });
        rows.add(new String[] {"Tình trạng xử lý", statusVi(i.status())});
        if (in.kind() == ReportKind.FORM04_END || in.kind() == ReportKind.CLOSING) {
            String initial = in.earlier().stream()
                    .filter(s -> s.kind().equals(ReportKind.FORM03_INITIAL.name())
                            || s.kind().equals(ReportKind.INITIAL_24H.name()))
                    .findFirst()
                    .map(s -> "Số " + s.id() + ", " + s.submittedAt().atZone(VN).format(DATE_TIME))
                    .orElse("(không có)");
            rows.add(new String[] {"Số, ngày báo cáo ban đầu", initial});
            rows.add(new String[] {
                "Thời điểm kết thúc ứng phó",
                i.responseEndedAt() == null
                        ? "(chưa kết thúc)"
                        : i.responseEndedAt().atZone(VN).format(DATE_TIME)
            });
            rows.add(new String[] {"Kết quả xử lý", "Diễn biến, cách thức xử lý và kiến nghị phòng ngừa: ……"});
        }
        if (!in.indicators().isEmpty()) {
            StringBuilder b = new StringBuilder();
            in.indicators()
                    .forEach(x ->
                            b.append(x.kind()).append(": ").append(x.value()).append("\n"));
            rows.add(new String[] {"Dấu hiệu nhận biết (IoC)", b.toString().strip()});
        }
        rows.add(new String[] {"Kiến nghị, đề xuất hỗ trợ", "……"});
        rows.add(new String[] {"Tiêu đề thư điện tử", in.emailSubject()});
        doc.fields(rows).heading("Các hệ thống thông tin bị ảnh hưởng");
        if (in.affectedSystems().isEmpty()) {
            doc.paragraph("(chưa xác định)");
        } else {
            List<List<String>> systems = new ArrayList<>();
            int n = 0;
            for (IncidentRepository.AffectedSystemInfo s : in.affectedSystems()) {
                systems.add(List.of(
                        String.valueOf(++n),
                        s.name(),
                        s.level() == null ? "(chưa phê duyệt)" : "Cấp độ " + s.level(),
                        s.ownerName()));
            }
            doc.table(List.of("STT", "Tên hệ thống", "Cấp độ", "Chủ quản"), systems);
        }
        return doc.italic("Thời gian báo cáo: " + at.format(DATE_TIME))
                .signature(
                        AdministrativeDocument.RECIPIENTS,
                        "NGƯỜI BÁO CÁO",
                        "(Ký, ghi rõ họ tên, đóng dấu hoặc ký số)",
                        in.signer())
                .bytes();
    }

    static String statusVi(IncidentStatus s) {
        return switch (s) {
            case NEW -> "Mới tiếp nhận, chưa xác minh";
            case VERIFIED -> "Đã xác minh";
            case CONTAINED -> "Đã ngăn chặn";
            case ERADICATED -> "Đã loại bỏ nguyên nhân";
            case RECOVERED -> "Đã khôi phục";
            case CLOSED -> "Đã đóng";
            case REJECTED -> "Không phải sự cố";
        };
    }
}
