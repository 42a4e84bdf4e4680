package nl.rotterdam.schoolsafe.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

/**
 * A query parameter that must name a constant of an enum. JAX-RS answers a query parameter it
 * cannot convert with 404; taking it as text and checking it here gives a 400 naming the field.
 */
@Documented
@Constraint(validatedBy = EnumValue.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface EnumValue {
    Class<? extends Enum<?>> of();

    String message() default "is not one of the allowed values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EnumValue, String> {
        private String[] names;

        @Override
        public void initialize(EnumValue annotation) {
            names = Arrays.stream(annotation.of().getEnumConstants())
                    .map(Enum::name)
                    .toArray(String[]::new);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Arrays.asList(names).contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + Arrays.toString(names))
                    .addConstraintViolation();
            return false;
        }
    }
}
