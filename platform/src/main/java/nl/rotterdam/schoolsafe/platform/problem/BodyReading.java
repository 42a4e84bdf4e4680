package nl.rotterdam.schoolsafe.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Arrays;
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
        context.setInputStream(withoutByteOrderMark(context.getInputStream()));
        BodyProblems.start();
        Object body = null;
        List<Problem.FieldError> unreadable;
        try {
            body = context.proceed();
            unreadable = BodyProblems.finish();
        } catch (JsonProcessingException e) {
            // what was collected before the reader gave up counts too: every bad field at once
            unreadable = new ArrayList<>(BodyProblems.finish());
            unreadable.add(ProblemMappers.describe(e));
        } catch (RuntimeException | IOException e) {
            BodyProblems.finish();
            throw e;
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

    /** A UTF-8 byte order mark is refused rather than skipped: JSON texts must not begin with one (RFC 8259 §8.1). */
    private static InputStream withoutByteOrderMark(InputStream body) throws IOException {
        PushbackInputStream stream = new PushbackInputStream(body, BOM.length);
        byte[] start = stream.readNBytes(BOM.length);
        if (Arrays.equals(start, BOM)) {
            throw ProblemException.invalid("body", "starts with a byte order mark; send UTF-8 without one");
        }
        stream.unread(start);
        return stream;
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Installs the collecting handler on the application's ObjectMapper. */
    @Singleton
    public static class Customizer implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.addHandler(new BodyProblems());
        }
    }
}
