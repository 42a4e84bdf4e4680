package nl.rotterdam.schoolsafe.incident;

import nl.rotterdam.schoolsafe.runtime.ServiceArchitectureTest;

class IncidentArchitectureTest extends ServiceArchitectureTest {
    @Override
    protected String basePackage() {
        return "nl.rotterdam.schoolsafe.incident";
    }
}
