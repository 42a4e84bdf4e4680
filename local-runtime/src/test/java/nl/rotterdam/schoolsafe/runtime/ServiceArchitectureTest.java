package nl.rotterdam.schoolsafe.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The architecture every service keeps, checked on its compiled classes: a service's test extends
 * this with its base package. {@link ArchitectureRulesTest} shows each rule can fail. A rule with
 * nothing to check passes (the gateway has no aggregates); the last rule always finds the classes.
 */
public abstract class ServiceArchitectureTest {
    static final String ROOT = "nl.rotterdam.schoolsafe";
    static final List<String> SERVICES = List.of("incident", "escalation", "subsidy", "knowledge", "gateway");

    /** The service's base package, e.g. {@code nl.rotterdam.schoolsafe.incident}. */
    protected abstract String basePackage();

    private JavaClasses classes() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage());
    }

    @Test
    void hasNoPackageCycles() {
        noPackageCycles(basePackage()).check(classes());
    }

    @Test
    void keepsTheDomainFreeOfHttpAndWireTypes() {
        domainFreeOfHttpAndWireTypes().check(classes());
    }

    @Test
    void keepsResourcesAwayFromTheEntityManager() {
        resourcesWithoutEntityManager().check(classes());
    }

    @Test
    void leavesTheOutboxToTheChangePipeline() {
        outboxOnlyThroughThePipeline().check(classes());
    }

    @Test
    void readsNativeQueriesUntyped() {
        nativeQueriesUntyped().check(classes());
    }

    @Test
    void keepsAggregateFieldsInsideTheAggregate() {
        aggregateFieldsNotPublic().check(classes());
    }

    @Test
    void dependsOnNoOtherService() {
        noOtherService(basePackage()).check(classes());
    }

    static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /** Aggregates, entities and embeddables: the domain model. */
    static final DescribedPredicate<JavaClass> DOMAIN_MODEL =
            new DescribedPredicate<>("aggregates, entities and embeddables") {
                @Override
                public boolean test(JavaClass c) {
                    return c.isAnnotatedWith("jakarta.persistence.Entity")
                            || c.isAnnotatedWith("jakarta.persistence.Embeddable")
                            || c.isAssignableTo("nl.rotterdam.schoolsafe.platform.change.AggregateRoot");
                }
            };

    /** The payload records other services read: the contract, translated at the edge. */
    static final DescribedPredicate<JavaClass> WIRE_PAYLOADS =
            new DescribedPredicate<>("the platform's wire event payloads") {
                @Override
                public boolean test(JavaClass c) {
                    return c.getPackageName().startsWith(ROOT + ".platform.event") && c.isRecord();
                }
            };

    static ArchRule domainFreeOfHttpAndWireTypes() {
        return noClasses()
                .that(DOMAIN_MODEL)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.ws.rs..")
                .orShould()
                .dependOnClassesThat(WIRE_PAYLOADS)
                .allowEmptyShould(true);
    }

    static ArchRule resourcesWithoutEntityManager() {
        return noClasses()
                .that()
                .areAnnotatedWith("jakarta.ws.rs.Path")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .allowEmptyShould(true);
    }

    static ArchRule outboxOnlyThroughThePipeline() {
        return noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".platform.change..")
                .should()
                .callMethodWhere(new DescribedPredicate<>("Outbox.record") {
                    @Override
                    public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                        return call.getTargetOwner().getFullName().equals(ROOT + ".platform.outbox.Outbox")
                                && call.getName().equals("record");
                    }
                });
    }

    /**
     * Hibernate 7.2 caches the plan of {@code createNativeQuery(sql, SomeClass.class)} under a key equal to no other, so
     * each call adds one and every look-up searches them all (#22); a native query is read untyped and cast.
     */
    static ArchRule nativeQueriesUntyped() {
        return noClasses()
                .should()
                .callMethod(
                        "jakarta.persistence.EntityManager", "createNativeQuery", "java.lang.String", "java.lang.Class")
                .orShould()
                .callMethod(
                        "org.hibernate.query.QueryProducer", "createNativeQuery", "java.lang.String", "java.lang.Class")
                .allowEmptyShould(true);
    }

    static ArchRule aggregateFieldsNotPublic() {
        return fields().that()
                .areDeclaredInClassesThat()
                .areAssignableTo("nl.rotterdam.schoolsafe.platform.change.AggregateRoot")
                .and()
                .areNotStatic()
                .should()
                .notBePublic()
                .allowEmptyShould(true);
    }

    static ArchRule noOtherService(String basePackage) {
        String[] others = SERVICES.stream()
                .map(s -> ROOT + "." + s + "..")
                .filter(p -> !p.equals(basePackage + ".."))
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others);
    }
}
