package news.coverage.recommend.related;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.text.DocumentFrequencies;
import news.coverage.recommend.text.TermVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text similarity of title and excerpt: the cosine of TF-IDF vectors, with idf = ln((N + 1) / df) for a term on df
 * of N articles and 0 for terms on more than the common-term share of them. The one place of that rule: the weights
 * that retrieve candidates from the inverted index and the similarity that scores them both come from here, with the
 * statistics of {@link DocumentFrequencies}, so that two identical texts have similarity 1.
 */
@ApplicationScoped
public class TextSimilarity {

    private final DocumentFrequencies frequencies;
    private final RankingConfig config;

    public TextSimilarity(DocumentFrequencies frequencies, RankingConfig config) {
        this.frequencies = frequencies;
        this.config = config;
    }

    /**
     * The query's terms that weigh anything, each with its weight for a dot product with the term frequencies the
     * inverted index holds: tf·idf², so that the product is the TF-IDF dot product.
     */
    public Uni<Map<String, Double>> retrievalWeights(TermVector query) {
        return idf(List.of(query)).map(idf -> {
            Map<String, Double> weights = new LinkedHashMap<>();
            for (int i = 0; i < query.terms().length; i++) {
                double weight = idf.of(query.terms()[i]);
                if (weight > 0) {
                    weights.put(query.terms()[i], query.weights()[i] * weight * weight);
                }
            }
            return weights;
        });
    }

    /** The similarity of the query to each of the others, 0 to 1, in their order. */
    public Uni<double[]> cosines(TermVector query, List<TermVector> others) {
        List<TermVector> all = new ArrayList<>(others.size() + 1);
        all.add(query);
        all.addAll(others);
        return idf(all).map(idf -> {
            double queryNorm = idf.norm(query);
            double[] cosines = new double[others.size()];
            for (int i = 0; i < cosines.length; i++) {
                double norm = idf.norm(others.get(i));
                cosines[i] = queryNorm > 0 && norm > 0 ? Math.min(1, idf.dot(query, others.get(i)) / (queryNorm * norm))
                        : 0;
            }
            return cosines;
        });
    }

    private Uni<Idf> idf(List<TermVector> vectors) {
        List<String> terms = vectors.stream().flatMap(vector -> Arrays.stream(vector.terms())).toList();
        return Uni.combine().all().unis(frequencies.corpusSize(), frequencies.of(terms))
                .with((corpusSize, counts) -> new Idf(counts, corpusSize,
                        Math.max(corpusSize * config.commonTermShare(), 10)));
    }

    private record Idf(Map<String, Integer> counts, double corpusSize, double ceiling) {

        double of(String term) {
            int articles = counts.getOrDefault(term, 0);
            return articles > 0 && articles <= ceiling ? Math.log((corpusSize + 1) / articles) : 0;
        }

        double norm(TermVector vector) {
            double sum = 0;
            for (int i = 0; i < vector.terms().length; i++) {
                double weight = vector.weights()[i] * of(vector.terms()[i]);
                sum += weight * weight;
            }
            return Math.sqrt(sum);
        }

        /** Both vectors' terms are sorted, so one merge walk finds the shared ones. */
        double dot(TermVector a, TermVector b) {
            double sum = 0;
            int i = 0, j = 0;
            while (i < a.terms().length && j < b.terms().length) {
                int order = a.terms()[i].compareTo(b.terms()[j]);
                if (order == 0) {
                    double idf = of(a.terms()[i]);
                    sum += a.weights()[i] * b.weights()[j] * idf * idf;
                    i++;
                    j++;
                } else if (order < 0) {
                    i++;
                } else {
                    j++;
                }
            }
            return sum;
        }
    }
}
