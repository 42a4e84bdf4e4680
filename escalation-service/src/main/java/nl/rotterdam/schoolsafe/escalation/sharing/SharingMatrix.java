package nl.rotterdam.schoolsafe.escalation.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The sharing matrix as data (sharing-matrix.csv): per field and recipient, what may be seen. */
@ApplicationScoped
public class SharingMatrix {
    /** A row of the matrix. */
    public enum Field {
        BASICS,
        SUMMARY,
        INVOLVED_PERSONS,
        INVOLVED_SCHOOLS,
        POLICE_REPORT_STATUS,
        FOLLOW_UP_MEASURES
    }

    /** A cell of the matrix. */
    public enum Access {
        FULL,
        NONE,
        OWN_STUDENTS_ONLY,
        DISTRICT_ONLY,
        IF_REFERRAL_ACCEPTED
    }

    private final Map<Field, Map<Recipient, Access>> cells;

    public SharingMatrix() {
        this(SharingMatrix.class.getResourceAsStream("/sharing-matrix.csv"));
    }

    SharingMatrix(InputStream csv) {
        this.cells = parse(csv);
    }

    public Access access(Field field, Recipient recipient) {
        return cells.get(field).get(recipient);
    }

    private static Map<Field, Map<Recipient, Access>> parse(InputStream csv) {
        if (csv == null) {
            throw new IllegalStateException("sharing-matrix.csv is missing");
        }
        Map<Field, Map<Recipient, Access>> cells = new EnumMap<>(Field.class);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
            String[] header = lines.get(0).split(",");
            for (String line : lines.subList(1, lines.size())) {
                String[] values = line.split(",");
                Map<Recipient, Access> row = new EnumMap<>(Recipient.class);
                for (int i = 1; i < header.length; i++) {
                    row.put(Recipient.valueOf(header[i].trim()), Access.valueOf(values[i].trim()));
                }
                cells.put(Field.valueOf(values[0].trim()), row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Field field : Field.values()) {
            if (!cells.containsKey(field) || cells.get(field).size() != Recipient.values().length) {
                throw new IllegalStateException("sharing-matrix.csv must give every recipient a value for " + field);
            }
        }
        return cells;
    }
}
