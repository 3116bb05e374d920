package news.coverage.recommend.text;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the headline and excerpt of an item into a {@link TermVector}: Lucene's standard tokens, possessives and
 * English stop words removed, lower case. No stemming: on judged news it cost more than it gained (Porter makes
 * "US" and "use" one term, "policing" and "police"; the evaluation in the README lost 0.05 nDCG@10 with it). The
 * headline counts twice, since it names the story's subject, which the excerpt often only circles.
 */
@ApplicationScoped
public class TextAnalyzer {

    private static final String FIELD = "text";

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream terms = new EnglishPossessiveFilter(source);
            terms = new LowerCaseFilter(terms);
            terms = new StopFilter(terms, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, terms);
        }
    };

    public TermVector analyze(String headline, String excerpt) {
        Map<String, Integer> frequencies = new TreeMap<>();
        count(headline, frequencies);
        count(headline, frequencies);
        count(excerpt, frequencies);
        String[] terms = new String[frequencies.size()];
        float[] weights = new float[frequencies.size()];
        int i = 0;
        for (var entry : frequencies.entrySet()) {
            terms[i] = entry.getKey();
            weights[i++] = (float) (1 + Math.log(entry.getValue()));
        }
        return new TermVector(terms, weights);
    }

    private void count(String text, Map<String, Integer> frequencies) {
        if (text == null || text.isBlank()) {
            return;
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

    @PreDestroy
    void close() {
        analyzer.close();
    }
}
