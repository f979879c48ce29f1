package vn.khien.systems.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;

/** Bulk import over the API: 201 with the new ids, or 422 naming every row and column at fault. */
@RestController
@Tag(name = "Information systems")
class RegisterFiles {
    private final RegisterImport importer;

    public RegisterFiles(RegisterImport importer) {
        this.importer = importer;
    }

    @PostMapping(value = "/api/v1/systems/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Register many systems from an XLSX or CSV file (template at /systems/import/template.xlsx)",
            description =
                    "All-or-nothing: any problem gives 422 with errors[].field = rows[N].column and nothing is stored")
    public ResponseEntity<Map<String, Object>> importFile(@RequestParam("file") MultipartFile file) throws IOException {
        RegisterImport.ImportResult result = importer.importFile(file.getOriginalFilename(), file.getBytes());
        if (!result.ok()) {
            List<FieldProblem> problems = new ArrayList<>();
            result.problems()
                    .forEach(p -> problems.add(new FieldProblem(
                            "rows[" + p.row() + "]." + p.field(),
                            "systems.import.problem",
                            p.row(),
                            p.column(),
                            p.message())));
            throw new FieldProblemException(problems);
        }
        return ResponseEntity.status(201)
                .header(HttpHeaders.LOCATION, "/api/v1/systems")
                .body(Map.of("imported", result.imported(), "ids", result.ids()));
    }
}
