package news.coverage.recommend.text;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How many articles there are, how many carry a term, and how many write it capitalised where case tells (the
 * evidence that it is a name): what inverse document frequencies and names are made of.
 */
public interface TermCounts {

    int articles();

    int articlesWithTerm(String term);

    int articlesCapitalising(String term);

    /**
     * These counts with the given articles counted too, without changing them: the statistics a batch of arriving
     * articles is judged by, before it is stored.
     *
     * @param texts       the articles' analysed texts
     * @param capitalised the terms each of them writes capitalised
     */
    default TermCounts with(Collection<TermVector> texts, Collection<String[]> capitalised) {
        Map<String, Integer> added = count(texts.stream().map(TermVector::terms).toList());
        Map<String, Integer> addedCapitalised = count(capitalised);
        TermCounts base = this;
        int articles = texts.size();
        return new TermCounts() {
            @Override
            public int articles() {
                return base.articles() + articles;
            }

            @Override
            public int articlesWithTerm(String term) {
                return base.articlesWithTerm(term) + added.getOrDefault(term, 0);
            }

            @Override
            public int articlesCapitalising(String term) {
                return base.articlesCapitalising(term) + addedCapitalised.getOrDefault(term, 0);
            }
        };
    }

    private static Map<String, Integer> count(Collection<String[]> termsOfArticles) {
        Map<String, Integer> counts = new HashMap<>();
        termsOfArticles.forEach(terms -> {
            for (String term : terms) {
                counts.merge(term, 1, Integer::sum);
            }
        });
        return counts;
    }
}
