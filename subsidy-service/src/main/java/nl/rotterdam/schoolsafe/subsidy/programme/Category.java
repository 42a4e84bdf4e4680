package nl.rotterdam.schoolsafe.subsidy.programme;

import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the plan allows the money to be spent on (bestedingscategorie), each under one theme. */
@Schema(name = "SpendingCategory")
public enum Category {
    /** Training teachers and teams in handling aggression and street culture in class and school. */
    TEAM_TRAINING_AGGRESSION(Theme.AGGRESSION, "training teachers and teams in handling aggression"),
    /** Hiring extra security when (felt) unsafety rises. */
    EXTRA_SECURITY(Theme.AGGRESSION, "extra security while unsafety is rising"),
    /** Curbing aggression among young people and their resilience to group pressure. */
    YOUTH_AGGRESSION_RESILIENCE(
            Theme.AGGRESSION, "curbing aggression among pupils and their resilience to group pressure"),
    /** Strengthening signalling by teachers and teams. */
    TEACHER_SIGNALLING(Theme.SEXUAL_RESILIENCE, "strengthening teachers' and teams' signalling"),
    /** Strengthening students' resilience. */
    STUDENT_RESILIENCE(Theme.SEXUAL_RESILIENCE, "strengthening pupils' sexual resilience");

    private final Theme theme;
    private final String purpose;

    Category(Theme theme, String purpose) {
        this.theme = theme;
        this.purpose = purpose;
    }

    /** What the money is for, in words a published grant description can use. */
    public String purpose() {
        return purpose;
    }

    public Theme theme() {
        return theme;
    }

    public boolean allowedFor(Theme candidate) {
        return theme == candidate;
    }

    public static List<Category> of(Theme theme) {
        return Arrays.stream(values()).filter(c -> c.theme == theme).toList();
    }
}
