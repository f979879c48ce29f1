package vn.khien.systems.sbom;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.platform.FieldProblemException;

@RestController
@Tag(name = "Information systems")
class SbomApi {

    private final SbomImport sboms;

    SbomApi(SbomImport sboms) {
        this.sboms = sboms;
    }

    @PostMapping(path = "/api/v1/systems/{id}/sbom", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CycloneDX JSON SBOM as the system's software components (all or nothing)")
    SbomImport.Result importSbom(@PathVariable long id, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        return sboms.importSbom(id, bytes(file));
    }

    static byte[] bytes(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new FieldProblemException("file", "validation.required");
        }
        if (file.getSize() > SbomImport.MAX_BYTES) {
            throw new FieldProblemException("file", "sbom.error.tooLarge", SbomImport.MAX_BYTES / (1024 * 1024));
        }
        return file.getBytes();
    }
}
