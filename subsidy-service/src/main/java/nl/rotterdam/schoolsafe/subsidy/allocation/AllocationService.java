package nl.rotterdam.schoolsafe.subsidy.allocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.http.Created;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import nl.rotterdam.schoolsafe.subsidy.programme.AllocationMethod;
import nl.rotterdam.schoolsafe.subsidy.programme.Ledger;
import nl.rotterdam.schoolsafe.subsidy.programme.Pot;
import nl.rotterdam.schoolsafe.subsidy.programme.PotSector;
import nl.rotterdam.schoolsafe.subsidy.programme.Programme;
import nl.rotterdam.schoolsafe.subsidy.register.Locations;

/**
 * Allocations through the change pipeline. Rankings and lines are child rows written with SQL
 * inside the intention; the reservations on the pot come last ({@code finallyDo}).
 */
@ApplicationScoped
public class AllocationService {
    private static final List<String> INCIDENT_COUNTS = List.of("recentIncidents", "previousIncidents");
    /** Rates per pupil: with the pupils shown they give the counts back, so they go where a count is banded. */
    private static final List<String> RATES = List.of("rate", "previousRate", "trend");

    private final Changes changes;
    private final Locations locations;
    private final Ledger ledger;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;
    private final AllocationConfig config;
    private final Idempotency idempotency;

