package nl.rotterdam.schoolsafe.runtime.archfixture.a;

import nl.rotterdam.schoolsafe.runtime.archfixture.b.Leaky;

/** Fixture: half of a deliberate package cycle (a → b → a). */
public class Cyclic {
    Leaky other;
}
