package news.coverage.recommend.related;

import news.coverage.recommend.text.TermCounts;
import news.coverage.recommend.text.TextSimilarity;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What two headlines share, apart from the rest of the text: their content words, and their subjects, the names a
 * headline leads with ("IBM exits...", "Why Amazon...", "Amazon and Microsoft pause..."). The subject of a headline
 * decides the story more than the words around it: IBM's exit and Amazon's pause share most of their words.
 * <p>
 * Whether a word is a name is read from how the corpus writes it: a word that articles write capitalised where case
 * tells (inside a sentence of an excerpt or of a sentence-case headline, or in capitals throughout) on at least
 * {@link #NAME_SHARE} of the articles that carry it. Headlines in title case say nothing by their capitals.
 */
final class Headlines {

    /** What ends a sentence or opens a quote, a parenthesis or an aside: a word after it starts a sentence. */
    private static final String SENTENCE_BREAKS = ".!?:;|\"“”‘—–(";
    /** Words that open a headline without naming its subject, and words too common to say anything. */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "why", "how", "what", "who", "when",
            "where", "after", "as", "at", "in", "on", "of", "for", "to", "and", "or", "but", "with", "from", "by", "is",
            "are", "was", "be", "its", "it", "this", "that", "these", "says", "said", "report", "new", "now", "will",
            "can", "not", "no", "over", "into", "about", "here's", "heres", "exclusive", "opinion", "analysis",
            "update", "daily", "crunch", "watch", "video", "plus", "more", "than", "just", "us", "up", "out", "has",
            "have");
    /** The least share of the articles carrying a word that write it capitalised, for the word to be a name. */
    static final double NAME_SHARE = 0.25;
    /** In a headline's lead, stands between two names joined by "and", "&" or a comma. */
    private static final String JOINED = ",";
    /** How many words of a headline's main clause are kept to find its subjects in. */
    private static final int LEAD_WORDS = 8;
    /** A kicker ("Daily Crunch: ", "George Floyd death: ") has at most this many words. */
    private static final int KICKER_WORDS = 4;

    /** Lucene's standard tokens without lower-casing, so that capitals can be read: the terms of the text analysis. */
    private static final Analyzer CASED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new EnglishPossessiveFilter(source));
        }
    };

    /**
     * A headline as the features read it, worked out once per article: its content words (lower case, interned,
     * sorted), the lead of its main clause (terms, with {@link #JOINED} between joined names), the terms the
     * article writes capitalised where case tells, its evidence for the corpus's names, and the terms it writes
     * capitalised anywhere in headline or excerpt, among them the names it mentions ({@link #names}).
     */
    record Headline(String[] words, String[] lead, String[] capitalised, String[] mentions) {

        static final Headline NONE = new Headline(new String[0], new String[0], new String[0], new String[0]);

        static Headline of(String headline, String excerpt) {
            if (headline == null) {
                return NONE;
            }
            Set<String> capitalised = new TreeSet<>();
            List<Token> excerptTokens = tokens(excerpt);
            capitalisedInSentences(excerptTokens, capitalised);
            List<Token> tokens = tokens(headline);
            if (sentenceCase(tokens)) {
                capitalisedInSentences(tokens, capitalised);
            } else {
                tokens.stream().filter(Token::allCapitals).forEach(token -> capitalised.add(token.term()));
            }
            Set<String> mentions = new TreeSet<>();
            for (List<Token> text : List.of(tokens, excerptTokens)) {
                text.stream().filter(Token::capitalised).forEach(token -> mentions.add(token.term()));
            }
            return new Headline(contentWords(headline), leadOf(headline, tokens),
                    capitalised.stream().map(String::intern).toArray(String[]::new),
                    mentions.stream().map(String::intern).toArray(String[]::new));
        }

        /**
         * The names the article mentions (in headline or excerpt), each weighted by its inverse document frequency,
         * ln((N + 1) / df): the rare names (Clearview, Markey) tell more than the common ones (US). Sorted by term,
         * for {@link TextSimilarity#weightedOverlap}.
         */
        TextSimilarity.Weighted names(TermCounts counts) {
            List<String> names = new ArrayList<>(mentions.length);
            for (String term : mentions) {
                if (isName(term, counts)) {
                    names.add(term);
                }
            }
            double[] weights = new double[names.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Math.log((counts.articles() + 1.0) / Math.max(1, counts.articlesWithTerm(names.get(i))));
            }
            return TextSimilarity.Weighted.of(names.toArray(String[]::new), weights);
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

        /**
         * The names the headline leads with: the first name of its main clause, and the names joined to it ("Amazon
         * and Microsoft pause" has two, "Clearview AI still backs" one); none when it opens with anything else.
         */
        Set<String> subjects(TermCounts counts) {
            Set<String> subjects = new LinkedHashSet<>();
            int at = 0;
            while (at < lead.length && isName(lead[at], counts)) {
                subjects.add(lead[at++]);
                while (at < lead.length && !JOINED.equals(lead[at]) && isName(lead[at], counts)) {
                    at++; // the rest of a name of several words
                }
                if (at + 1 < lead.length && JOINED.equals(lead[at])) {
                    at++;
                } else {
                    break;
                }
            }
            return subjects;
        }
    }

    private Headlines() {
    }

    /** Whether the corpus writes the term as a name. */
    static boolean isName(String term, TermCounts counts) {
        int capitalised = counts.articlesCapitalising(term);
        return capitalised > 0 && !FUNCTION_WORDS.contains(term)
                && capitalised >= NAME_SHARE * Math.max(capitalised, counts.articlesWithTerm(term));
    }

    /**
     * A standard token: its term in lower case, whether it is written capitalised, or all in capitals, whether it
     * starts a sentence (or the text) and whether a comma or an ampersand stands between it and the token before.
     */
    private record Token(String term, boolean capitalised, boolean allCapitals, boolean startsSentence,
            boolean joined, int start, int end) {
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = CASED.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int end = -1;
            while (stream.incrementToken()) {
                char[] word = term.buffer();
                int length = term.length();
                boolean letters = true, lowerCase = false;
                for (int i = 0; i < length; i++) {
                    letters &= Character.isLetter(word[i]);
                    lowerCase |= Character.isLowerCase(word[i]);
                }
                boolean startsSentence = end < 0, joined = false;
                for (int i = Math.max(end, 0); i < offset.startOffset(); i++) {
                    char between = text.charAt(i);
                    startsSentence |= SENTENCE_BREAKS.indexOf(between) >= 0;
                    joined |= between == ',' || between == '&';
                }
                tokens.add(new Token(new String(word, 0, length).toLowerCase(Locale.ROOT),
                        Character.isUpperCase(word[0]), letters && length > 1 && !lowerCase, startsSentence, joined,
                        offset.startOffset(), offset.endOffset()));
                end = offset.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return tokens;
    }

    /** The terms written capitalised inside a sentence, and those written in capitals anywhere. */
    private static void capitalisedInSentences(List<Token> tokens, Set<String> capitalised) {
        for (Token token : tokens) {
            if (token.allCapitals() || token.capitalised() && !token.startsSentence()) {
                capitalised.add(token.term());
            }
        }
    }

    /** Whether most words inside the headline's sentences are in lower case, so that its capitals mark names. */
    private static boolean sentenceCase(List<Token> tokens) {
        int words = 0, capitalised = 0;
        for (Token token : tokens) {
            if (!token.startsSentence() && !FUNCTION_WORDS.contains(token.term())
                    && Character.isLetter(token.term().charAt(0))) {
                words++;
                capitalised += token.capitalised() ? 1 : 0;
            }
        }
        return capitalised * 2 <= words;
    }

    /**
     * The first terms of the main clause (after a short kicker such as "Daily Crunch: ", before a " | outlet"),
     * function words at its start left out, {@link #JOINED} where "and", "&" or a comma joins two terms.
     */
    private static String[] leadOf(String headline, List<Token> tokens) {
        int start = 0;
        int kicker = headline.indexOf(": ");
        if (kicker > 0 && headline.substring(0, kicker).trim().split("\\s+").length <= KICKER_WORDS) {
            start = kicker + 2;
        }
        int outlet = headline.indexOf(" | ", start);
        int end = outlet > start ? outlet : headline.length();
        List<String> lead = new ArrayList<>();
        for (Token token : tokens) {
            if (token.start() < start || token.end() > end) {
                continue;
            }
            if (lead.size() >= LEAD_WORDS || !lead.isEmpty() && token.startsSentence()) {
                break;
            }
            boolean joins = token.term().equals("and") || token.joined();
            if (token.term().equals("and")) {
                if (!lead.isEmpty()) {
                    lead.add(JOINED);
                }
                continue;
            }
            if (lead.isEmpty() && FUNCTION_WORDS.contains(token.term())) {
                continue;
            }
            if (joins && !lead.isEmpty() && !JOINED.equals(lead.get(lead.size() - 1))) {
                lead.add(JOINED);
            }
            lead.add(token.term().intern());
        }
        return lead.toArray(String[]::new);
    }

    /** The headline's content words, for {@link Headline#overlap}. */
    private static String[] contentWords(String headline) {
        TreeSet<String> words = new TreeSet<>();
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
            if (!FUNCTION_WORDS.contains(word) && word.length() > 1) {
                words.add(word.intern());
            }
        }
        return words.toArray(String[]::new);
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
