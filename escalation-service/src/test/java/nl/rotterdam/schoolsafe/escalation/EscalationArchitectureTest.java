package nl.rotterdam.schoolsafe.escalation;

import nl.rotterdam.schoolsafe.runtime.ServiceArchitectureTest;

class EscalationArchitectureTest extends ServiceArchitectureTest {
    @Override
    protected String basePackage() {
        return "nl.rotterdam.schoolsafe.escalation";
    }
}
