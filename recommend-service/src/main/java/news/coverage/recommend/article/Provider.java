package news.coverage.recommend.article;

/** The outlet that published an article, as answers show it. */
public record Provider(String name, String domain) {
}
