package nl.rotterdam.schoolsafe.subsidy.programme;

import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the plan allows the money to be spent on (bestedingscategorie), each under one theme. */
@Schema(name = "SpendingCategory")
public enum Category {
    /** Training teachers and teams in handling aggression and street culture in class and school. */
    TEAM_TRAINING_AGGRESSION(Theme.AGGRESSION),
    /** Hiring extra security when (felt) unsafety rises. */
    EXTRA_SECURITY(Theme.AGGRESSION),
    /** Curbing aggression among young people and their resilience to group pressure. */
    YOUTH_AGGRESSION_RESILIENCE(Theme.AGGRESSION),
    /** Strengthening signalling by teachers and teams. */
    TEACHER_SIGNALLING(Theme.SEXUAL_RESILIENCE),
    /** Strengthening students' resilience. */
    STUDENT_RESILIENCE(Theme.SEXUAL_RESILIENCE);

    private final Theme theme;

    Category(Theme theme) {
        this.theme = theme;
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
