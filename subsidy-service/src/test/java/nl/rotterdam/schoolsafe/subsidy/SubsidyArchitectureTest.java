package nl.rotterdam.schoolsafe.subsidy;

import nl.rotterdam.schoolsafe.runtime.ServiceArchitectureTest;

class SubsidyArchitectureTest extends ServiceArchitectureTest {
    @Override
    protected String basePackage() {
        return "nl.rotterdam.schoolsafe.subsidy";
    }
}
