package news.coverage.recommend.text;

/**
 * How many articles there are, how many carry a term, and how many write it capitalised where case tells (the
 * evidence that it is a name): what inverse document frequencies and names are made of.
 */
public interface TermCounts {

    int articles();

    int articlesWithTerm(String term);

    int articlesCapitalising(String term);
}
