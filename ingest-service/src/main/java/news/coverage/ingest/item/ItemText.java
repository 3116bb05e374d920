package news.coverage.ingest.item;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.article.TextCharacters;
import news.coverage.ingest.format.ParsedItem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The characters of every text of an item, known fields or not, checked against the contract's rule
 * ({@link TextCharacters}) on the item as it was uploaded, so that the errors name the fields the client sent.
 */
@ApplicationScoped
public class ItemText {

    private final ObjectMapper json;

    public ItemText(ObjectMapper json) {
        this.json = json;
    }

    public List<FieldError> errors(ParsedItem parsed) {
        try (JsonParser parser = parsed.tree() != null ? parsed.tree().traverse(json)
                : json.getFactory().createParser(parsed.json().content(), parsed.json().offset(), parsed.json().length())) {
            return TextCharacters.violations(parser).stream()
                    .map(violation -> new FieldError(violation.field(), violation.message()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
