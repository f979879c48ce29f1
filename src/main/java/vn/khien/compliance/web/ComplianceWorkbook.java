package vn.khien.compliance.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import vn.khien.compliance.assessment.AssessmentSchedulePoint;
import vn.khien.compliance.catalogue.ComplianceTally;
import vn.khien.platform.DateDisplay;

/** The compliance table of a subtree as XLSX (streamed, so a whole province fits): one row per system. */
final class ComplianceWorkbook {

    static final String[] HEADERS = {
        "Mã hệ thống",
        "Tên hệ thống",
        "Chủ quản",
        "Cấp độ",
        "Chế độ pháp lý",
        "Đã đáp ứng",
        "Một phần",
        "Kế hoạch",
        "Chưa triển khai",
        "Không áp dụng",
        "Tỷ lệ đáp ứng (%)",
        "Triển khai đầy đủ",
        "Đánh giá gần nhất",
        "Hạn đánh giá tiếp theo",
        "Quá hạn đánh giá"
    };

    private ComplianceWorkbook() {}

    public static byte[] write(SubtreeSummary summary) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Tuân thủ");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            int r = 1;
            for (SystemSummary s : summary.systems()) {
                Row row = sheet.createRow(r++);
                ComplianceTally t = s.tally();
                int c = 0;
                row.createCell(c++).setCellValue(s.code());
                row.createCell(c++).setCellValue(s.name());
                row.createCell(c++).setCellValue(s.ownerName());
                row.createCell(c++).setCellValue(Objects.requireNonNull(s.level(), "level"));
                row.createCell(c++).setCellValue(s.regime());
                row.createCell(c++).setCellValue(t.met());
                row.createCell(c++).setCellValue(t.partlyMet());
                row.createCell(c++).setCellValue(t.planned());
                row.createCell(c++).setCellValue(t.notStarted());
                row.createCell(c++).setCellValue(t.notApplicable());
                row.createCell(c++).setCellValue(s.percent());
                row.createCell(c++).setCellValue(s.fullyDeployed() ? "Có" : "Không");
                // Every system of a subtree summary has an approved level, hence a schedule.
                AssessmentSchedulePoint a = Objects.requireNonNull(s.assessment(), "assessment");
                row.createCell(c++).setCellValue(date(a.lastCompleted()));
                row.createCell(c++).setCellValue(date(a.nextDue()));
                row.createCell(c).setCellValue(a.overdue() ? "Có" : "Không");
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellValue("Tổng cộng: " + summary.organizationName());
            total.createCell(5).setCellValue(summary.tally().met());
            total.createCell(6).setCellValue(summary.tally().partlyMet());
            total.createCell(7).setCellValue(summary.tally().planned());
            total.createCell(8).setCellValue(summary.tally().notStarted());
            total.createCell(9).setCellValue(summary.tally().notApplicable());
            total.createCell(10).setCellValue(summary.percent());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static String date(@Nullable LocalDate d) {
        return d == null ? "" : DateDisplay.DATE.format(d);
    }
}
