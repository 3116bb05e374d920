package news.coverage.recommend.related;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What two headlines share, apart from the rest of the text: their content words, and their subject, the first word
 * that names someone or something ("IBM exits...", "Why Amazon..."). The subject of a headline decides the story
 * more than the words around it: IBM's exit and Amazon's pause share most of their words.
 */
final class Headlines {

    /** Words that open a headline without naming its subject, and words too common to say anything. */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "why", "how", "what", "who", "when",
            "where", "after", "as", "at", "in", "on", "of", "for", "to", "and", "or", "but", "with", "from", "by", "is",
            "are", "was", "be", "its", "it", "this", "that", "these", "says", "said", "report", "new", "now", "will",
            "can", "not", "no", "over", "into", "about", "here's", "heres", "exclusive", "opinion", "analysis",
            "update", "daily", "crunch", "watch", "video", "plus", "more", "than", "just", "us", "up", "out", "has",
            "have");

    /**
     * A headline as the features read it, worked out once per article: its content words (lower case, interned,
     * sorted) and its subject, if it has one.
     */
    record Headline(String[] words, String subject) {

        static final Headline NONE = new Headline(new String[0], null);

        static Headline of(String headline) {
            if (headline == null) {
                return NONE;
            }
            TreeSet<String> words = new TreeSet<>();
            String subject = null;
            boolean subjectSought = true;
            int at = 0;
            while (at < headline.length()) {
                int start = at;
                while (start < headline.length() && !Character.isLetterOrDigit(headline.charAt(start))) {
                    start++;
                }
                int end = start;
                while (end < headline.length() && isWordCharacter(headline.charAt(end))) {
                    end++;
                }
                at = Math.max(end, start + 1);
                if (start >= headline.length()) {
                    break;
                }
                String word = normal(headline.substring(start, end));
                if (FUNCTION_WORDS.contains(word)) {
                    continue;
                }
                if (subjectSought) {
                    subjectSought = false;
                    subject = Character.isUpperCase(headline.charAt(start)) ? word.intern() : null;
                }
                if (word.length() > 1) {
                    words.add(word.intern());
                }
            }
            return new Headline(words.toArray(String[]::new), subject);
        }

        /** Shared words over the words of the shorter headline, 0 to 1. */
        double overlap(Headline other) {
            if (words.length == 0 || other.words.length == 0) {
                return 0;
            }
            int shared = 0;
            for (String word : words) {
                if (Arrays.binarySearch(other.words, word) >= 0) {
                    shared++;
                }
            }
            return (double) shared / Math.min(words.length, other.words.length);
        }

        /** 1 when both headlines have the same subject, else 0. */
        double sameSubject(Headline other) {
            return subject != null && subject.equals(other.subject) ? 1 : 0;
        }
    }

    private Headlines() {
    }

    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '’' || c == '.' || c == '-';
    }

    private static String normal(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        while (lower.endsWith(".") || lower.endsWith("-") || lower.endsWith("'")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        return lower.endsWith("'s") ? lower.substring(0, lower.length() - 2) : lower;
    }
}
