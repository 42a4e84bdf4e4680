package nl.rotterdam.schoolsafe.runtime;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data loaded through the gateway, as a real client would: the action plan's boards (BOOR,
 * CVO, LMC, Albeda, Zadkine) with invented locations across the districts, and a few incidents.
 */
public final class DemoData {
    public record Location(String id, String name, String boardId, String sector, String district, int pupils) {}

    public static final Map<String, String> BOARDS = boards();
    public static final List<Location> LOCATIONS = List.of(
            new Location("30BR01", "Lyceum Delfshaven", "boor", "VO", "delfshaven", 850),
            new Location("30BR02", "Praktijkschool Charlois", "boor", "VSO", "charlois", 240),
            new Location("31CV01", "CVO College Noord", "cvo", "VO", "noord", 1100),
            new Location("31CV02", "CVO Scholengemeenschap Prins Alexander", "cvo", "VO", "prins-alexander", 1300),
            new Location("32LM01", "LMC Vakcollege Feijenoord", "lmc", "VO", "feijenoord", 600),
            new Location("25AL01", "Albeda Zuidplein", "albeda", "MBO", "charlois", 3200),
            new Location("25ZK01", "Zadkine Centrum", "zadkine", "MBO", "centrum", 2800),
            new Location("29BO01", "OBS De Kameleon", "boor", "PO", "delfshaven", 420),
            new Location("29BO02", "SO De Piramide", "boor", "SO", "charlois", 110));

    /** Partner organisations of the city's safety network: id → {name, kind}. */
    public static final Map<String, List<String>> PARTNERS = Map.of(
            "police", List.of("Politie Rotterdam", "POLICE"),
            "zvhrr", List.of("Zorg- en Veiligheidshuis Rotterdam Rijnmond", "ZVHRR"),
            "joz", List.of("Stedelijk team jongerenwerk (JOZ)", "YOUTH_WORK"),
            "jeugdhandhavers", List.of("Jeugdhandhavers Rotterdam", "YOUTH_ENFORCERS"),
            "halt", List.of("Halt", "HALT"),
            "pshi", List.of("PSHi Rotterdam-Rijnmond", "PSHI"));

    /** The demo identity per role of docs/architecture.md §4, with the tenant claims that role carries. */
    public static final Map<String, Tokens.Holder> ROLES = roles();

    private final GatewayClient gateway;
    private final Tokens tokens;

    public DemoData(String gateway, Tokens tokens) {
        this.gateway = new GatewayClient(gateway);
        this.tokens = tokens;
    }

    private static Map<String, String> boards() {
        Map<String, String> boards = new LinkedHashMap<>();
        boards.put("boor", "BOOR");
        boards.put("cvo", "CVO");
        boards.put("lmc", "LMC");
        boards.put("albeda", "Albeda");
        boards.put("zadkine", "Zadkine");
        return boards;
    }

    private static Map<String, Tokens.Holder> roles() {
        Map<String, Tokens.Holder> roles = new LinkedHashMap<>();
        roles.put("SCHOOL_STAFF", Tokens.Holder.school("demo-staff-lyceum-delfshaven", "SCHOOL_STAFF", "30BR01"));
        roles.put(
                "SAFETY_COORDINATOR",
                Tokens.Holder.school("demo-coordinator-lyceum-delfshaven", "SAFETY_COORDINATOR", "30BR01"));
        roles.put("BOARD", Tokens.Holder.board("demo-board-boor", "boor"));
        roles.put("MUNICIPALITY", Tokens.Holder.of("demo-municipality", "MUNICIPALITY"));
        roles.put(
                "COMPULSORY_EDUCATION_OFFICER",
                Tokens.Holder.of("demo-compulsory-education-officer", "COMPULSORY_EDUCATION_OFFICER"));
        roles.put("SAFETY_EXPERT", Tokens.Holder.expert("demo-expert-delfshaven", "delfshaven"));
        roles.put("PARTNER", Tokens.Holder.partner("demo-police", "police"));
        roles.put("ADMIN", Tokens.Holder.of("demo-admin", "ADMIN"));
        return Map.copyOf(roles);
    }

