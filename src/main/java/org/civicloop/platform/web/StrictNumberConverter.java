package org.civicloop.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;
import java.util.Locale;
import org.civicloop.kernel.Messages;
import org.civicloop.kernel.StrictNumbers;
import org.civicloop.kernel.StrictNumbers.Range;

/**
 * The one converter of numbers typed into forms (registered for Long, Integer and BigDecimal, so every numeric
 * field and view parameter uses it): the text is read with {@link StrictNumbers} and taken exactly or refused with
 * a message stating the allowed range; never rounded, clamped or wrapped around. The range is the type's, narrowed
 * by the component's {@code min}, {@code max} and {@code decimals} attributes (e.g.
 * {@code <h:inputText value="#{w.budgetAmount}" min="0" max="1000000000000"/>}); BigDecimal fields keep at most 4
 * decimal places (their columns are DECIMAL(19, 4)). The field is named by its {@code label} attribute when set.
 */
public abstract class StrictNumberConverter<T> implements Converter<T> {

    private final Range typeRange;

    StrictNumberConverter(Range typeRange) {
        this.typeRange = typeRange;
    }

    abstract T of(BigDecimal exact);

    @Override
    public T getAsObject(FacesContext fc, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Range range = range(component);
        BigDecimal exact = StrictNumbers.read(value, range);
        if (exact == null) {
            Locale locale = fc.getViewRoot() != null ? fc.getViewRoot().getLocale() : Locale.ENGLISH;
            Object label = component.getAttributes().get("label");
            String field = label != null ? label.toString() : Messages.format(locale, "number.thisValue");
            String text = range.refusal(locale, field, value.strip());
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        return of(exact);
    }

    @Override
    public String getAsString(FacesContext fc, UIComponent component, T value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }

    private Range range(UIComponent c) {
        BigDecimal min = number(c.getAttributes().get("min"));
        BigDecimal max = number(c.getAttributes().get("max"));
        BigDecimal decimals = number(c.getAttributes().get("decimals"));
        Range r = typeRange;
        if (min != null || max != null || decimals != null) {
            r = r.within(new Range(min != null ? min : r.min(), max != null ? max : r.max(),
                    decimals != null ? decimals.intValue() : r.decimals()));
        }
        return r;
    }

    private static BigDecimal number(Object o) {
        return o == null ? null : StrictNumbers.parse(o.toString());
    }

    @FacesConverter(forClass = Long.class)
    public static final class Longs extends StrictNumberConverter<Long> {
        public Longs() {
            super(Range.whole(Long.MIN_VALUE, Long.MAX_VALUE));
        }

        @Override
        Long of(BigDecimal exact) {
            return exact.longValueExact();
        }
    }

    @FacesConverter(forClass = Integer.class)
    public static final class Integers extends StrictNumberConverter<Integer> {
        public Integers() {
            super(Range.whole(Integer.MIN_VALUE, Integer.MAX_VALUE));
        }

        @Override
        Integer of(BigDecimal exact) {
            return exact.intValueExact();
        }
    }

    @FacesConverter(forClass = BigDecimal.class)
    public static final class Decimals extends StrictNumberConverter<BigDecimal> {
        public Decimals() {
            super(Range.decimal("-999999999999999.9999", "999999999999999.9999", 4));
        }

        @Override
        BigDecimal of(BigDecimal exact) {
            return exact;
        }
    }
}
