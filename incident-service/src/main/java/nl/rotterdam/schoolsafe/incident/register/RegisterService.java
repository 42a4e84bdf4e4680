package nl.rotterdam.schoolsafe.incident.register;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.rotterdam.schoolsafe.platform.event.BoardEvent;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.PartnerEvent;
import nl.rotterdam.schoolsafe.platform.event.SchoolLocationEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.outbox.Outbox;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Maintains the reference register and publishes every change on the compacted register topic. */
@ApplicationScoped
public class RegisterService {
    private final Outbox outbox;
    private final Clock clock;

    RegisterService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public List<District> districts() {
        return District.listAll(Sort.by("name"));
    }

    public Optional<District> district(String id) {
        return District.findByIdOptional(id);
    }

    public List<Board> boards() {
        return Board.listAll(Sort.by("name"));
    }

    public List<SchoolLocation> schoolLocations() {
        return SchoolLocation.listAll(Sort.by("name"));
    }

    public Optional<SchoolLocation> schoolLocation(String id) {
        return SchoolLocation.findByIdOptional(id);
    }

    public Set<String> locationIdsOfBoard(String boardId) {
        return SchoolLocation.<SchoolLocation>list("boardId", boardId).stream().map(l -> l.id).collect(Collectors.toUnmodifiableSet());
    }

    @Transactional
    public Board saveBoard(String id, BoardRequest request) {
        Board board = Board.<Board>findByIdOptional(id).orElseGet(() -> new Board(id));
        board.describe(request.name(), OffsetDateTime.now(clock));
        board.persist();
        outbox.record(Topics.REGISTER, EventTypes.BOARD_REGISTERED, "board:" + id, new BoardEvent(id, board.name));
        return board;
    }

    public List<Partner> partners() {
        return Partner.listAll(Sort.by("name"));
    }

    @Transactional
    public Partner savePartner(String id, PartnerRequest request) {
        Partner partner = Partner.<Partner>findByIdOptional(id).orElseGet(() -> new Partner(id));
        partner.describe(request.name(), request.kind(), OffsetDateTime.now(clock));
        partner.persist();
        outbox.record(Topics.REGISTER, EventTypes.PARTNER_REGISTERED, "partner:" + id, new PartnerEvent(id, partner.name, partner.kind.name()));
        return partner;
    }

    @Transactional
    public SchoolLocation saveSchoolLocation(String id, SchoolLocationRequest request) {
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
        SchoolLocation location = SchoolLocation.<SchoolLocation>findByIdOptional(id).orElseGet(() -> new SchoolLocation(id));
        location.describe(request, OffsetDateTime.now(clock));
        location.persist();
        outbox.record(Topics.REGISTER, EventTypes.SCHOOL_LOCATION_REGISTERED, "school-location:" + id,
                new SchoolLocationEvent(id, location.brin, location.locationNumber, location.name, location.boardId,
                        location.sector.name(), location.districtId, location.pupilCount));
        return location;
    }
}