    /** Loads the register (idempotent) and, on a first run only, a few incidents. Returns the incident count added. */
    public int load() {
        String admin = tokens.mint(ROLES.get("ADMIN"));
        boolean firstRun =
                !gateway.get("/api/v1/register/school-locations", admin).contains("30BR01");
        BOARDS.forEach((id, name) ->
                gateway.send("PUT", "/api/v1/register/boards/" + id, admin, "{\"name\":\"" + name + "\"}"));
        PARTNERS.forEach((id, partner) -> gateway.send(
                "PUT",
                "/api/v1/register/partners/" + id,
                admin,
                "{\"name\":\"" + partner.get(0) + "\",\"kind\":\"" + partner.get(1) + "\"}"));
        for (Location l : LOCATIONS) {
            gateway.send("PUT", "/api/v1/register/school-locations/" + l.id(), admin, """
                    {"brin":"%s","locationNumber":"%s","name":"%s","boardId":"%s","sector":"%s","district":"%s","pupilCount":%d}""".formatted(
                            l.id().substring(0, 4),
                            l.id().substring(4),
                            l.name(),
                            l.boardId(),
                            l.sector(),
                            l.district(),
                            l.pupils()));
        }
        String year = schoolYear(OffsetDateTime.now(ZoneOffset.UTC));
        gateway.send(
                "POST",
                "/api/v1/subsidies/programmes",
                tokens.mint(ROLES.get("MUNICIPALITY")),
                "demo-programme-" + year,
                """
                {"schoolYear":"%s","name":"Agressie en seksuele weerbaarheid vo/mbo %s","method":"URGENCY_ROUND","fourEyesAboveCents":1000000,
                 "pots":[{"sector":"VO","amountCents":8000000},{"sector":"MBO","amountCents":8000000}]}""".formatted(year, year));
        // the quality budget (council answers 5 to 7): one pot for po, vo, so and vso, evidence-based or -informed only
        gateway.send(
                "POST",
                "/api/v1/subsidies/programmes",
                tokens.mint(ROLES.get("MUNICIPALITY")),
                "demo-quality-budget-" + year,
                """
                {"schoolYear":"%s","name":"Kwaliteitsbudget po/vo/so/vso %s","method":"FORMULA","fourEyesAboveCents":1000000,
                 "pots":[{"sector":"PO_VO_SO_VSO","amountCents":1670000000}],
                 "acceptedEvidenceLevels":["EVIDENCE_BASED","EVIDENCE_INFORMED"]}""".formatted(year, year));
        if (!firstRun) {
            return 0;
        }
        String staff = tokens.mint(ROLES.get("SCHOOL_STAFF"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        List<String> incidents = List.of(
                incident(
                        now.minusDays(3),
                        "PUBLIC_TRANSPORT",
                        "THREAT",
                        "HIGH",
                        "Two students threatened each other on the metro after a dispute online.",
                        "[{\"role\":\"VICTIM\",\"kind\":\"STUDENT\",\"studentNumber\":\"DEMO-1001\",\"minor\":true},"
                                + "{\"role\":\"SUSPECT\",\"kind\":\"STUDENT\",\"studentNumber\":\"DEMO-2002\",\"schoolLocationId\":\"31CV01\"}]"),
                incident(
                        now.minusDays(1),
                        "IN_SCHOOL",
                        "BULLYING",
                        "LOW",
                        "Repeated name-calling in class; the mentor talked with both students.",
                        "[{\"role\":\"VICTIM\",\"kind\":\"STUDENT\",\"studentNumber\":\"DEMO-1003\"}]"),
                incident(
                        now.minusHours(5),
                        "SCHOOL_SURROUNDINGS",
                        "WEAPON",
                        "CRITICAL",
                        "A knife was seen near the school entrance; police were called.",
                        "[{\"role\":\"SUSPECT\",\"kind\":\"EXTERNAL\"},{\"role\":\"WITNESS\",\"kind\":\"STAFF\"}]"));
        List<String> ids = incidents.stream()
                .map(body -> gateway.send("POST", "/api/v1/incidents", staff, body))
                .map(DemoData::idOf)
                .toList();
        gateway.send(
                "PUT",
                "/api/v1/incidents/" + ids.get(0) + "/shareable-summary",
                tokens.mint(ROLES.get("SAFETY_COORDINATOR")),
                "{\"text\":\"Threats between students of two schools after an online dispute; continued on the metro.\"}");
        new KnowledgeDemoData(gateway, tokens).load();
        return incidents.size();
    }

    private static String incident(
            OffsetDateTime occurredAt,
            String locationType,
            String category,
            String severity,
            String description,
            String persons) {
        return """
                {"schoolLocationId":"30BR01","occurredAt":"%s","locationType":"%s","category":"%s","severity":"%s",
                 "description":"%s","involvedPersons":%s}""".formatted(occurredAt, locationType, category, severity, description, persons);
    }

    /** The school year (schooljaar) a date falls in; it starts on 1 August. */
    static String schoolYear(OffsetDateTime date) {
        int start = date.getMonthValue() >= 8 ? date.getYear() : date.getYear() - 1;
        return start + "-" + (start + 1);
    }

    private static String idOf(String json) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json.length() + " characters of answer");
        }
        return id.group(1);
    }
}
