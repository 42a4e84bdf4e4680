package nl.rotterdam.schoolsafe.gateway;

import nl.rotterdam.schoolsafe.runtime.ServiceArchitectureTest;

class GatewayArchitectureTest extends ServiceArchitectureTest {
    @Override
    protected String basePackage() {
        return "nl.rotterdam.schoolsafe.gateway";
    }
}
