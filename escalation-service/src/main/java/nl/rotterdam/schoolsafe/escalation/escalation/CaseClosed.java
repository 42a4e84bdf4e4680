package nl.rotterdam.schoolsafe.escalation.escalation;

import java.util.UUID;

/** Fired (CDI, in the closing transaction) when the expert closed a case: what hangs on it ends with it. */
public record CaseClosed(UUID caseId, String expert) {}
