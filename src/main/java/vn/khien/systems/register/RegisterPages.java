package vn.khien.systems.register;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.platform.DateDisplay;
import vn.khien.platform.Downloads;
import vn.khien.platform.PlatformConfiguration;

/** Register export (Mẫu 08) and bulk import pages. */
@Controller
class RegisterPages {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SystemService systems;
    private final RegisterSpreadsheets sheets;
    private final RegisterImport importer;

    public RegisterPages(SystemService systems, RegisterSpreadsheets sheets, RegisterImport importer) {
        this.systems = systems;
        this.sheets = sheets;
        this.importer = importer;
    }

    @GetMapping("/systems/export.xlsx")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false) LifecycleStatus status,
            @RequestParam(required = false) String regime) {
        byte[] xlsx = sheets.form08(
                systems.search(new SystemSearch(organizationId, q, level, status, regime)),
                "Ngày xuất: " + DateDisplay.DATE.format(LocalDate.now(PlatformConfiguration.ZONE)));
        return file(xlsx, "danh-muc-he-thong-mau-08.xlsx", XLSX);
    }

    @GetMapping("/systems/import")
    String importForm() {
        return "systems/import";
    }

    @PostMapping("/systems/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute(
                    "result",
                    new RegisterImport.ImportResult(
                            0,
                            List.of(),
                            List.of(new RegisterImport.ImportProblem(1, "", "file", importer.emptyFileMessage()))));
        } else {
            model.addAttribute("result", importer.importFile(file.getOriginalFilename(), file.getBytes()));
        }
        return "systems/import";
    }

    @GetMapping("/systems/import/template.xlsx")
    ResponseEntity<byte[]> templateXlsx() {
        return file(sheets.importTemplateXlsx(), "mau-nhap-he-thong.xlsx", XLSX);
    }

    @GetMapping("/systems/import/template.csv")
    ResponseEntity<byte[]> templateCsv() {
        return file(sheets.importTemplateCsv(), "mau-nhap-he-thong.csv", "text/csv;charset=UTF-8");
    }

    static ResponseEntity<byte[]> file(byte[] content, String name, String type) {
        return Downloads.attachment(content, name, MediaType.parseMediaType(type));
    }
}
