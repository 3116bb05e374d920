package news.coverage.ingest.item;

import news.coverage.ingest.format.ParsedItem;
import jakarta.enterprise.context.ApplicationScoped;

/** What every upload goes through, whatever its format and transport: bind, validate, normalise. */
@ApplicationScoped
public class ItemAcceptor {

    private final ItemBinder binder;
    private final ItemValidator validator;
    private final ItemNormalizer normalizer;
    private final ItemText text;

    public ItemAcceptor(ItemBinder binder, ItemValidator validator, ItemNormalizer normalizer, ItemText text) {
        this.binder = binder;
        this.validator = validator;
        this.normalizer = normalizer;
        this.text = text;
    }

    /** The item ready to publish, or an {@link InvalidItemException} with every error found. */
    public NewsItem accept(ParsedItem parsed) {
        NewsItem item = binder.bind(parsed);
        validator.validate(item, text.errors(parsed));
        return normalizer.normalize(item);
    }
}
