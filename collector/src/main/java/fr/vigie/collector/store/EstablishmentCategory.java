package fr.vigie.collector.store;

/** Establishment categories of the observatory (fixed dimension). */
public enum EstablishmentCategory {
    /** Centre hospitalier universitaire / régional. */
    CHU,
    /** Centre hospitalier. */
    CH,
    /** Établissement psychiatrique. */
    PSY,
    /** Private non-profit (ESPIC), including cancer centres. */
    ESPIC,
    /** Private clinic. */
    CLINIQUE,
    /** Medico-social establishment. */
    MEDICO_SOCIAL
}
