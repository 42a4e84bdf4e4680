package nl.rotterdam.schoolsafe.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/**
 * {@code Idempotency-Key} for creating POSTs. The key is claimed in the creating transaction, so
 * concurrent retries wait for the first and then get its result; the same key with another body
 * is refused.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    /** What a key may be; the published document states it. */
    public static final String KEY_PATTERN = "^[A-Za-z0-9_.:-]{1,100}$";

    public static final int KEY_MAX_LENGTH = 100;
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    private final EntityManager entityManager;
    private final ObjectMapper json;

    Idempotency(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** The outcome: the resource's id, and whether it was created by an earlier request with this key. */
    public record Outcome(String resourceId, boolean replayed) {}

    /**
     * Runs {@code create} once per (scope, key); without a key it simply runs. Must be called in
     * the transaction that creates the resource.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome once(String scope, String key, Object request, Supplier<String> create) {
        if (key == null) {
            return new Outcome(create.get(), false);
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 100 letters, digits or -_.:");
        }
        String hash = hash(request);
        int claimed = entityManager
                .createNativeQuery(
                        "INSERT INTO idempotency_key (scope, key, request_hash) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, hash)
                .executeUpdate();
        if (claimed == 0) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager
                    .createNativeQuery(
                            "SELECT request_hash, resource_id FROM idempotency_key WHERE scope = ?1 AND key = ?2")
                    .setParameter(1, scope)
                    .setParameter(2, key)
                    .getResultList();
            Object[] row = rows.get(0);
            if (!hash.equals(row[0])) {
                throw new ProblemException(
                        422,
                        "idempotency-key-reused",
                        "Idempotency-Key reused",
                        "this Idempotency-Key was used before with a different request body",
                        List.of(),
                        java.util.Map.of());
            }
            return new Outcome(Optional.ofNullable((String) row[1]).orElseThrow(), true);
        }
        String id = create.get();
        entityManager
                .createNativeQuery("UPDATE idempotency_key SET resource_id = ?3 WHERE scope = ?1 AND key = ?2")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, id)
                .executeUpdate();
        return new Outcome(id, false);
    }

    private String hash(Object request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
