package nl.rotterdam.schoolsafe.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body collecting every unreadable field; if any, validates what could be read
 * too and answers one 400 naming every bad field, first message per field.
 */
@Provider
public class BodyReading implements ReaderInterceptor {
    private final Validator validator;

    BodyReading(Validator validator) {
        this.validator = validator;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        BodyProblems.start();
        Object body;
        List<Problem.FieldError> unreadable;
        try {
            body = context.proceed();
        } finally {
            unreadable = BodyProblems.finish();
        }
        if (unreadable.isEmpty()) {
            return body;
        }
        Map<String, Problem.FieldError> byField = new LinkedHashMap<>();
        unreadable.forEach(e -> byField.putIfAbsent(e.field(), e));
        if (body != null) {
            for (ConstraintViolation<Object> violation : validator.validate(body)) {
                String field = ProblemMappers.fieldOf(violation);
                byField.putIfAbsent(field, new Problem.FieldError(field, violation.getMessage()));
            }
        }
        List<Problem.FieldError> errors = new ArrayList<>(byField.values());
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        throw ProblemException.invalid(errors);
    }

    /** Installs the collecting handler on the application's ObjectMapper. */
    @Singleton
    public static class Customizer implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.addHandler(new BodyProblems());
        }
    }
}
