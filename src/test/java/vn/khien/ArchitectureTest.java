package vn.khien;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javax.xml.stream.XMLInputFactory;

/**
 * Rules Spring Modulith does not check (module boundaries, cycles and allowed dependencies are checked by
 * {@link ModulithTest}): rule engines are plain Java, controllers never touch SQL, XML parsers are hardened, and the
 * sub-packages of a module form no cycles among themselves.
 */
@AnalyzeClasses(packages = "vn.khien", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Rule data and its engines are plain Java: no web, no database. Compliance keeps each engine next to its
     * service (issue 8): the assessment rules share {@code compliance.assessment} with the assessment service and
     * repository, the catalogue's database and web side lives in {@code compliance.catalogue.admin}.
     */
    @ArchTest
    static final ArchRule rulesArePlainJava = noClasses()
            .that()
            .resideInAnyPackage(
                    "vn.khien.systems.classification..",
                    "vn.khien.systems.deadlines..",
                    "vn.khien.compliance.catalogue",
                    "vn.khien.compliance.assessment",
                    "vn.khien.incidents.deadlines..")
            .and()
            .haveSimpleNameNotEndingWith("Service")
            .and()
            .haveSimpleNameNotEndingWith("Repository")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule controllersDoNotTouchTheDatabase = noClasses()
            .that()
            .haveSimpleNameEndingWith("Api")
            .or()
            .haveSimpleNameEndingWith("Pages")
            .or()
            .haveSimpleNameEndingWith("Page")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..");

    /**
     * Inside compliance every sub-package is a slice and the slices depend on each other one way only (issue 8):
     * {@code catalogue} below {@code catalogue.admin} below {@code plan}, then evidence, tasks, risks and assessment
     * on the plan, and the pages, API and roll-ups of {@code web} (and attention, demo, form08) on top.
     */
    @ArchTest
    static final ArchRule complianceSubPackagesAreFreeOfCycles =
            slices().matching("vn.khien.compliance.(**)").should().beFreeOfCycles();

    /** XML parsers come only from the hardened factory (external entities and DTDs off). */
    @ArchTest
    static final ArchRule noUnsafeXmlFactories = noClasses()
            .that()
            .doNotHaveSimpleName("SafeXml")
            .should()
            .callMethod(XMLInputFactory.class, "newInstance")
            .orShould()
            .callMethod(XMLInputFactory.class, "newFactory");
}
