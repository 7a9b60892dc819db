package fr.vigie.collector.store;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The establishments table. Thread-safe. */
public final class Establishments {
    /** FINESS number shape (department first; 2A/2B for Corsica). */
    public static final Pattern FINESS = Pattern.compile("[0-9][0-9AB][0-9]{7}");
    private final Jdbi jdbi;

    public Establishments(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Creates an establishment.
     *
     * @throws IllegalArgumentException for a malformed FINESS number, an empty name or region, or a FINESS number
     *     already registered
     */
    public Establishment create(String finess, String name, String region, EstablishmentCategory category) {
        if (finess == null || !FINESS.matcher(finess).matches()) {
            throw new IllegalArgumentException("not a FINESS number (9 characters, e.g. 750712184): " + finess);
        }
        if (name == null || name.isBlank() || region == null || region.isBlank()) {
            throw new IllegalArgumentException("name and region must not be empty");
        }
        if (findByFiness(finess).isPresent()) {
            throw new IllegalArgumentException("establishment " + finess + " already exists");
        }
        try {
            long id = jdbi.withHandle(h -> h.createUpdate(
                    "INSERT INTO establishments (finess, name, region, category) VALUES (:f, :n, :r, :c)")
                    .bind("f", finess).bind("n", name.strip()).bind("r", region.strip()).bind("c", category.name())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            return new Establishment(id, finess, name.strip(), region.strip(), category);
        } catch (UnableToExecuteStatementException e) {
            throw new IllegalArgumentException("cannot create establishment " + finess + ": " + e.getMessage(), e);
        }
    }

    public Optional<Establishment> findByFiness(String finess) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM establishments WHERE finess = :f")
                .bind("f", finess).map((rs, ctx) -> new Establishment(rs.getLong("id"), rs.getString("finess"),
                        rs.getString("name"), rs.getString("region"),
                        EstablishmentCategory.valueOf(rs.getString("category"))))
                .findOne());
    }

    public List<Establishment> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM establishments ORDER BY finess")
                .map((rs, ctx) -> new Establishment(rs.getLong("id"), rs.getString("finess"), rs.getString("name"),
                        rs.getString("region"), EstablishmentCategory.valueOf(rs.getString("category"))))
                .list());
    }
}
