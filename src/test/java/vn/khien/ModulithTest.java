package vn.khien;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure of ARCHITECTURE.md, checked by Spring Modulith: every top-level package under
 * {@code vn.khien} is a module, modules form no cycles, and a module uses another only through its
 * API (its top package, or a named interface such as the platform's contracts). The same model writes
 * the module documentation in {@code docs/modules/} (PlantUML component diagrams and AsciiDoc canvases).
 */
class ModulithTest {

    static final ApplicationModules MODULES = ApplicationModules.of(KhienApplication.class);

    @Test
    void modulesUseEachOtherOnlyThroughTheirApi() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }
}
