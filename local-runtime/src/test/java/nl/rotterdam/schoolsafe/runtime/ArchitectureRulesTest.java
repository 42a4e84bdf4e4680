package nl.rotterdam.schoolsafe.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Negative controls: each architecture rule fails on a fixture that breaks it, and the platform keeps its own. */
class ArchitectureRulesTest {
    private static final String FIXTURE = "nl.rotterdam.schoolsafe.runtime.archfixture";

    private static JavaClasses fixture() {
        return new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void findsADeliberatePackageCycle() {
        AssertionError error = assertThrows(
                AssertionError.class,
                () -> ServiceArchitectureTest.noPackageCycles(FIXTURE).check(fixture()));
        assertTrue(error.getMessage().contains("Cycle detected"), error.getMessage());
    }

    @Test
    void findsAResourceTouchingTheEntityManager() {
        assertThrows(
                AssertionError.class,
                () -> ServiceArchitectureTest.resourcesWithoutEntityManager().check(fixture()));
    }

    @Test
    void findsAnEntityImportingJaxRs() {
        AssertionError error = assertThrows(
                AssertionError.class,
                () -> ServiceArchitectureTest.domainFreeOfHttpAndWireTypes().check(fixture()));
        assertTrue(error.getMessage().contains("jakarta.ws.rs"), error.getMessage());
    }

    @Test
    void findsAnOutboxWriteOutsideThePipeline() {
        assertThrows(
                AssertionError.class,
                () -> ServiceArchitectureTest.outboxOnlyThroughThePipeline().check(fixture()));
    }

    @Test
    void findsANativeQueryTypedWithAClass() {
        AssertionError error = assertThrows(
                AssertionError.class,
                () -> ServiceArchitectureTest.nativeQueriesUntyped().check(fixture()));
        assertTrue(error.getMessage().contains("typedNativeQuery"), error.getMessage());
    }

    @Test
    void findsAPublicAggregateField() {
        assertThrows(
                AssertionError.class,
                () -> ServiceArchitectureTest.aggregateFieldsNotPublic().check(fixture()));
    }

    @Test
    void platformDependsOnNoService() {
        JavaClasses platform = new ClassFileImporter().importPackages(ServiceArchitectureTest.ROOT + ".platform");
        assertTrue(platform.size() > 20, "the platform's classes are on the classpath");
        assertDoesNotThrow(() -> ServiceArchitectureTest.noOtherService(ServiceArchitectureTest.ROOT + ".platform")
                .check(platform));
        assertDoesNotThrow(() -> ServiceArchitectureTest.noPackageCycles(ServiceArchitectureTest.ROOT + ".platform")
                .check(platform));
        assertDoesNotThrow(() -> ServiceArchitectureTest.nativeQueriesUntyped().check(platform));
    }
}
