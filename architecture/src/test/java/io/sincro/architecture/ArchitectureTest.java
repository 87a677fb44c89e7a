package io.sincro.architecture;

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
            "io.sincro.exchange", "io.sincro.agent", "io.sincro.office", "io.sincro.sync", "io.sincro.app",
            "io.sincro.bench");

    @ArchTest
    void theRulesSeeEveryModule(JavaClasses sincro) {
        assertThat(MODULES).allSatisfy(module -> assertThat(sincro.containPackage(module))
                .as("classes of %s on the class path (a module missing there belongs in architecture/pom.xml)",
                        module)
                .isTrue());
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
