package nl.rotterdam.schoolsafe.knowledge;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import nl.rotterdam.schoolsafe.runtime.ServiceConventionsTest;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "knowledge"))
class KnowledgeConventionsTest extends ServiceConventionsTest {
    @Override
    protected String database() {
        return "knowledge";
    }
}
