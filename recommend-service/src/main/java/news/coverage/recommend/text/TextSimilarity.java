package news.coverage.recommend.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text similarity of title and excerpt: the cosine of TF-IDF vectors, with idf = ln((N + 1) / df) for a term on df
 * of N articles and 0 for terms on more than the common-term share of them. The one place of that rule: the weights
 * that retrieve candidates and the similarity that scores them both come from here, so that two identical texts have
 * similarity 1.
 */
public final class TextSimilarity {

    /** Below this many articles every term counts: a young corpus says little about which terms are common. */
    private static final int FEWEST_FOR_COMMON_TERMS = 10;

    private final TermCounts statistics;
    private final double commonTermShare;

    public TextSimilarity(TermCounts statistics, double commonTermShare) {
        this.statistics = statistics;
        this.commonTermShare = commonTermShare;
    }

    /** The weight of a term in every vector (0 for one no article carries, or too common to tell stories apart). */
    public double idf(String term) {
        int articles = Math.max(statistics.articles(), 1);
        int carrying = statistics.articlesWithTerm(term);
        double ceiling = Math.max(articles * commonTermShare, FEWEST_FOR_COMMON_TERMS);
        return carrying > 0 && carrying <= ceiling ? Math.log((articles + 1.0) / carrying) : 0;
    }

    /**
     * The query's terms that weigh anything, each with its weight for a dot product with the term frequencies of
     * another text: tf·idf², so that the product is the TF-IDF dot product.
     */
    public Map<String, Double> retrievalWeights(TermVector query) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < query.terms().length; i++) {
            double idf = idf(query.terms()[i]);
            if (idf > 0) {
                weights.put(query.terms()[i], query.weights()[i] * idf * idf);
            }
        }
        return weights;
    }

    /** A text's TF-IDF weights, in the order of its terms, with their Euclidean norm. */
    public record Weighted(String[] terms, double[] weights, double norm) {

        public static Weighted of(String[] terms, double[] weights) {
            return new Weighted(terms, weights, TextSimilarity.norm(weights));
        }
    }

    /** The vector's TF-IDF weights. */
    public Weighted weighted(TermVector vector) {
        double[] weighted = new double[vector.terms().length];
        for (int i = 0; i < weighted.length; i++) {
            weighted[i] = vector.weights()[i] * idf(vector.terms()[i]);
        }
        return Weighted.of(vector.terms(), weighted);
    }

    /** The similarity of two texts, 0 to 1. */
    public double cosine(TermVector a, TermVector b) {
        return cosine(weighted(a), weighted(b));
    }

    /** The cosine of two TF-IDF vectors. Both term arrays are sorted, so one merge walk finds the shared ones. */
    public static double cosine(Weighted a, Weighted b) {
        String[] aTerms = a.terms(), bTerms = b.terms();
        double[] aWeights = a.weights(), bWeights = b.weights();
        double dot = 0;
        int i = 0, j = 0;
        while (i < aTerms.length && j < bTerms.length) {
            int order = aTerms[i].compareTo(bTerms[j]);
            if (order == 0) {
                dot += aWeights[i++] * bWeights[j++];
            } else if (order < 0) {
                i++;
            } else {
                j++;
            }
        }
        double norms = a.norm() * b.norm();
        return norms > 0 ? Math.min(1, dot / norms) : 0;
    }

    /**
     * The weight of the terms two vectors share over the weight of all the terms either has (a weighted Jaccard
     * index), 0 to 1, for vectors that give a term the same weight.
     */
    public static double weightedOverlap(Weighted a, Weighted b) {
        String[] aTerms = a.terms(), bTerms = b.terms();
        double shared = 0, all = 0;
        int i = 0, j = 0;
        while (i < aTerms.length || j < bTerms.length) {
            int order = i == aTerms.length ? 1 : j == bTerms.length ? -1 : aTerms[i].compareTo(bTerms[j]);
            all += order <= 0 ? a.weights()[i] : b.weights()[j];
            shared += order == 0 ? a.weights()[i] : 0;
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }
        return all > 0 ? shared / all : 0;
    }

    private static double norm(double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight * weight;
        }
        return Math.sqrt(sum);
    }
}
