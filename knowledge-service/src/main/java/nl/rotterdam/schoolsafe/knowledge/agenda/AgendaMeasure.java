package nl.rotterdam.schoolsafe.knowledge.agenda;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One of the action plan's 15 measures (maatregel), as seeded from the plan. */
@Entity
@Immutable
@Table(name = "agenda_measure")
public class AgendaMeasure extends PanacheEntityBase {
    @Id
    public int number;

    public String title;
    public int category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] sectors;

    public String goal;

    @Column(name = "plan_table_row")
    public String planTableRow;

    public String note;
}
