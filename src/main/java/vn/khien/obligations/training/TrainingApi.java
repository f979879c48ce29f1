package vn.khien.obligations.training;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.obligations.xlsx.XlsxImports;

/** Training records of an organisation's people (R25) and the yearly count. */
@RestController
class TrainingApi {

    private final TrainingService training;
    private final TrainingImport importer;

    TrainingApi(TrainingService training, TrainingImport importer) {
        this.training = training;
        this.importer = importer;
    }

    @PutMapping("/api/v1/training-records/{id}")
    @Operation(
            summary = "Edit a training record",
            description = "personName, email, course, provider, completedOn (yyyy-MM-dd), hours; the certificate"
                    + " file stays. Audited with the changes.")
    @ApiResponse(responseCode = "200", description = "The record as edited")
    TrainingService.Record update(@PathVariable long id, @RequestBody TrainingRequest request) {
        return training.update(id, request);
    }

    @DeleteMapping("/api/v1/training-records/{id}")
    @Operation(summary = "Remove a training record and its certificate (audited)")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> remove(@PathVariable long id) {
        training.remove(id);
        return ResponseEntity.noContent().build();
    }

    /** All or nothing: any problem gives 422 with errors[].field = rows[N].field and nothing is stored. */
    @PostMapping(
            value = "/api/v1/organizations/{id}/training-records/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import training records from XLSX (the template of /training/template.xlsx), all or nothing",
            description = "Columns: person's user name or e-mail, course, date dd/MM/yyyy, hours, certificate"
                    + " reference. Any wrong cell refuses the whole file: 422 naming each row and column.")
    @ApiResponse(responseCode = "201", description = "How many records were imported and their ids")
    ResponseEntity<XlsxImports.ImportedRows> importFile(@PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        return XlsxImports.answer(importer.importFile(id, file.getBytes()), "training.import");
    }

    @PostMapping(value = "/api/v1/organizations/{id}/training-records", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Record a person's completed training, with its certificate file",
            description = "Form fields personName, email, course, provider, completedOn (yyyy-MM-dd), hours; file"
                    + " file: the certificate (PDF, PNG or JPEG), optional, stored with its SHA-256")
    @ApiResponse(responseCode = "201", description = "The record's id and the certificate's SHA-256")
    ResponseEntity<Map<String, Object>> create(
            @PathVariable long id,
            @RequestParam(required = false) String personName,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String course,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
            @RequestParam(required = false) BigDecimal hours,
            @RequestParam(required = false) MultipartFile file)
            throws IOException {
        long record = training.create(
                id,
                new TrainingRequest(personName, email, course, provider, completedOn, hours),
                TrainingPages.certificate(file));
        TrainingService.Record saved = training.get(record);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", record);
        body.put("certificateSha256", saved.certificateSha256());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id + "/training-records"))
                .body(body);
    }

    @GetMapping("/api/v1/organizations/{id}/training-records")
    @Operation(summary = "Read an organisation's training records of a year and the yearly count of its subtree")
    @ApiResponse(responseCode = "200", description = "Records of the year, the count and each child's count")
    TrainingService.Year year(@PathVariable long id, @RequestParam(required = false) Integer year) {
        return training.year(id, year == null ? training.thisYear() : year);
    }
}
