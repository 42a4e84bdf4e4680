package nl.rotterdam.schoolsafe.knowledge;

import nl.rotterdam.schoolsafe.runtime.ServiceArchitectureTest;

class KnowledgeArchitectureTest extends ServiceArchitectureTest {
    @Override
    protected String basePackage() {
        return "nl.rotterdam.schoolsafe.knowledge";
    }
}
