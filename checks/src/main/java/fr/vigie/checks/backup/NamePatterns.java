package fr.vigie.checks.backup;

import fr.vigie.checks.CheckContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name heuristics of backup software ({@code namePatterns} thresholds). A pattern is a case-insensitive glob
 * ({@code *} any run of characters, {@code ?} one character, everything else literal) that matches a value when it
 * matches the whole value or one of its words, words being separated by anything but letters and digits and by
 * changes from letters to digits. So {@code *veeam*} matches {@code svcVeeamBR}, {@code tsm} matches {@code svc-tsm},
 * {@code TSM/srv01} or {@code tsm01} but not {@code tsmith}, and {@code svg} matches {@code SRV-SVG01}. Immutable and thread-safe.
 */
final class NamePatterns {
    /** Between words: anything but letters and digits, or a change from letters to digits or back. */
    private static final Pattern WORD_SEPARATORS =
            Pattern.compile("[^\\p{L}\\p{N}]+|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");
    private final List<String> patterns;
    private final List<Pattern> compiled;

    private NamePatterns(List<String> patterns, List<Pattern> compiled) {
        this.patterns = patterns;
        this.compiled = compiled;
    }

    /**
     * The patterns of a list threshold of the context's rule.
     *
     * @throws IllegalArgumentException when a pattern is blank (it would match nothing useful), naming rule and
     *                                  threshold
     */
    static NamePatterns of(CheckContext context, String threshold) {
        List<String> raw = context.listThreshold(threshold);
        List<Pattern> compiled = new ArrayList<>();
        for (String p : raw) {
            if (p == null || p.isBlank() || p.chars().allMatch(ch -> ch == '*')) {
                throw new IllegalArgumentException("rule " + context.rule().id() + ": threshold '" + threshold
                        + "' holds an empty pattern ('" + p + "'); remove it or give a product name such as *veeam*");
            }
            compiled.add(glob(p.strip()));
        }
        return new NamePatterns(List.copyOf(raw), List.copyOf(compiled));
    }

    /** Builds patterns directly (tests). */
    static NamePatterns of(List<String> patterns) {
        return new NamePatterns(List.copyOf(patterns), patterns.stream().map(p -> glob(p.strip())).toList());
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** The first pattern (in threshold order) that matches the value or one of its words; empty when none does. */
    Optional<String> firstMatch(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String[] words = WORD_SEPARATORS.split(value.strip());
        for (int i = 0; i < compiled.size(); i++) {
            Pattern p = compiled.get(i);
            if (p.matcher(value.strip()).matches()) {
                return Optional.of(patterns.get(i));
            }
            for (String w : words) {
                if (!w.isEmpty() && p.matcher(w).matches()) {
                    return Optional.of(patterns.get(i));
                }
            }
        }
        return Optional.empty();
    }
}
