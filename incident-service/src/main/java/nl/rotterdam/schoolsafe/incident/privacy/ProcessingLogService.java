package nl.rotterdam.schoolsafe.incident.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.function.Function;
import nl.rotterdam.schoolsafe.incident.register.RegisterService;
import nl.rotterdam.schoolsafe.platform.http.Cursor;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.privacy.ProcessingLog;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;

/** Searches the processing log of the school locations the caller answers for: a board those of its schools. */
@ApplicationScoped
public class ProcessingLogService {
    private final ProcessingLog log;
    private final RegisterService register;

    ProcessingLogService(ProcessingLog log, RegisterService register) {
        this.log = log;
        this.register = register;
    }

    /** Newest first; the cursor is the id of the last entry shown. */
    public Page<ProcessingLog.Entry> search(String dataSubject, String cursor, int limit, Caller caller) {
        Long before = cursor == null ? null : Cursor.decode(cursor, 1).number(0);
        return Page.from(
                log.entries(owners(caller), dataSubject, before, limit + 1),
                limit,
                Function.identity(),
                last -> Cursor.encode(last.id()));
    }

    private Set<String> owners(Caller caller) {
        return caller.role() == Role.BOARD
                ? caller.boardId().map(register::locationIdsOfBoard).orElse(Set.of())
                : caller.schoolLocationIds();
    }
}
