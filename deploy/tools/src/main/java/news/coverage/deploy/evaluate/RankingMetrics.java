package news.coverage.deploy.evaluate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The measures of a ranked answer. Each answers empty when the query has nothing to find, so that averages run over
 * the queries where the measure is defined.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** nDCG@k with gain = grade; unjudged results count as 0; the ideal ranking is that of the judged grades. */
    public static OptionalDouble ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double ideal = dcg(grades.values().stream().sorted((a, b) -> b - a).toList(), k);
        if (ideal == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(dcg(ranked.stream().map(id -> grades.getOrDefault(id, 0)).toList(), k) / ideal);
    }

    /**
     * Share of the top k graded at least {@code minGrade}, normalised by how many such items exist when fewer than
     * k do (P@5 with minGrade 1, S@5 with minGrade 2).
     */
    public static OptionalDouble precision(List<String> ranked, Map<String, Integer> grades, int k, int minGrade) {
        long relevant = grades.values().stream().filter(grade -> grade >= minGrade).count();
        if (relevant == 0) {
            return OptionalDouble.empty();
        }
        long found = ranked.stream().limit(k).filter(id -> grades.getOrDefault(id, 0) >= minGrade).count();
        return OptionalDouble.of((double) found / Math.min(k, relevant));
    }

    /**
     * The ranking with its unjudged results left out (a condensed list, Sakai 2007): measured on it, a ranking is
     * judged by how it orders what the judges saw, not by how far its results happen to lie inside their pool.
     */
    public static List<String> condensed(List<String> ranked, Map<String, Integer> grades) {
        return ranked.stream().filter(grades::containsKey).toList();
    }

    /** Share of the top k that no judgment grades. */
    public static OptionalDouble unjudged(List<String> ranked, Map<String, Integer> grades, int k) {
        List<String> top = ranked.stream().limit(k).toList();
        return top.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of((double) top.stream().filter(id -> !grades.containsKey(id)).count() / top.size());
    }

    /** |top k ∩ relevant| / min(k, |relevant|). */
    public static OptionalDouble recall(List<String> ranked, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return OptionalDouble.empty();
        }
        long found = ranked.stream().limit(k).filter(relevant::contains).count();
        return OptionalDouble.of((double) found / Math.min(k, relevant.size()));
    }

    /** 1 / rank of the first relevant item, 0 if none is ranked. */
    public static OptionalDouble reciprocalRank(List<String> ranked, Set<String> relevant) {
        if (relevant.isEmpty()) {
            return OptionalDouble.empty();
        }
        for (int i = 0; i < ranked.size(); i++) {
            if (relevant.contains(ranked.get(i))) {
                return OptionalDouble.of(1.0 / (i + 1));
            }
        }
        return OptionalDouble.of(0);
    }

    /** The mean of the defined values, and how many there were. */
    public static String mean(Collection<OptionalDouble> values) {
        double[] defined = values.stream().filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble)
                .toArray();
        double mean = java.util.Arrays.stream(defined).average().orElse(Double.NaN);
        return String.format("%.3f (n=%d)", mean, defined.length);
    }

    /**
     * B-cubed precision and recall of the stories against the judged same-story pairs, over the judged queries: of
     * the judged items in a query's story (the query itself counting), the share judged the same story; of the
     * query's same-story items (itself counting), the share in its story.
     */
    public static double[] bCubed(Map<String, String> storyOf, Judgments judgments) {
        double precision = 0;
        double recall = 0;
        int queries = 0;
        for (var query : judgments.byQuery().entrySet()) {
            String story = storyOf.get(query.getKey());
            if (story == null) {
                continue;
            }
            int together = 0;
            int togetherSame = 0;
            int same = 0;
            for (var judged : query.getValue().entrySet()) {
                boolean isSame = judged.getValue() == 2;
                boolean inStory = story.equals(storyOf.get(judged.getKey()));
                same += isSame ? 1 : 0;
                together += inStory ? 1 : 0;
                togetherSame += inStory && isSame ? 1 : 0;
            }
            precision += (1.0 + togetherSame) / (1 + together);
            recall += (1.0 + togetherSame) / (1 + same);
            queries++;
        }
        return new double[] { precision / queries, recall / queries };
    }

    private static double dcg(List<Integer> gains, int k) {
        double sum = 0;
        for (int i = 0; i < Math.min(k, gains.size()); i++) {
            sum += gains.get(i) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }
}
