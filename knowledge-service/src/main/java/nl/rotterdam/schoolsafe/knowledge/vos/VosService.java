package nl.rotterdam.schoolsafe.knowledge.vos;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.rotterdam.schoolsafe.knowledge.recommendation.IncidentTrends;
import nl.rotterdam.schoolsafe.knowledge.register.SchoolTenancy;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;

@ApplicationScoped
public class VosService {
    private final SchoolTenancy tenancy;
    private final Changes changes;
    private final Clock clock;

    VosService(SchoolTenancy tenancy, Changes changes, Clock clock) {
        this.tenancy = tenancy;
        this.changes = changes;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(IncidentTrends.ROTTERDAM));
    }

    /** The municipality and admin see every location; staff and boards their own; anyone else nothing (404). */
    @Transactional
    public Optional<Versioned<VosView>> read(String schoolLocationId, Caller caller) {
        if (!maintainer(caller) && !tenancy.ownLocation(caller, schoolLocationId)) {
            return Optional.empty();
        }
        return VosStatus.<VosStatus>findByIdOptional(schoolLocationId)
                .map(s -> new Versioned<>(VosView.of(s, today()), s.version()));
    }

    /** Records a location's status: the first time without If-Match, afterwards with the ETag read. */
    @Transactional
    public Versioned<VosView> record(String schoolLocationId, String ifMatch, VosRequest request, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<VosStatus> existing = VosStatus.findByIdOptional(schoolLocationId);
        VosStatus status = existing.isEmpty()
                ? changes.create(
                        VosStatus.first(schoolLocationId, request, caller.subject(), now), caller.subject(), "record")
                : changes.of(existing, "VOS status of " + schoolLocationId)
                        .ifMatch(ifMatch)
                        .by(caller.subject())
                        .apply("record", s -> s.record(request, caller.subject(), now));
        return new Versioned<>(VosView.of(status, today()), status.version());
    }

    /** Audits due within the coming days, overdue ones included, soonest first. */
    @Transactional
    public List<VosView> auditsDue(int withinDays) {
        LocalDate today = today();
        return VosStatus.<VosStatus>list(
                        "nextAuditDue <= ?1 order by nextAuditDue, schoolLocationId", today.plusDays(withinDays))
                .stream()
                .map(s -> VosView.of(s, today))
                .toList();
    }

    static boolean maintainer(Caller caller) {
        return caller.role() == Role.MUNICIPALITY || caller.role() == Role.ADMIN;
    }
}
