package news.coverage.recommend.related;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What two headlines share, apart from the rest of the text: their content words, and their subject, the first word
 * that names someone or something ("IBM exits...", "Why Amazon..."). The subject of a headline decides the story
 * more than the words around it: IBM's exit and Amazon's pause share most of their words.
 */
final class Headlines {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*");
    /** Words that open a headline without naming its subject, and words too common to say anything. */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "why", "how", "what", "who", "when",
            "where", "after", "as", "at", "in", "on", "of", "for", "to", "and", "or", "but", "with", "from", "by", "is",
            "are", "was", "be", "its", "it", "this", "that", "these", "says", "said", "report", "new", "now", "will",
            "can", "not", "no", "over", "into", "about", "here's", "heres", "exclusive", "opinion", "analysis", "update",
            "daily", "crunch", "watch", "video", "plus", "more", "than", "just", "us", "up", "out", "has", "have");

    private Headlines() {
    }

    /** The headline's content words, lower case. */
    static Set<String> words(String headline) {
        Set<String> words = new HashSet<>();
        if (headline != null) {
            WORD.matcher(headline).results().map(match -> normal(match.group()))
                    .filter(word -> word.length() > 1 && !FUNCTION_WORDS.contains(word)).forEach(words::add);
        }
        return words;
    }

    /** The first word of the headline that is no function word and is capitalised, lower case. */
    static Optional<String> subject(String headline) {
        if (headline == null) {
            return Optional.empty();
        }
        return WORD.matcher(headline).results().map(match -> match.group())
                .filter(word -> !FUNCTION_WORDS.contains(normal(word)))
                .findFirst()
                .filter(word -> Character.isUpperCase(word.codePointAt(0)))
                .map(Headlines::normal);
    }

    /** Shared words over the words of the shorter headline, 0 to 1. */
    static double overlap(String first, String second) {
        Set<String> a = words(first);
        Set<String> b = words(second);
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return (double) shared.size() / Math.min(a.size(), b.size());
    }

    /** 1 when both headlines have the same subject, else 0. */
    static double sameSubject(String first, String second) {
        Optional<String> subject = subject(first);
        return subject.isPresent() && subject.equals(subject(second)) ? 1 : 0;
    }

    private static String normal(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        return lower.endsWith("'s") ? lower.substring(0, lower.length() - 2) : lower;
    }
}
