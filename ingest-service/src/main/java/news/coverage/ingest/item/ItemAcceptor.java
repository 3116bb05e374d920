package news.coverage.ingest.item;

import news.coverage.ingest.format.ParsedItem;
import jakarta.enterprise.context.ApplicationScoped;

/** What every upload goes through, whatever its format and transport: bind, validate, normalise. */
@ApplicationScoped
public class ItemAcceptor {

    private final ItemBinder binder;
    private final ItemValidator validator;
    private final ItemNormalizer normalizer;

    public ItemAcceptor(ItemBinder binder, ItemValidator validator, ItemNormalizer normalizer) {
        this.binder = binder;
        this.validator = validator;
        this.normalizer = normalizer;
    }

    /** The item ready to publish, or an {@link InvalidItemException} with every error found. */
    public NewsItem accept(ParsedItem parsed) {
        ItemBinder.Bound bound = binder.bind(parsed);
        validator.validate(bound.item(), bound.textErrors());
        return normalizer.normalize(bound.item());
    }
}
