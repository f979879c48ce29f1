package vn.khien.scale;

import java.util.List;

/**
 * The names the national data set is built from: the 34 provinces and centrally run cities after the 2025 merger
 * (Nghị quyết 202/2025/QH15 of the National Assembly, 12/06/2025, in force 01/07/2025), the ministries and central
 * bodies after the 2025 government restructuring, and the usual departments of each.
 */
final class NationalTree {

    private NationalTree() {}

    /** The six centrally run cities first, then the 28 provinces. */
    static final List<String> CITIES = List.of("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ");

    static final List<String> PROVINCES = List.of(
            "Lai Châu",
            "Điện Biên",
            "Sơn La",
            "Lạng Sơn",
            "Quảng Ninh",
            "Thanh Hóa",
            "Nghệ An",
            "Hà Tĩnh",
            "Cao Bằng",
            "Tuyên Quang",
            "Lào Cai",
            "Thái Nguyên",
            "Phú Thọ",
            "Bắc Ninh",
            "Hưng Yên",
            "Ninh Bình",
            "Quảng Trị",
            "Quảng Ngãi",
            "Gia Lai",
            "Khánh Hòa",
            "Lâm Đồng",
            "Đắk Lắk",
            "Đồng Nai",
            "Tây Ninh",
            "Vĩnh Long",
            "Đồng Tháp",
            "Cà Mau",
            "An Giang");

    static final List<String> MINISTRIES = List.of(
            "Bộ Quốc phòng",
            "Bộ Công an",
            "Bộ Ngoại giao",
            "Bộ Nội vụ",
            "Bộ Tư pháp",
            "Bộ Tài chính",
            "Bộ Công Thương",
            "Bộ Nông nghiệp và Môi trường",
            "Bộ Xây dựng",
            "Bộ Văn hóa, Thể thao và Du lịch",
            "Bộ Khoa học và Công nghệ",
            "Bộ Giáo dục và Đào tạo",
            "Bộ Y tế",
            "Bộ Dân tộc và Tôn giáo",
            "Ngân hàng Nhà nước Việt Nam",
            "Thanh tra Chính phủ",
            "Văn phòng Chính phủ",
            "Đài Truyền hình Việt Nam",
            "Đài Tiếng nói Việt Nam",
            "Thông tấn xã Việt Nam",
            "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
            "Viện Hàn lâm Khoa học xã hội Việt Nam",
            "Tòa án nhân dân tối cao",
            "Viện kiểm sát nhân dân tối cao",
            "Kiểm toán nhà nước",
            "Văn phòng Quốc hội",
            "Văn phòng Chủ tịch nước",
            "Đại học Quốc gia Hà Nội",
            "Đại học Quốc gia Thành phố Hồ Chí Minh",
            "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp");

    /** A province's departments; the first is its security unit (đơn vị chuyên trách về an toàn thông tin). */
    static final List<String> PROVINCE_DEPARTMENTS = List.of(
            "Sở Khoa học và Công nghệ",
            "Sở Y tế",
            "Sở Giáo dục và Đào tạo",
            "Sở Nội vụ",
            "Sở Tài chính",
            "Sở Xây dựng",
            "Sở Nông nghiệp và Môi trường",
            "Sở Công Thương",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Tư pháp",
            "Văn phòng Ủy ban nhân dân",
            "Thanh tra",
            "Sở Dân tộc và Tôn giáo",
            "Sở Ngoại vụ");

    /** A ministry's departments; the first is its security unit. */
    static final List<String> MINISTRY_DEPARTMENTS = List.of(
            "Cục Chuyển đổi số và Công nghệ thông tin",
            "Văn phòng",
            "Vụ Kế hoạch - Tài chính",
            "Vụ Tổ chức cán bộ",
            "Vụ Pháp chế",
            "Thanh tra",
            "Cục Quản lý chuyên ngành",
            "Trung tâm Thông tin");

    /** What a unit below a department is called, by the department's index in its list. */
    static String unitName(boolean province, int departmentIndex, int n) {
        if (province && departmentIndex == 1) {
            return "Bệnh viện đa khoa số " + n;
        }
        if (province && departmentIndex == 2) {
            return "Trường Trung học phổ thông số " + n;
        }
        return "Trung tâm trực thuộc số " + n;
    }

    static final List<String> SYSTEM_NAMES = List.of(
            "Cổng thông tin điện tử",
            "Hệ thống quản lý văn bản và điều hành",
            "Hệ thống thư điện tử công vụ",
            "Hệ thống thông tin giải quyết thủ tục hành chính",
            "Cơ sở dữ liệu chuyên ngành",
            "Mạng nội bộ và hạ tầng máy chủ",
            "Hệ thống quản lý nhân sự",
            "Hệ thống kế toán và quản lý tài sản",
            "Hệ thống họp trực tuyến",
            "Hệ thống quản lý hồ sơ điện tử");
}
