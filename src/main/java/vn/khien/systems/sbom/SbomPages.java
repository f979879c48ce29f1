package vn.khien.systems.sbom;

import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.platform.FieldProblemException;
import vn.khien.systems.register.SystemService;

/** Upload of a CycloneDX SBOM from the system's components: a page of its own, linked from the system page. */
@Controller
class SbomPages {

    private final SbomImport sboms;
    private final SystemService systems;

    SbomPages(SbomImport sboms, SystemService systems) {
        this.sboms = sboms;
        this.systems = systems;
    }

    @GetMapping("/systems/{id}/sbom")
    String form(@PathVariable long id, Model model) {
        model.addAttribute("system", systems.get(id));
        return "systems/sbom-import";
    }

    @PostMapping("/systems/{id}/sbom")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        model.addAttribute("system", systems.get(id));
        try {
            model.addAttribute("result", sboms.importSbom(id, SbomApi.bytes(file)));
        } catch (FieldProblemException e) {
            model.addAttribute("problems", e.problems());
        }
        return "systems/sbom-import";
    }
}
