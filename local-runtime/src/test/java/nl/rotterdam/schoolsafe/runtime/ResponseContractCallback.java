package nl.rotterdam.schoolsafe.runtime;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Puts the response-contract check on every {@code @QuarkusTest}'s RestAssured, inside the test's class loader. */
public class ResponseContractCallback implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ResponseContract.install();
    }
}
