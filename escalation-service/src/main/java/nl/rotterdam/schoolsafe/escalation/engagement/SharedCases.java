package nl.rotterdam.schoolsafe.escalation.engagement;

import nl.rotterdam.schoolsafe.platform.event.CaseView;

/**
 * What a partner may see of the case it is engaged on. The sharing matrix decides; it lives in the
 * sharing package above this one, which implements this.
 */
public interface SharedCases {
    /** Whether the sharing matrix has a column for partners of the register's kind; only those can be engaged. */
    boolean shareableWith(String partnerKind);

    /** The case as the engagement's partner may see it, free of free text: what its partner-facing events carry. */
    CaseView outlineFor(Engagement engagement);
}
