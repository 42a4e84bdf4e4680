package nl.rotterdam.schoolsafe.platform.http;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pagination over (a timestamp, the id) for a JPQL list: the condition after the cursor,
 * the stable order, and the page with the cursor of its last row.
 */
public record Keyset(String timeField, String idField, boolean newestFirst) {

    public static Keyset newestFirst(String timeField, String idField) {
        return new Keyset(timeField, idField, true);
    }

    public static Keyset oldestFirst(String timeField, String idField) {
        return new Keyset(timeField, idField, false);
    }

    /** The condition for the rows after {@code cursor} (an empty string without one); binds its parameters. */
    public String after(String cursor, Map<String, Object> parameters) {
        if (cursor == null) {
            return "";
        }
        Cursor position = Cursor.decode(cursor, 2);
        parameters.put("cursorAt", position.time(0));
        parameters.put("cursorId", position.id(1));
        String beyond = newestFirst ? "<" : ">";
        // a row-value comparison: an index on (time, id) bounds it, where "t < c or (t = c and id < i)" is a filter
        return " and (" + timeField + ", " + idField + ") " + beyond + " (:cursorAt, :cursorId)";
    }

    public String orderBy() {
        String direction = newestFirst ? " desc" : "";
        return " order by " + timeField + direction + ", " + idField + direction;
    }

    /** The page from rows fetched with {@code limit + 1}: one row more means there is a next page. */
    public <E, T> Page<T> page(
            List<E> fetched, int limit, Function<E, OffsetDateTime> time, Function<E, UUID> id, Function<E, T> view) {
        return Page.from(fetched, limit, view, last -> Cursor.encode(time.apply(last), id.apply(last)));
    }
}
