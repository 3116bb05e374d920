package news.coverage.ingest.item;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.regex.Pattern;

/** A DNS host name of two or more labels, such as {@code nymag.com} (any case; null is valid). */
@Documented
@Constraint(validatedBy = HostName.Validator.class)
@Target({ ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface HostName {

    String message() default "must be a host name such as example.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HostName, String> {
        private static final Pattern HOST_NAME = Pattern.compile(
                "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || HOST_NAME.matcher(value.strip().toLowerCase(Locale.ROOT)).matches();
        }
    }
}
