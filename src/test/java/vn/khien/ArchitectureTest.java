package vn.khien;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Module boundaries (see ARCHITECTURE.md): features are packages under vn.khien, they form no
 * cycles, the foundation modules never reach up into features, and SQL access to the tree goes
 * through OrgScope.
 */
@AnalyzeClasses(packages = "vn.khien", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modulesFormNoCycles = slices().matching("vn.khien.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule platformDependsOnNoModule = noClasses().that().resideInAPackage("vn.khien.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.khien.access..", "vn.khien.audit..",
                    "vn.khien.organizations..", "vn.khien.identity..", "vn.khien.systems..", "vn.khien.compliance..",
                    "vn.khien.vulnerabilities..", "vn.khien.home..");

    @ArchTest
    static final ArchRule accessDependsOnlyOnPlatform = noClasses().that().resideInAPackage("vn.khien.access..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.khien.audit..", "vn.khien.organizations..",
                    "vn.khien.identity..", "vn.khien.systems..", "vn.khien.compliance..", "vn.khien.vulnerabilities..");

    @ArchTest
    static final ArchRule auditIsBelowTheFeatures = noClasses().that().resideInAPackage("vn.khien.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.khien.organizations..", "vn.khien.identity..",
                    "vn.khien.systems..", "vn.khien.compliance..", "vn.khien.vulnerabilities..");

    @ArchTest
    static final ArchRule organizationsDoNotKnowPeople = noClasses().that().resideInAPackage("vn.khien.organizations..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.khien.identity..");

    /** Rule data and its engines are plain Java: no web, no database. */
    @ArchTest
    static final ArchRule rulesArePlainJava = noClasses().that().resideInAnyPackage(
                    "vn.khien.systems.classification..", "vn.khien.systems.deadlines..", "vn.khien.compliance.catalogue..",
                    "vn.khien.compliance.assessment..", "vn.khien.incidents.deadlines..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "org.springframework.web..",
                    "jakarta.servlet..");

    @ArchTest
    static final ArchRule controllersDoNotTouchTheDatabase = noClasses().that().haveSimpleNameEndingWith("Api")
            .or().haveSimpleNameEndingWith("Pages").or().haveSimpleNameEndingWith("Page")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..");

    /** XML parsers come only from the hardened factory (external entities and DTDs off). */
    @ArchTest
    static final ArchRule noUnsafeXmlFactories = noClasses().that().doNotHaveSimpleName("SafeXml")
            .should().callMethod(javax.xml.stream.XMLInputFactory.class, "newInstance")
            .orShould().callMethod(javax.xml.stream.XMLInputFactory.class, "newFactory");
}
