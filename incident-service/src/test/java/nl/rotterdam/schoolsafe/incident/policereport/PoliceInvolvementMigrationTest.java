package nl.rotterdam.schoolsafe.incident.policereport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Incidents decided under the old police-report states reach the new ones with their history (V9). */
@QuarkusTest
class PoliceInvolvementMigrationTest {
    private static final String SCHEMA = "police_involvement_migration";
    private static final String FILED = "00000000-0000-0000-0000-00000000f11e";
    private static final String NOT_FILED = "00000000-0000-0000-0000-0000000000ff";

    // connections of their own, outside the service's pool: a search path set here must not reach the service
    private static final Config CONFIG = ConfigProvider.getConfig();
    private static final String URL = CONFIG.getValue("quarkus.datasource.jdbc.url", String.class);
    private static final String USER = CONFIG.getValue("quarkus.datasource.username", String.class);
    private static final String PASSWORD = CONFIG.getValue("quarkus.datasource.password", String.class);

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(URL, USER, PASSWORD)
                .schemas(SCHEMA)
                .locations("db/platform", "db/migration")
                .target(target)
                .cleanDisabled(false)
                .load();
    }

    @Test
    void movesPoliceConsultedAndNotFiledToTheNewStatesKeepingEveryStep() throws SQLException {
        flyway("latest").clean();
        flyway("8").migrate();
        try (Connection connection = connect();
                Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + SCHEMA);
            sql.execute("insert into board (id, name, updated_at, version) values ('boor', 'BOOR', now(), 0)");
            sql.execute("insert into school_location (id, brin, location_number, name, board_id, sector, district_id,"
                    + " pupil_count, updated_at, version) values ('30BR01', '30BR', '01', 'Lyceum', 'boor', 'VO',"
                    + " 'delfshaven', 800, now(), 0)");
            for (String[] incident : List.of(new String[] {FILED, "FILED"}, new String[] {NOT_FILED, "NOT_FILED"})) {
                sql.execute("insert into incident (id, school_location_id, district_id, location_type, category,"
                        + " severity, description, occurred_at, reported_at, status, registered_by, version, sector,"
                        + " police_report_status, police_report_reason) values ('" + incident[0] + "', '30BR01',"
                        + " 'delfshaven', 'IN_SCHOOL', 'THREAT', 'HIGH', 'd', now(), now(), 'REGISTERED', 'c', 3, 'VO',"
                        + " '" + incident[1] + "', 'the reason')");
            }
            sql.execute("insert into police_report_step (incident_id, position, status, taken_at, taken_by, reason)"
                    + " values ('" + FILED + "', 0, 'CONSIDERING', '2025-03-01T10:00Z', 'c1', null),"
                    + " ('" + FILED + "', 1, 'POLICE_CONSULTED', '2025-03-02T10:00Z', 'c1', null),"
                    + " ('" + FILED + "', 2, 'FILED', '2025-03-03T10:00Z', 'c2', null),"
                    + " ('" + NOT_FILED + "', 0, 'CONSIDERING', '2025-04-01T10:00Z', 'c1', null),"
                    + " ('" + NOT_FILED + "', 1, 'NOT_FILED', '2025-04-02T10:00Z', 'c1', 'the reason')");
        }

        flyway("9").migrate();

        try (Connection connection = connect();
                Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + SCHEMA);
            sql.execute("set timezone to 'UTC'");
            assertEquals(
                    List.of(FILED + " FILED the reason", NOT_FILED + " NO_ACTION the reason"),
                    rows(
                            sql,
                            "select id || ' ' || police_report_status || ' ' || police_report_reason from incident"
                                    + " order by id desc"));
            assertEquals(
                    List.of(
                            FILED + " 0 CONSIDERING c1",
                            FILED + " 1 CONSULTED c1",
                            FILED + " 2 FILED c2",
                            NOT_FILED + " 0 CONSIDERING c1",
                            NOT_FILED + " 1 NO_ACTION c1"),
                    rows(
                            sql,
                            "select incident_id || ' ' || position || ' ' || status || ' ' || taken_by"
                                    + " from police_report_step order by incident_id desc, position"));
            assertEquals(
                    List.of(FILED + " POLICE 2025-03-02 10:00:00+00 c1"),
                    rows(
                            sql,
                            "select incident_id || ' ' || party || ' ' || consulted_at"
                                    + " || ' ' || recorded_by from police_consultation"));
        } finally {
            flyway("latest").clean();
        }
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
