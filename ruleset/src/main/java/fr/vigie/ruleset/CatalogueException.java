package fr.vigie.ruleset;

/**
 * A catalogue or site-override file is invalid. The message names the rule and the field at fault, so that the
 * person editing the file knows what to fix.
 */
public final class CatalogueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CatalogueException(String ruleId, String field, String problem) {
        super("rule " + (ruleId == null ? "<unnamed>" : ruleId) + ", field '" + field + "': " + problem);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