    AllocationService(
            Changes changes,
            Locations locations,
            Ledger ledger,
            EntityManager entityManager,
            ObjectMapper json,
            Clock clock,
            AllocationConfig config,
            Idempotency idempotency) {
        this.changes = changes;
        this.idempotency = idempotency;
        this.locations = locations;
        this.ledger = ledger;
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public Created<AllocationView> begin(AllocationRequest request, String idempotencyKey, Caller caller) {
        Idempotency.Outcome outcome = idempotency.once(
                "allocation",
                idempotencyKey,
                request,
                () -> begin(request, caller.subject()).id().toString());
        Allocation allocation = Allocation.findById(UUID.fromString(outcome.resourceId()));
        return new Created<>(
                new Versioned<>(view(allocation, caller), allocation.version()),
                outcome.resourceId(),
                outcome.replayed());
    }

    private Allocation begin(AllocationRequest request, String by) {
        Programme programme = Programme.<Programme>findByIdOptional(request.programmeId())
                .orElseThrow(() -> ProblemException.invalid("programmeId", "is not a programme"));
        Pot pot = programme
                .pot(request.sector())
                .orElseThrow(
                        () -> ProblemException.invalid("sector", "the programme has no " + request.sector() + " pot"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (programme.method() == AllocationMethod.FORMULA) {
            if (request.baseCents() == null) {
                throw ProblemException.invalid("baseCents", "is required for a formula programme");
            }
            parameters.put("baseCents", request.baseCents());
            parameters.put("sectorWeights", config.pupilWeights());
        } else {
            parameters.put("rankWeight", config.rankWeight());
            parameters.put("rateWeight", config.rateWeight());
            parameters.put("trendWeight", config.trendWeight());
            parameters.put("maxLocations", config.maxLocations());
            parameters.put("categories", config.categories());
        }
        Allocation allocation =
                changes.create(Allocation.begin(programme.id(), pot.id(), programme.method(), parameters), by, "begin");
        if (programme.method() == AllocationMethod.FORMULA) {
            // a formula needs no rankings: it is proposed at once, from the register as it is now
            changes.of(allocation).by(by).apply("propose", a -> propose(a, pot));
        }
        return allocation;
    }

    /** Replaces the board's ranking in the round; every location must be the board's and draw from the round's pot. */
    @Transactional
    public AllocationView rank(UUID id, RankingRequest request, Caller caller) {
        return view(
                changes.of(found(id), "allocation " + id)
                        .by(caller.subject())
                        .apply("rank", allocation -> replaceRanking(allocation, request.schoolLocationIds(), caller)),
                caller);
    }

    private void replaceRanking(Allocation allocation, List<String> ranked, Caller caller) {
        allocation.requireRankingsOpen();
        String board = caller.boardId().orElseThrow(() -> ProblemException.notFound("allocation " + allocation.id()));
        Pot pot = Pot.findById(allocation.potId());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ranked.size(); i++) {
            String location = ranked.get(i);
            boolean yours = locations
                    .find(location)
                    .filter(l -> l.boardId().equals(board))
                    .filter(l -> pot.sector().serves(l.sector()))
                    .isPresent();
            if (!yours || !seen.add(location)) {
                throw ProblemException.invalid(
                        "schoolLocationIds[" + i + "]",
                        !yours ? "is not a " + pot.sector() + " location of your board" : "appears twice");
            }
        }
        entityManager
                .createNativeQuery("DELETE FROM allocation_ranking WHERE allocation_id = ?1 AND board_id = ?2")
                .setParameter(1, allocation.id())
                .setParameter(2, board)
                .executeUpdate();
        for (int i = 0; i < ranked.size(); i++) {
            entityManager
                    .createNativeQuery("""
                            INSERT INTO allocation_ranking (allocation_id, board_id, school_location_id, rank, submitted_by)
                            VALUES (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, allocation.id())
                    .setParameter(2, board)
                    .setParameter(3, ranked.get(i))
                    .setParameter(4, i + 1)
                    .setParameter(5, caller.subject())
                    .executeUpdate();
        }
    }

    @Transactional
    public AllocationView propose(UUID id, Caller caller) {
        return view(
                changes.of(found(id), "allocation " + id)
                        .by(caller.subject())
                        .apply("propose", allocation -> propose(allocation, Pot.findById(allocation.potId()))),
                caller);
    }

    /** A board's answer to the round's joint list: it agrees, or objects with a reason. */
    @Transactional
    public AllocationView answer(UUID id, boolean agreed, String reason, Caller caller) {
        String board = caller.boardId().orElseThrow();
        return view(
                changes.of(found(id), "allocation " + id)
                        .by(caller.subject())
                        .apply(
                                agreed ? "agree" : "object",
                                allocation -> allocation.answer(
                                        board,
                                        agreed,
                                        reason,
                                        boardsOnList(allocation),
                                        caller.subject(),
                                        OffsetDateTime.now(clock))),
                caller);
    }

    /** The boards with a location on the proposal's joint list. */
    private Set<String> boardsOnList(Allocation allocation) {
        return lines(allocation.id()).stream().map(AllocationView.Line::boardId).collect(Collectors.toSet());
    }

    /** Confirms the proposal (with adjustments) and reserves each amount on the pot in one go; the pot must cover them all. */
    @Transactional
    public AllocationView confirm(UUID id, ConfirmationRequest request, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ConfirmationRequest.Adjustment> adjustments =
                request == null || request.adjustments() == null ? List.of() : request.adjustments();
        return view(
                changes.of(found(id), "allocation " + id)
                        .by(caller.subject())
                        .finallyDo(allocation -> reserve(allocation, caller.subject(), now))
                        .apply("confirm", allocation -> {
                            allocation.confirm(caller.subject(), boardsOnList(allocation), now);
                            confirmLines(allocation, adjustments);
                        }),
                caller);
    }

    /** Every line is confirmed at its proposed amount unless adjusted. */
    private void confirmLines(Allocation allocation, List<ConfirmationRequest.Adjustment> adjustments) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        lines(allocation.id()).forEach(l -> amounts.put(l.schoolLocationId(), l.proposedCents()));
        for (int i = 0; i < adjustments.size(); i++) {
            if (!amounts.containsKey(adjustments.get(i).schoolLocationId())) {
                throw ProblemException.invalid(
                        "adjustments[" + i + "].schoolLocationId", "is not a location of this allocation");
            }
            amounts.put(
                    adjustments.get(i).schoolLocationId(), adjustments.get(i).amountCents());
        }
        amounts.forEach((location, cents) -> entityManager
                .createNativeQuery("""
                        UPDATE allocation_line SET confirmed_cents = ?3, reserved_left_cents = ?3
                        WHERE allocation_id = ?1 AND school_location_id = ?2""")
                .setParameter(1, allocation.id())
                .setParameter(2, location)
                .setParameter(3, cents)
                .executeUpdate());
    }

    /** Every confirmed amount becomes a reservation on the pot, in one ledger record so the pot covers them all or none. */
    private void reserve(Allocation allocation, String by, OffsetDateTime now) {
        List<Ledger.Entry> reservations = lines(allocation.id()).stream()
                .filter(l -> l.confirmedCents() > 0)
                .map(l -> new Ledger.Entry(
                        Ledger.Kind.RESERVATION, -l.confirmedCents(), null, l.schoolLocationId(), allocation.id()))
                .toList();
        ledger.record(Pot.findById(allocation.potId()), reservations, by, now);
    }

    @Transactional
    public Optional<AllocationView> read(UUID id, Caller caller) {
        return found(id).map(allocation -> view(allocation, caller));
    }

    private static Optional<Allocation> found(UUID id) {
        return Allocation.findByIdOptional(id);
    }

    private void propose(Allocation allocation, Pot pot) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long available = ledger.balance(pot.id());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("availableCents", available);
        OffsetDateTime recentFrom = now.minusMonths(12);
        OffsetDateTime previousFrom = now.minusMonths(24);
        if (allocation.method() == AllocationMethod.URGENCY_ROUND) {
            facts.put("recentPeriod", recentFrom + "/" + now);
            facts.put("previousPeriod", previousFrom + "/" + recentFrom);
        }
        allocation.propose(facts, now);
        entityManager
                .createNativeQuery("DELETE FROM allocation_line WHERE allocation_id = ?1")
                .setParameter(1, allocation.id())
                .executeUpdate();
        if (allocation.method() == AllocationMethod.FORMULA) {
            proposeByFormula(allocation, pot, available);
        } else {
            proposeByUrgency(allocation, available, recentFrom, previousFrom, now);
        }
    }

    private void proposeByFormula(Allocation allocation, Pot pot, long available) {
        long base = ((Number) allocation.parameters().get("baseCents")).longValue();
        List<PupilFormula.Input> inputs = locationsOf(pot.sector()).stream()
                .map(l -> new PupilFormula.Input(l.schoolLocationId(), l.boardId(), l.sector(), l.pupilCount()))
                .toList();
        for (PupilFormula.Line line : new PupilFormula(base, config.pupilWeights()).propose(inputs, available)) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("sector", line.input().sector());
            in.put("pupils", line.input().pupils());
            in.put("sectorWeight", line.weight());
            in.put("weightedPupils", line.weightedPupils());
            in.put("baseCents", base);
            insertLine(
                    allocation.id(),
                    line.input().schoolLocationId(),
                    line.input().boardId(),
                    in,
                    line.weightedPupils(),
                    line.proposedCents());
        }
    }

    private void proposeByUrgency(
            Allocation allocation,
            long available,
            OffsetDateTime recentFrom,
            OffsetDateTime previousFrom,
            OffsetDateTime now) {
        List<AllocationView.Ranking> rankings = rankings(allocation.id());
        if (rankings.isEmpty()) {
            throw ProblemException.conflict(
                    "no-rankings", "No rankings yet", "no board has ranked its locations in this round");
        }
        Set<String> ids =
                rankings.stream().map(AllocationView.Ranking::schoolLocationId).collect(Collectors.toSet());
        Map<String, Long> recent = locations.incidentCounts(ids, config.categories(), recentFrom, now);
        Map<String, Long> previous = locations.incidentCounts(ids, config.categories(), previousFrom, recentFrom);
        Map<String, Long> perBoard = rankings.stream()
                .collect(Collectors.groupingBy(AllocationView.Ranking::boardId, Collectors.counting()));
        List<UrgencyFormula.Input> inputs = rankings.stream()
                .map(r -> new UrgencyFormula.Input(
                        r.schoolLocationId(),
                        r.boardId(),
                        r.rank(),
                        perBoard.get(r.boardId()).intValue(),
                        locations
                                .find(r.schoolLocationId())
                                .map(Locations.Location::pupilCount)
                                .orElse(0),
                        recent.getOrDefault(r.schoolLocationId(), 0L),
                        previous.getOrDefault(r.schoolLocationId(), 0L)))
                .toList();
        UrgencyFormula formula = new UrgencyFormula(
                config.rankWeight(), config.rateWeight(), config.trendWeight(), config.maxLocations());
        for (UrgencyFormula.Line line : formula.propose(inputs, available)) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("rank", line.input().rank());
            in.put("rankedByBoard", line.input().rankedByBoard());
            in.put("pupils", line.input().pupils());
            in.put("recentIncidents", line.input().recentIncidents());
            in.put("previousIncidents", line.input().previousIncidents());
            in.put("rankScore", line.rankScore());
            in.put("rate", line.rate());
            in.put("previousRate", line.previousRate());
            in.put("trend", line.trend());
            insertLine(
                    allocation.id(),
                    line.input().schoolLocationId(),
                    line.input().boardId(),
                    in,
                    line.score(),
                    line.proposedCents());
        }
    }

    private List<Locations.Location> locationsOf(PotSector sector) {
        return locations.all().stream().filter(l -> sector.serves(l.sector())).toList();
    }

    private void insertLine(
            UUID allocationId,
            String location,
            String board,
            Map<String, Object> inputs,
            BigDecimal score,
            long cents) {
        entityManager
                .createNativeQuery("""
                        INSERT INTO allocation_line (allocation_id, school_location_id, board_id, inputs, score, proposed_cents)
                        VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, ?6)""")
                .setParameter(1, allocationId)
                .setParameter(2, location)
                .setParameter(3, board)
                .setParameter(4, write(inputs))
                .setParameter(5, score)
                .setParameter(6, cents)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<AllocationView.Ranking> rankings(UUID id) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT board_id, school_location_id, rank FROM allocation_ranking WHERE allocation_id = ?1 ORDER BY board_id, rank")
                .setParameter(1, id)
                .getResultList();
        return rows.stream()
                .map(r -> new AllocationView.Ranking((String) r[0], (String) r[1], ((Number) r[2]).intValue()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<AllocationView.Line> lines(UUID id) {
        List<Object[]> rows =
                entityManager.createNativeQuery("""
                        SELECT school_location_id, board_id, CAST(inputs AS text), score, proposed_cents, confirmed_cents, reserved_left_cents
                        FROM allocation_line WHERE allocation_id = ?1 ORDER BY proposed_cents DESC, school_location_id""").setParameter(1, id).getResultList();
        return rows.stream()
                .map(r -> new AllocationView.Line(
                        (String) r[0],
                        (String) r[1],
                        read((String) r[2]),
                        (BigDecimal) r[3],
                        ((Number) r[4]).longValue(),
                        r[5] == null ? null : ((Number) r[5]).longValue(),
                        ((Number) r[6]).longValue()))
                .toList();
    }

    /**
     * The allocation as the caller may see it. While rankings are collected a board sees only its own; the incident
     * counts behind a line are exact for the line's own board only: for other boards and the municipality a count
     * under the minimum cell is shown as a band, and the line's rates, which would give it back, are suppressed.
     */
    private AllocationView view(Allocation a, Caller caller) {
        Optional<String> board = caller.role() == Role.BOARD ? caller.boardId() : Optional.empty();
        List<AllocationView.Line> lines = lines(a.id()).stream()
                .map(line -> board.filter(line.boardId()::equals).isPresent() ? line : banded(line))
                .toList();
        List<AllocationView.Ranking> rankings = rankings(a.id()).stream()
                .filter(r -> a.status() != Allocation.Status.COLLECTING_RANKINGS
                        || caller.role() != Role.BOARD
                        || board.filter(r.boardId()::equals).isPresent())
                .toList();
        return new AllocationView(
                a.id(),
                a.programmeId(),
                a.potId(),
                a.method(),
                a.status(),
                a.formula(),
                a.parameters(),
                rankings,
                lines,
                a.agreements(),
                lines.stream().mapToLong(AllocationView.Line::proposedCents).sum(),
                a.computedAt(),
                a.confirmedAt(),
                a.actions());
    }

    private AllocationView.Line banded(AllocationView.Line line) {
        Map<String, Object> inputs = new LinkedHashMap<>(line.inputs());
        boolean bandedAny = false;
        for (String count : INCIDENT_COUNTS) {
            if (inputs.get(count) instanceof Number n && n.longValue() < config.minimumCell()) {
                inputs.put(count, "<" + config.minimumCell());
                bandedAny = true;
            }
        }
        if (bandedAny) {
            RATES.stream().filter(inputs::containsKey).forEach(rate -> inputs.put(rate, "suppressed"));
        }
        return new AllocationView.Line(
                line.schoolLocationId(),
                line.boardId(),
                inputs,
                line.score(),
                line.proposedCents(),
                line.confirmedCents(),
                line.reservedLeftCents());
    }

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inputs are plain values", e);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return json.readValue(value, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inputs were written by this service", e);
        }
    }
}
