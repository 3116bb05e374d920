package news.coverage.ingest.item;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Checks every known field of an item with Bean Validation and reports each violation by its field path. */
@ApplicationScoped
public class ItemValidator {

    private final Validator validator;

    public ItemValidator(Validator validator) {
        this.validator = validator;
    }

    /** Throws an {@link InvalidItemException} with the violations and the errors already found, if any. */
    public void validate(NewsItem item, List<FieldError> found) {
        List<FieldError> errors = Stream.concat(found.stream(), validator.validate(item, ItemFields.Required.class)
                        .stream().map(violation -> new FieldError(pointer(violation), violation.getMessage())))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidItemException(errors);
        }
    }

    /** {@code related[2].images[0].width} as the JSON pointer {@code /related/2/images/0/width}. */
    private static String pointer(ConstraintViolation<NewsItem> violation) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue;
            }
            // a class-level check such as isUrlGiven() names the field it is about
            pointer.append('/').append(name.equals("urlGiven") ? "webUrl" : name);
        }
        return pointer.toString();
    }
}
