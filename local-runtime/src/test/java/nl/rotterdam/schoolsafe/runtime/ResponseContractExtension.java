package nl.rotterdam.schoolsafe.runtime;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The response-contract check for the system tests, which use RestAssured without Quarkus. */
public class ResponseContractExtension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        ResponseContract.install();
    }
}
