package nl.rotterdam.schoolsafe.knowledge.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One programme or training of the safety offer (aanbod). Its search vector is computed by the
 * database from title, description and provider (Dutch configuration), never written from here.
 */
@Entity
public class Offering extends AggregateRoot {
    @Id
    private UUID id;

    private String code;
    private String title;
    private String provider;
    private String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] themes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] audiences;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] sectors;

    private String cost;

    @Enumerated(EnumType.STRING)
    @Column(name = "evidence_level")
    private EvidenceLevel evidenceLevel;

    private String contact;
    private String website;

    protected Offering() {}

    static Offering create(OfferingRequest request) {
        Offering offering = new Offering();
        offering.id = UUID.randomUUID();
        offering.code = request.code();
        offering.describe(request);
        return offering;
    }

    /** Replaces the description of the offer; the code stays, as rules and links refer to it. */
    void revise(OfferingRequest request) {
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "cannot change; it was " + code);
        }
        describe(request);
    }

    private void describe(OfferingRequest request) {
        title = request.title();
        provider = request.provider();
        description = request.description();
        themes = names(request.themes());
        audiences = names(request.audiences());
        sectors = names(request.sectors());
        cost = request.cost();
        evidenceLevel = request.evidenceLevel();
        contact = request.contact();
        website = request.website();
        registerEvent(new OfferingDescribed(this));
    }

    private static String[] names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).distinct().toArray(String[]::new);
    }

    private static <E extends Enum<E>> List<E> values(String[] names, Class<E> type) {
        return Arrays.stream(names).map(name -> Enum.valueOf(type, name)).toList();
    }

    @Override
    public String aggregateType() {
        return "offering";
    }

    @Override
    public String aggregateId() {
        return id.toString();
    }

    /** The catalog is the municipality's. */
    @Override
    public String owner() {
        return "municipality";
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("title", title);
        fields.put("provider", provider);
        fields.put("description", description);
        fields.put("themes", List.of(themes));
        fields.put("audiences", List.of(audiences));
        fields.put("sectors", List.of(sectors));
        fields.put("cost", cost);
        fields.put("evidenceLevel", evidenceLevel);
        fields.put("contact", contact);
        fields.put("website", website);
        return fields;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String provider() {
        return provider;
    }

    public String description() {
        return description;
    }

    public List<Theme> themes() {
        return values(themes, Theme.class);
    }

    public List<Audience> audiences() {
        return values(audiences, Audience.class);
    }

    public List<Sector> sectors() {
        return values(sectors, Sector.class);
    }

    public String cost() {
        return cost;
    }

    public EvidenceLevel evidenceLevel() {
        return evidenceLevel;
    }

    public String contact() {
        return contact;
    }

    public String website() {
        return website;
    }
}
