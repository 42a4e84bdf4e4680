package nl.rotterdam.schoolsafe.platform.http;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a cursor-paginated list; pass {@code nextCursor} as {@code cursor} for the next page. */
public record Page<T>(
        @Schema(description = "The rows of this page, at most limit", required = true)
        List<T> items,

        @Schema(
                description = "Cursor of the next page; null on the last page",
                required = true,
                nullable = true,
                example = "MjAyNi0xMS0zMFQwODoxNTowMFp8M2YyYjhjMWUtN2Q0YS00ZTBi")
        String nextCursor) {

    /** The page from rows fetched with {@code limit + 1}; the cursor names the last row shown. */
    public static <E, T> Page<T> from(List<E> fetched, int limit, Function<E, T> view, Function<E, String> cursorOf) {
        boolean more = fetched.size() > limit;
        List<E> shown = more ? fetched.subList(0, limit) : fetched;
        return new Page<>(shown.stream().map(view).toList(), more ? cursorOf.apply(shown.get(shown.size() - 1)) : null);
    }
}
