package io.sincro.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * How Sincro's packages may depend on each other, checked on the main classes of every module
 * (this module depends on all of them). Tests are left out: a command's test runs the whole
 * command line, so it depends on the root package by design.
 *
 * <p>One rule per method, named for what it keeps; a new rule is a new method taking the classes.
 */
@AnalyzeClasses(packages = "io.sincro", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The top package of each module, in the order the build makes them. */
    private static final List<String> MODULES = List.of("io.sincro.format", "io.sincro.db", "io.sincro.rules",
            "io.sincro.exchange", "io.sincro.agent", "io.sincro.office", "io.sincro.testing", "io.sincro.sync",
            "io.sincro.web", "io.sincro.app", "io.sincro.bench");

    @ArchTest
    void theRulesSeeEveryModule(JavaClasses sincro) {
        assertThat(MODULES).allSatisfy(module -> assertThat(sincro.containPackage(module))
                .as("classes of %s on the class path (a module missing there belongs in architecture/pom.xml)",
                        module)
                .isTrue());
    }

    @ArchTest
    void noModuleDependsOnAModuleThatDependsBackOnIt(JavaClasses sincro) {
        slices().matching("io.sincro.(*)..").namingSlices("module io.sincro.$1")
                .should().beFreeOfCycles()
                .because("a module is built, tested and understood before the ones that use it")
                .check(sincro);
    }

    @ArchTest
    void thePackageFormatDependsOnNothingOfSincros(JavaClasses sincro) {
        classes().that().resideInAPackage("io.sincro.format..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.sincro.format..", "java..", "javax..",
                        "jakarta.xml.bind..", "org.xml.sax..")
                .because("a third party reads and writes packages with package-format alone (and JAXB), with no"
                        + " database on its class path")
                .check(sincro);
    }

    @ArchTest
    void onlyTheLedgerTouchesTheLedgerTables(JavaClasses sincro) {
        classes().that().resideOutsideOfPackage("io.sincro.sync.ledger..")
                .and().doNotHaveFullyQualifiedName("io.sincro.db.Migrations")
                .should(new LedgerTablesUntouched())
                .because("each table has one owner: what the exchange's ledger holds is asked of io.sincro.sync.ledger"
                        + " (or io.sincro.sync.SyncStatus), so its tables can change in one place; the schema's"
                        + " migrations create them")
                .check(sincro);
    }

    @ArchTest
    void onlyTheProductsKeepTheWordIndex(JavaClasses sincro) {
        classes().that().doNotHaveFullyQualifiedName("io.sincro.db.catalog.Products")
                .and().doNotHaveFullyQualifiedName("io.sincro.db.catalog.ProductWords")
                .and().doNotHaveFullyQualifiedName("io.sincro.db.Migrations")
                .should(new WordIndexUntouched())
                .because("the word index of descriptions is right only if every write of a product updates it, which"
                        + " Products does (through ProductWords) and nothing else may: search it with"
                        + " Products.withWordsStarting")
                .check(sincro);
    }

    @ArchTest
    void noPackageDependsOnAPackageThatDependsBackOnIt(JavaClasses sincro) {
        slices().matching("io.sincro.(**)").namingSlices("io.sincro.$1")
                .should().beFreeOfCycles()
                .because("packages in a cycle can only be understood, tested and changed together; move what both"
                        + " sides need into a package of its own that depends on neither, as io.sincro.agent.work"
                        + " and io.sincro.app.cli do")
                .check(sincro);
    }
}
