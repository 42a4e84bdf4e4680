package nl.rotterdam.schoolsafe.knowledge.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One programme or training of the safety offer (aanbod). Its search vector is computed by the
 * database from title, description and provider (Dutch configuration), never written from here.
 */
@Entity
public class Offering extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String title;
    public String provider;
    public String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] themes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] audiences;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] sectors;
    public String cost;
    @Enumerated(EnumType.STRING)
    @Column(name = "evidence_level")
    public EvidenceLevel evidenceLevel;
    public String contact;
    public String website;
    @Version
    public long version;

    protected Offering() {
    }

    static Offering create(OfferingRequest request) {
        Offering offering = new Offering();
        offering.id = UUID.randomUUID();
        offering.code = request.code();
        offering.describe(request);
        return offering;
    }

    /** Replaces the description of the offer; the code stays, as rules and links refer to it. */
    void describe(OfferingRequest request) {
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
    }

    private static String[] names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).distinct().toArray(String[]::new);
    }

    static <E extends Enum<E>> List<E> values(String[] names, Class<E> type) {
        return Arrays.stream(names).map(name -> Enum.valueOf(type, name)).toList();
    }
}
