package news.coverage.article;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CanonicalUrlTest {

    @Test
    void spellingsOfOneUrlHaveOneCanonicalFormAndId() {
        String canonical = "https://example.com/news/story?id=7";
        for (String spelling : new String[] { "https://example.com/news/story?id=7",
                " HTTPS://Example.COM:443/news/story?utm_source=x&id=7&fbclid=abc ",
                "https://example.com/news/story?id=7&utm_medium=social&utm_campaign=c" }) {
            assertEquals(Optional.of(canonical), CanonicalUrl.of(spelling), spelling);
        }
        assertEquals(CanonicalUrl.articleId(canonical), CanonicalUrl.articleId(CanonicalUrl.of(
                "https://EXAMPLE.com/news/story?id=7&gclid=1").orElseThrow()));
    }

    @Test
    void whatSelectsAnotherPageStays() {
        assertEquals(Optional.of("http://example.com:8080/a/b?page=2"), CanonicalUrl.of("http://example.com:8080/a/b?page=2"));
        assertEquals(Optional.of("https://example.com/"), CanonicalUrl.of("https://example.com"));
    }

    @Test
    void notAnAbsoluteHttpUrlHasNoCanonicalForm() {
        for (String notOne : new String[] { "ftp://example.com/a", "/news/story", "example.com/news", "https://", "::" }) {
            assertEquals(Optional.empty(), CanonicalUrl.of(notOne), notOne);
        }
    }

    @Test
    void articleIdIs32HexDigits() {
        assertEquals(32, CanonicalUrl.articleId("https://example.com/").length());
        assertEquals(true, CanonicalUrl.articleId("https://example.com/").matches("[0-9a-f]{32}"));
    }
}
