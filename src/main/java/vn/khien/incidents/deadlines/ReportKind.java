package vn.khien.incidents.deadlines;

/** Reports the law asks of an incident, legacy (QĐ 05 / TT 20) and new (NĐ 331); labels in messages-incidents. */
public enum ReportKind {
    /** Thông báo sự cố (TT 20 Đ9.2.a). */
    NOTICE,
    /** Báo cáo ban đầu, Biểu mẫu 03 (TT 20 Đ9.2.b). */
    FORM03_INITIAL,
    /** Báo cáo ngay để nâng mức xử lý sự cố nghiêm trọng (QĐ 05 Đ9–10, Đ14). */
    ESCALATION,
    /** Báo cáo kết thúc ứng phó, Biểu mẫu 04 (TT 20 Đ9.2.b). */
    FORM04_END,
    /** Báo cáo ngay khi có dấu hiệu liên quan an ninh quốc gia (NĐ 331 Đ31.2.d). */
    IMMEDIATE_NS,
    /** Thông báo ban đầu trong 24 giờ (NĐ 331 Đ31.2.d). */
    INITIAL_24H,
    /** Báo cáo nguyên nhân, phạm vi, biện pháp khắc phục trong 72 giờ (NĐ 331 Đ31.2.d). */
    REPORT_72H,
    /** Báo cáo cập nhật (NĐ 331 Đ31.2.d; QĐ 05 Đ11.2). */
    UPDATE,
    /** Báo cáo kết thúc (NĐ 331 Đ31.2.d). */
    CLOSING
}
