package nl.rotterdam.schoolsafe.incident.policereport;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import nl.rotterdam.schoolsafe.incident.incident.InvolvementRoute;

/** A route other than a police report that a school may take with the police or enforcement (measure 9), as data. */
@Entity
@Table(name = "involvement_route")
public class Route extends PanacheEntityBase {
    /** The register stays small: a handful of routes agreed in the city's covenant. */
    static final int MAX_ROUTES = 50;

    @Id
    String code;

    String name;

    boolean active;

    protected Route() {}

    static List<Route> current() {
        return Route.<Route>find("active = true order by code")
                .page(0, MAX_ROUTES)
                .list();
    }

    /** The route of this code if a school may take it now. */
    static Optional<InvolvementRoute> open(String code) {
        return Route.<Route>findByIdOptional(code).filter(r -> r.active).map(r -> new InvolvementRoute(r.code));
    }
}
