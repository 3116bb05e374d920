package news.coverage.recommend.related;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.text.DocumentFrequencies;
import news.coverage.recommend.text.TermVector;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finds the candidates of a related-coverage query in one round trip: the articles of the time window that share
 * distinctive terms with the query (by the inverted index, best TF-IDF dot product first), plus the editorially
 * linked ones when that signal is on; narrowed to those sharing a topic and to the requested providers. The TF-IDF
 * weights of query and candidates both come from {@link DocumentFrequencies}, by the one rule of {@link Idf}, so that
 * the cosine of two identical texts is 1 whenever the statistics were read.
 */
@ApplicationScoped
public class CandidateSearch {

    /** $2: per query term, its query weight times its IDF (the candidate's weight times the IDF again is the product). */
    private static final String CANDIDATES = """
            WITH scored AS (
                SELECT t.article_id, sum(q.weight * t.weight) AS dot
                FROM unnest($1::text[], $2::float8[]) AS q(term, weight)
                JOIN article_term t ON t.term = q.term
                WHERE t.published_at BETWEEN $3 AND $4 AND t.article_id <> $5
                GROUP BY t.article_id ORDER BY dot DESC LIMIT $6
            ),
            linked AS (
                SELECT unnest($8::text[]) AS article_id WHERE $7
                UNION SELECT article_id FROM editorial_link WHERE $7 AND linked_id = $5
            )
            SELECT a.id, a.title, a.url, a.provider_name, a.provider_domain, a.published_at, a.quality, a.type,
                   a.image_url, coalesce(scored.dot, 0) AS dot, linked.article_id IS NOT NULL AS linked,
                   ARRAY(SELECT topic FROM article_topic WHERE article_id = a.id) AS topics,
                   a.terms, a.term_weights
            FROM scored FULL JOIN linked ON linked.article_id = scored.article_id
            JOIN article a ON a.id = coalesce(scored.article_id, linked.article_id)
            WHERE a.published_at BETWEEN $3 AND $4 AND a.id <> $5 AND NOT a.id = ANY($9::text[])
              AND (cardinality($10::text[]) = 0
                   OR EXISTS (SELECT 1 FROM article_topic x WHERE x.article_id = a.id AND x.topic = ANY($10::text[])))
              AND ($11 = 'ANY' OR ($11 = 'SAME') = (a.provider_domain = $12))""";

    private final Pool database;
    private final RankingConfig config;
    private final DocumentFrequencies frequencies;

    public CandidateSearch(Pool database, RankingConfig config, DocumentFrequencies frequencies) {
        this.database = database;
        this.config = config;
        this.frequencies = frequencies;
    }

    /** The candidates, each with the cosine similarity of its TF-IDF vector to the query's. */
    public Uni<List<Candidate>> candidates(RelatedQuery query, boolean withLinks) {
        TermVector text = query.text();
        return Uni.combine().all().unis(frequencies.corpusSize(), frequencies.of(Arrays.asList(text.terms())))
                .asTuple().chain(statistics -> {
                    Idf idf = Idf.of(statistics.getItem1(), config.commonTermShare());
                    Map<String, Integer> counts = statistics.getItem2();
                    List<String> terms = new ArrayList<>();
                    List<Double> weights = new ArrayList<>();
                    for (int i = 0; i < text.terms().length; i++) {
                        double weight = idf.of(counts.get(text.terms()[i]));
                        if (weight > 0) {
                            terms.add(text.terms()[i]);
                            weights.add(text.weights()[i] * weight * weight);
                        }
                    }
                    double queryNorm = idf.norm(text, counts);
                    return database.preparedQuery(CANDIDATES).execute(parameters(query, withLinks, terms, weights))
                            .chain(rows -> {
                                List<Row> found = new ArrayList<>();
                                rows.forEach(found::add);
                                return frequencies.of(found.stream()
                                                .flatMap(row -> Arrays.stream(row.getArrayOfStrings("terms"))).toList())
                                        .map(candidateCounts -> found.stream().map(row -> Candidate.of(row,
                                                cosine(row.getDouble("dot"), queryNorm, idf.norm(vector(row),
                                                        candidateCounts)))).toList());
                            });
                });
    }

    private Tuple parameters(RelatedQuery query, boolean withLinks, List<String> terms, List<Double> weights) {
        var options = query.options();
        return Tuple.tuple()
                .addArrayOfString(terms.toArray(String[]::new))
                .addArrayOfDouble(weights.toArray(Double[]::new))
                .addOffsetDateTime(query.publishedAt().minus(options.window()).atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(query.publishedAt().plus(options.window()).atOffset(ZoneOffset.UTC))
                .addString(query.articleId() == null ? "" : query.articleId())
                .addInteger(config.candidates())
                .addBoolean(withLinks)
                .addArrayOfString(query.linkedIds().toArray(String[]::new))
                .addArrayOfString(options.exclude().toArray(String[]::new))
                .addArrayOfString(query.topics().toArray(String[]::new))
                .addString(query.providerDomain() == null ? "ANY" : options.providers().name())
                .addString(query.providerDomain() == null ? "" : query.providerDomain());
    }

    /**
     * The TF-IDF rule, for query and candidates alike: idf = ln((N + 1) / df) for a term on df of N articles, 0 for
     * terms on none or on more than the common-term share of them.
     */
    private record Idf(double corpusSize, double ceiling) {

        static Idf of(int corpusSize, double commonTermShare) {
            return new Idf(corpusSize, Math.max(corpusSize * commonTermShare, 10));
        }

        double of(Integer articles) {
            return articles != null && articles > 0 && articles <= ceiling ? Math.log((corpusSize + 1) / articles) : 0;
        }

        double norm(TermVector vector, Map<String, Integer> counts) {
            double sum = 0;
            for (int i = 0; i < vector.terms().length; i++) {
                double weight = vector.weights()[i] * of(counts.get(vector.terms()[i]));
                sum += weight * weight;
            }
            return Math.sqrt(sum);
        }
    }

    private static TermVector vector(Row row) {
        Float[] boxed = row.getArrayOfFloats("term_weights");
        float[] weights = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            weights[i] = boxed[i];
        }
        return new TermVector(row.getArrayOfStrings("terms"), weights);
    }

    private static double cosine(double dot, double queryNorm, double norm) {
        return queryNorm > 0 && norm > 0 ? Math.min(1, dot / (queryNorm * norm)) : 0;
    }
}
