package nl.rotterdam.schoolsafe.platform.http;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a cursor-paginated list; pass {@code nextCursor} as {@code cursor} for the next page. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Cursor of the next page; absent on the last page") String nextCursor) {
}
