package fr.vigie.collector.store;

/**
 * A health establishment (legal entity), the unit of enrollment and of the observatory. Immutable.
 *
 * @param id database id
 * @param finess FINESS legal-entity (EJ) number, 9 characters
 * @param name display name
 * @param region region name or code
 * @param category category
 */
public record Establishment(long id, String finess, String name, String region, EstablishmentCategory category) {}
