package fr.vigie.wire;

/**
 * The collector's error body: {@code {"error":"<specific_code>","message":"..."}}. Immutable.
 *
 * @param error stable snake_case code (e.g. {@code bad_signature})
 * @param message human-readable explanation, never containing secrets
 */
public record ApiError(String error, String message) {}
