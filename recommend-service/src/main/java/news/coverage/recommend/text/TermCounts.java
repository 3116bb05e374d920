package news.coverage.recommend.text;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** How many articles there are and how many carry a term: what inverse document frequencies are made of. */
public interface TermCounts {

    int articles();

    int articlesWithTerm(String term);

    /**
     * These counts with the given texts counted too, without changing them: the statistics a batch of arriving
     * articles is judged by, before it is stored.
     */
    default TermCounts with(Collection<TermVector> texts) {
        Map<String, Integer> added = new HashMap<>();
        texts.forEach(text -> {
            for (String term : text.terms()) {
                added.merge(term, 1, Integer::sum);
            }
        });
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
        };
    }
}
