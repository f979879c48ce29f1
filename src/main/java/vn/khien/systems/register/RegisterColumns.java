package vn.khien.systems.register;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Columns of the bulk-import template. The key in brackets is what the importer reads, so the Vietnamese label can
 * be reworded without breaking files already filled in.
 */
final class RegisterColumns {
    public record Column(String key, String label, boolean required, String field) {
        public String header() {
            return label + " [" + key + "]";
        }
    }

    public static final List<Column> IMPORT = List.of(
            new Column("code", "Mã hệ thống", true, "code"),
            new Column("name", "Tên hệ thống", true, "name"),
            new Column("owner", "Mã tổ chức chủ quản", true, "ownerOrganizationId"),
            new Column("operator", "Mã đơn vị vận hành", true, "operatorOrganizationId"),
            new Column("type", "Loại hệ thống (tên hoặc mã, xem trang Gia tri)", true, "systemType"),
            new Column("purpose", "Mục đích, chức năng", false, "purpose"),
            new Column(
                    "info",
                    "Loại thông tin (tên hoặc mã, xem trang Gia tri; cách nhau dấu phẩy)",
                    false,
                    "informationKinds"),
            new Column("users", "Số người sử dụng", false, "userCount"),
            new Column("subjects", "Số chủ thể dữ liệu cá nhân", false, "dataSubjectCount"),
            new Column("hosting", "Hình thức triển khai (tên hoặc mã, xem trang Gia tri)", false, "hostingKind"),
            new Column("provider", "Nhà cung cấp hạ tầng", false, "hostingProvider"),
            new Column("status", "Trạng thái (tên hoặc mã, xem trang Gia tri)", false, "lifecycleStatus"),
            new Column("investment", "Ngày bắt đầu đầu tư (dd/MM/yyyy)", false, "investmentStartedOn"),
            new Column("operating", "Ngày đưa vào vận hành (dd/MM/yyyy)", false, "operatingSince"));

    /** Mẫu 08 of NĐ 331/2026, part 3: the per-system table of the annual report (regulation.md §6.2). */
    public static final List<String> FORM_08 = List.of(
            "STT",
            "Tên hệ thống thông tin",
            "Chủ quản",
            "Đơn vị vận hành",
            "Cấp độ đề xuất",
            "Tình trạng phê duyệt",
            "Quyết định phê duyệt (số, ngày, cơ quan ban hành)",
            "Quyết định ban hành Quy chế bảo đảm an ninh mạng (số, ngày, cơ quan ban hành)",
            "Thời gian dự kiến phê duyệt",
            "Tình trạng triển khai phương án",
            "Thời gian dự kiến triển khai đầy đủ",
            "Tình trạng kiểm tra, đánh giá");

    private RegisterColumns() {}

    public static @Nullable Column byField(String field) {
        String base = field.replaceAll("\\[\\d+]$", "");
        return IMPORT.stream().filter(c -> c.field().equals(base)).findFirst().orElse(null);
    }
}
