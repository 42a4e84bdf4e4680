package nl.rotterdam.schoolsafe.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseProblemsTest {

    @Test
    void aTakenUniqueKeyIsAConflictNamingItsFieldsNotTheConstraint() {
        SQLException unique = new SQLException(
                "ERROR: duplicate key value violates unique constraint \"school_location_brin_location_number_key\"\n"
                        + "  Detail: Key (brin, location_number)=(30BR, 01) already exists.",
                "23505");
        ProblemException problem = DatabaseProblems.of(new RuntimeException("flush failed", unique))
                .orElseThrow();
        assertEquals(409, problem.status());
        Problem body = problem.toProblem("/x");
        assertEquals(
                java.util.List.of("brin", "locationNumber"),
                body.errors().stream().map(Problem.FieldError::field).toList());
        assertTrue(!body.detail().contains("school_location_brin"), body.detail());
    }

    @Test
    void aDatabaseThatCannotBeReachedIsA503() {
        ProblemException problem = DatabaseProblems.of(
                        new RuntimeException(new SQLTransientConnectionException("refused", "08001")))
                .orElseThrow();
        assertEquals(503, problem.status());
    }

    @Test
    void anyOtherFailureIsNotADatabaseProblem() {
        assertTrue(DatabaseProblems.of(new IllegalStateException("bug")).isEmpty());
    }
}
