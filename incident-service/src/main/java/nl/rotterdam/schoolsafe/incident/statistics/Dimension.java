package nl.rotterdam.schoolsafe.incident.statistics;

import java.util.Arrays;
import java.util.Optional;

/** What statistics may be grouped by; never by school location, so no cell singles one out by design. */
public enum Dimension {
    DISTRICT("district", "i.district_id"),
    SECTOR("sector", "i.sector"),
    CATEGORY("category", "i.category"),
    // grouped on the stored month (a date) and labelled after grouping, so no row is formatted
    MONTH("month", "i.occurred_month") {
        @Override
        String label(Object value) {
            // the first of the month, yyyy-mm-dd
            return String.valueOf(value).substring(0, 7);
        }
    },
    POLICE_REPORT_STATUS("policeReportStatus", "i.police_report_status");

    private final String parameter;
    private final String column;

    Dimension(String parameter, String column) {
        this.parameter = parameter;
        this.column = column;
    }

    public String parameter() {
        return parameter;
    }

    String column() {
        return column;
    }

    /** A group's value as the table names it. */
    String label(Object value) {
        return String.valueOf(value);
    }

    public static Optional<Dimension> ofParameter(String value) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(value)).findFirst();
    }
}
