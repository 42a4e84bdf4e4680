package nl.rotterdam.schoolsafe.runtime;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Demo data of the knowledge-service loaded through the gateway as the municipality would: a few
 * expert sessions, VOS statuses for the demo locations and this school year's work agenda. The
 * catalog and the plan's agenda are reference data of the service itself. Idempotent: what is
 * there already is left alone.
 */
public final class KnowledgeDemoData {
    private static final ZoneId ROTTERDAM = ZoneId.of("Europe/Amsterdam");

    private record Session(String kind, String title, int daysAhead, int capacity, String place, String onlineLink) {}

    private static final List<Session> SESSIONS = List.of(
            new Session(
                    "SEXUAL_RESILIENCE",
                    "Stadsbrede expertsessie seksuele weerbaarheid onder jongeren",
                    30,
                    60,
                    "Stadhuis Rotterdam, Coolsingel 40",
                    null),
            new Session(
                    "CITY_MARINE_KNOWLEDGE",
                    "Kennissessie criminaliteit in het onderwijs met OM en politie",
                    45,
                    40,
                    "Politiebureau Zuidplein",
                    "https://meet.rotterdam.nl/kennissessie-stadsmarinier"),
            new Session(
                    "OTHER",
                    "Expertsessie agressie en straatcultuur in de klas",
                    20,
                    10,
                    null,
                    "https://meet.rotterdam.nl/expertsessie-agressie"));

    private final GatewayClient gateway;
    private final Tokens tokens;

    KnowledgeDemoData(GatewayClient gateway, Tokens tokens) {
        this.gateway = gateway;
        this.tokens = tokens;
    }

    public void load() {
        String municipality = tokens.mint(DemoData.ROLES.get("MUNICIPALITY"));
        String known = gateway.get("/api/v1/sessions?startsFrom=2000-01-01T00:00:00Z&limit=100", municipality);
        OffsetDateTime today = OffsetDateTime.now(ROTTERDAM).truncatedTo(ChronoUnit.DAYS);
        String schoolYear = DemoData.schoolYear(today);
        for (Session s : SESSIONS) {
            if (known.contains(s.title())) {
                continue;
            }
            OffsetDateTime start = today.plusDays(s.daysAhead()).withHour(14);
            String created = gateway.send("POST", "/api/v1/sessions", municipality, """
                    {"kind":"%s","title":"%s","organiser":"Gemeente Rotterdam","startsAt":"%s","endsAt":"%s",%s%s"capacity":%d,
                     "audiences":["TEACHERS","TEAMS"],"registrationDeadline":"%s"}""".formatted(
                            s.kind(),
                            s.title(),
                            start,
                            start.plusHours(2),
                            s.place() == null ? "" : "\"place\":\"" + s.place() + "\",",
                            s.onlineLink() == null ? "" : "\"onlineLink\":\"" + s.onlineLink() + "\",",
                            s.capacity(),
                            start.minusDays(3)));
            if (s.kind().equals("OTHER")) {
                String id = created.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
                gateway.send(
                        "POST",
                        "/api/v1/sessions/" + id + "/registrations",
                        tokens.mint(DemoData.ROLES.get("SCHOOL_STAFF")),
                        "{\"schoolLocationId\":\"30BR01\"}");
            }
        }
        LocalDate date = today.toLocalDate();
        int i = 0;
        for (DemoData.Location location : DemoData.LOCATIONS) {
            String path = "/api/v1/vos/school-locations/" + location.id();
            if (gateway.find(path, municipality).isPresent()) {
                i++;
                continue;
            }
            // a spread of statuses, with a few audits due within 90 days for the account managers' list
            String status = switch (i++ % 4) {
                case 0 -> status("CERTIFIED", date.minusYears(2).plusDays(40), date.plusDays(40));
                case 1 -> status("CERTIFIED", date.minusMonths(10), date.plusMonths(14));
                case 2 -> status("IN_PREPARATION", null, date.plusDays(75));
                default -> status("NOT_STARTED", null, null);
            };
            gateway.send("PUT", path, municipality, status);
        }
        for (int measure : List.of(6, 8, 12, 13)) {
            if (!gateway.get("/api/v1/work-agenda/measures/" + measure, municipality)
                    .contains(schoolYear)) {
                gateway.send(
                        "PUT",
                        "/api/v1/work-agenda/measures/" + measure + "/school-years/" + schoolYear,
                        municipality,
                        "{\"status\":\"RUNNING\",\"progressNotes\":\"Demo: loopt in de werkagenda van dit schooljaar.\"}");
            }
        }
    }

    private static String status(String certificate, LocalDate last, LocalDate next) {
        return "{\"certificateStatus\":\"%s\"%s%s}"
                .formatted(
                        certificate,
                        last == null ? "" : ",\"lastAuditOn\":\"" + last + "\"",
                        next == null ? "" : ",\"nextAuditDue\":\"" + next + "\"");
    }
}
