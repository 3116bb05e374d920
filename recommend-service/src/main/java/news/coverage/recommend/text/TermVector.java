package news.coverage.recommend.text;

import java.util.Arrays;

/**
 * The analysed terms of a text with their sub-linear term-frequency weights (1 + ln tf), sorted by term. Inverse
 * document frequencies are applied at query time, from the read model's current statistics.
 */
public record TermVector(String[] terms, float[] weights) {

    @Override
    public boolean equals(Object other) {
        return other instanceof TermVector vector && Arrays.equals(terms, vector.terms)
                && Arrays.equals(weights, vector.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(terms) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "TermVector" + Arrays.toString(terms);
    }
}
