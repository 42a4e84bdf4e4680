package nl.rotterdam.schoolsafe.incident.register;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;

/**
 * Maintains the reference register; every save publishes the whole entry on the compacted
 * register topic. A save creates the entry or replaces it: the id is the key.
 */
@ApplicationScoped
public class RegisterService {
    /** The audit trail files register changes under the register itself: it belongs to no school. */
    static final String OWNER = "register";

    private final Changes changes;
    private final Clock clock;

    /**
     * Each register lists in one answer, so each is bounded: Rotterdam has some 200 school locations, 40 boards and a
     * dozen partners; a register that reaches this many refuses a new entry instead of growing a list without end.
     */
    public static final int MAX_ENTRIES = 1000;

    RegisterService(Changes changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public List<District> districts() {
        return District.listAll(Sort.by("name"));
    }

    public Optional<District> district(String id) {
        return District.findByIdOptional(id);
    }

    public List<Board> boards() {
        return Board.<Board>listAll(Sort.by("name")).stream()
                .filter(b -> !b.retired())
                .toList();
    }

    public List<SchoolLocation> schoolLocations() {
        return SchoolLocation.listAll(Sort.by("name"));
    }

    public Optional<SchoolLocation> schoolLocation(String id) {
        return SchoolLocation.findByIdOptional(id);
    }

    public Set<String> locationIdsOfBoard(String boardId) {
        return SchoolLocation.<SchoolLocation>list("boardId", boardId).stream()
                .map(SchoolLocation::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Transactional
    public Board saveBoard(String id, BoardRequest request, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Board.<Board>findByIdOptional(id)
                .map(board ->
                        changes.of(board).by(caller.subject()).apply("replace", b -> b.describe(request.name(), now)))
                .orElseGet(() -> {
                    roomFor("boards", Board.count());
                    return changes.create(Board.register(id, request.name(), now), caller.subject(), "register");
                });
    }

    public List<Partner> partners() {
        return Partner.<Partner>listAll(Sort.by("name")).stream()
                .filter(p -> !p.retired())
                .toList();
    }

    @Transactional
    public Partner retirePartner(String id, String reason, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return changes.of(Partner.<Partner>findByIdOptional(id), "partner " + id)
                .by(caller.subject())
                .detail("reason", reason)
                .apply("retire", p -> p.retire(reason, now));
    }

    /** A board that still has school locations stays: retire or move those first. */
    @Transactional
    public Board retireBoard(String id, String reason, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<String> locations = locationIdsOfBoard(id);
        return changes.of(Board.<Board>findByIdOptional(id), "board " + id)
                .by(caller.subject())
                .detail("reason", reason)
                .apply("retire", b -> {
                    if (!locations.isEmpty()) {
                        throw new ProblemException(
                                409,
                                "board-in-use",
                                "Board still has school locations",
                                "a board with school locations cannot be retired",
                                List.of(),
                                Map.of("schoolLocationIds", List.copyOf(new java.util.TreeSet<>(locations))));
                    }
                    b.retire(reason, now);
                });
    }

    @Transactional
    public Partner savePartner(String id, PartnerRequest request, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Partner.<Partner>findByIdOptional(id)
                .map(partner -> changes.of(partner)
                        .by(caller.subject())
                        .apply("replace", p -> p.describe(request.name(), request.kind(), now)))
                .orElseGet(() -> {
                    roomFor("partners", Partner.count());
                    return changes.create(
                            Partner.register(id, request.name(), request.kind(), now), caller.subject(), "register");
                });
    }

    @Transactional
    public SchoolLocation saveSchoolLocation(String id, SchoolLocationRequest request, Caller caller) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (Board.findByIdOptional(request.boardId()).isEmpty()) {
            errors.add(new Problem.FieldError("boardId", "is not a registered board"));
        }
        if (District.findByIdOptional(request.district()).isEmpty()) {
            errors.add(new Problem.FieldError("district", "is not a district of Rotterdam"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return SchoolLocation.<SchoolLocation>findByIdOptional(id)
                .map(location ->
                        changes.of(location).by(caller.subject()).apply("replace", l -> l.describe(request, now)))
                .orElseGet(() -> {
                    roomFor("school locations", SchoolLocation.count());
                    return changes.create(SchoolLocation.register(id, request, now), caller.subject(), "register");
                });
    }

    private static void roomFor(String register, long entries) {
        if (entries >= MAX_ENTRIES) {
            throw new ProblemException(
                    409,
                    "register-full",
                    "Register full",
                    "the register of " + register + " holds at most " + MAX_ENTRIES + " entries",
                    List.of(),
                    Map.of("maxEntries", MAX_ENTRIES));
        }
    }
}
