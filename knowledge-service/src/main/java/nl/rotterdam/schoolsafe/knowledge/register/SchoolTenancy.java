package nl.rotterdam.schoolsafe.knowledge.register;

import jakarta.enterprise.context.ApplicationScoped;
import nl.rotterdam.schoolsafe.platform.security.Caller;

/** Whose school location it is: its own staff and coordinators, and its board (from the register projection). */
@ApplicationScoped
public class SchoolTenancy {

    public boolean ownLocation(Caller caller, String schoolLocationId) {
        return switch (caller.role()) {
            case SCHOOL_STAFF, SAFETY_COORDINATOR -> caller.worksAt(schoolLocationId);
            case BOARD ->
                caller.boardId()
                        .flatMap(board -> SeenSchoolLocation.<SeenSchoolLocation>findByIdOptional(schoolLocationId)
                                .map(location -> board.equals(location.boardId)))
                        .orElse(false);
            default -> false;
        };
    }
}
