package nl.rotterdam.schoolsafe.platform.change;

import java.util.List;

/**
 * Events that follow from another in the same transaction, such as each engaged partner's own copy of a case
 * change. The pipeline asks every implementation for each event it moves and writes what they answer right after it;
 * followers are not followed in turn.
 */
public interface FollowingEvents {
    List<DomainEvent> following(DomainEvent event);
}
