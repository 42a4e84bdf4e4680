package nl.rotterdam.schoolsafe.knowledge.agenda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;

@ApplicationScoped
public class WorkAgendaService {
    private final Changes changes;
    private final Clock clock;

    WorkAgendaService(Changes changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /** Every measure with its school years; with a year, only the measures running in it, each with that year only. */
    @Transactional
    public List<AgendaViews.MeasureView> measures(Optional<SchoolYear> year) {
        List<AgendaEntry> entries = year.map(
                        y -> AgendaEntry.<AgendaEntry>list("schoolYear = ?1 order by measureNumber", y.toString()))
                .orElseGet(() -> AgendaEntry.list("order by measureNumber, schoolYear"));
        Map<Integer, List<AgendaEntry>> byMeasure =
                entries.stream().collect(Collectors.groupingBy(AgendaEntry::measureNumber));
        return AgendaMeasure.<AgendaMeasure>list("order by number").stream()
                .filter(m -> year.isEmpty() || byMeasure.containsKey(m.number))
                .map(m -> view(m, byMeasure.getOrDefault(m.number, List.of())))
                .toList();
    }

    @Transactional
    public Optional<AgendaViews.MeasureView> measure(int number) {
        return AgendaMeasure.<AgendaMeasure>findByIdOptional(number)
                .map(m -> view(m, AgendaEntry.list("measureNumber = ?1 order by schoolYear", number)));
    }

    /** Records a measure's status in a school year: a new year without If-Match, a known one with its ETag. */
    @Transactional
    public Versioned<AgendaViews.EntryView> report(
            int number, SchoolYear year, String ifMatch, AgendaViews.EntryRequest request, Caller caller) {
        AgendaMeasure.<AgendaMeasure>findByIdOptional(number)
                .orElseThrow(() -> ProblemException.notFound("measure " + number));
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<AgendaEntry> existing = AgendaEntry.find(
                        "measureNumber = ?1 and schoolYear = ?2", number, year.toString())
                .firstResultOptional();
        AgendaEntry entry = existing.isEmpty()
                ? changes.create(
                        AgendaEntry.plan(
                                number, year, request.status(), request.progressNotes(), caller.subject(), now),
                        caller.subject(),
                        "report")
                : changes.of(existing, "school year " + year + " of measure " + number)
                        .ifMatch(ifMatch)
                        .by(caller.subject())
                        .apply(
                                "report",
                                e -> e.report(request.status(), request.progressNotes(), caller.subject(), now));
        return new Versioned<>(AgendaViews.EntryView.of(entry), entry.version());
    }

    private static AgendaViews.MeasureView view(AgendaMeasure m, List<AgendaEntry> entries) {
        return new AgendaViews.MeasureView(
                m.number,
                m.title,
                m.category,
                List.of(m.sectors),
                m.goal,
                m.planTableRow,
                m.note,
                entries.stream().map(AgendaViews.EntryView::of).toList());
    }
}
