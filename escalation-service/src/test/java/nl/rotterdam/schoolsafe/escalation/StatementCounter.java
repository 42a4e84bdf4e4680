package nl.rotterdam.schoolsafe.escalation;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the calling thread while {@link #during} runs; the consumers and
 * relays working on other threads at the same time are not counted.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementCounter implements StatementInspector {
    private static final ThreadLocal<List<String>> COUNTING = new ThreadLocal<>();

    /** The statements {@code work} issued, in order, and its result. */
    public static <T> Counted<T> during(Callable<T> work) throws Exception {
        List<String> statements = new ArrayList<>();
        COUNTING.set(statements);
        try {
            return new Counted<>(work.call(), statements);
        } finally {
            COUNTING.remove();
        }
    }

    public record Counted<T>(T result, List<String> statements) {}

    @Override
    public String inspect(String sql) {
        List<String> statements = COUNTING.get();
        if (statements != null) {
            statements.add(sql);
        }
        return sql;
    }
}
