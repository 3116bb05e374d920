package news.coverage.recommend.text;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the title and excerpt of an item into a {@link TermVector} with Lucene's English analysis chain: tokens,
 * possessives and English stop words removed, Porter stems, so that "bans", "banned" and "banning" meet.
 */
@ApplicationScoped
public class TextAnalyzer {

    private static final String FIELD = "text";

    private final Analyzer analyzer = new EnglishAnalyzer();

    public TermVector analyze(String... texts) {
        Map<String, Integer> frequencies = new TreeMap<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            try (TokenStream tokens = analyzer.tokenStream(FIELD, text)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    frequencies.merge(term.toString(), 1, Integer::sum);
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException("reading a string cannot fail", e);
            }
        }
        String[] terms = new String[frequencies.size()];
        float[] weights = new float[frequencies.size()];
        int i = 0;
        for (var entry : frequencies.entrySet()) {
            terms[i] = entry.getKey();
            weights[i++] = (float) (1 + Math.log(entry.getValue()));
        }
        return new TermVector(terms, weights);
    }

    @PreDestroy
    void close() {
        analyzer.close();
    }
}
