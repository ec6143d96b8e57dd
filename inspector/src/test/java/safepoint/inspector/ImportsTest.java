package safepoint.inspector;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import safepoint.vm.Machine;

/** The inspector is one client of the Observatory: it reads views, events and the Machine facade, never the VM's internals. */
class ImportsTest {
    @Test
    void theInspectorUsesOnlyTheViewsTheEventsAndTheMachine() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("safepoint.inspector");
        noClasses().that().resideInAPackage("safepoint.inspector..")
                .should().dependOnClassesThat(resideInAPackage("safepoint.vm..")
                        .and(not(resideInAnyPackage("safepoint.vm.observe..", "safepoint.vm.event..")))
                        .and(not(equivalentTo(Machine.class))))
                .check(classes);
    }
}
