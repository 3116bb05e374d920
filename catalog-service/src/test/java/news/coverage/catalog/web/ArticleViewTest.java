package news.coverage.catalog.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ArticleViewTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void thePageReadsTheItemsOwnFields() throws Exception {
        ArticleView article = ArticleView.of("0123", json.readTree("""
                {"title":"IBM gets out of facial recognition business","excerpt":"IBM will no longer offer it.",
                 "webUrl":"https://www.reuters.com/a","publishedDateTime":"2020-06-09T00:55:00Z",
                 "firstSeenAt":"2026-12-06T10:00:00Z",
                 "provider":{"name":"Reuters","domain":"reuters.com","images":[{"url":"https://x.example/logo.jpg"}]},
                 "images":[{"url":"https://x.example/lead.jpg","width":818}],
                 "topics":["Computer Vision","AI"],
                 "related":[{"title":"Daily Crunch","webUrl":"https://techcrunch.com/d",
                             "publishedDateTime":"2020-06-09T17:19:00Z","provider":{"name":"TechCrunch"}},
                            {"title":"No date","provider":{"domain":"cnet.com"}}]}"""));

        assertEquals("IBM gets out of facial recognition business", article.title());
        assertEquals("Reuters", article.outlet().label());
        assertEquals("https://x.example/logo.jpg", article.logoUrl());
        assertEquals("https://x.example/lead.jpg", article.imageUrl());
        assertEquals(Instant.parse("2020-06-09T00:55:00Z"), article.publishedAt());
        assertEquals(Instant.parse("2026-12-06T10:00:00Z"), article.firstSeenAt());
        assertEquals(List.of("Computer Vision", "AI"), article.topics());
        assertEquals(List.of(new ArticleView.EditorialLink("Daily Crunch", "https://techcrunch.com/d", "TechCrunch",
                Instant.parse("2020-06-09T17:19:00Z")), new ArticleView.EditorialLink("No date", null, "cnet.com", null)),
                article.related());
    }

    @Test
    void missingFieldsAreAbsentNotErrors() throws Exception {
        ArticleView article = ArticleView.of("0123", json.readTree("{\"title\":\"Only a title\"}"));
        assertNull(article.logoUrl());
        assertNull(article.imageUrl());
        assertNull(article.publishedAt());
        assertEquals(List.of(), article.related());
    }
}
