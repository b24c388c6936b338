package org.civicloop.kernel;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The outcome of a use case: done with a value, or refused with a reason a person can read. Expected refusals
 * (a precondition not met, bad input) are values, not exceptions.
 */
public sealed interface Result<T> permits Result.Done, Result.Refused {

    record Done<T>(T value) implements Result<T> {
    }

    /** Refused: {@code key} names a message in the i18n bundle, {@code args} fill its placeholders. */
    record Refused<T>(String key, List<Object> args) implements Result<T> {
        public Refused {
            args = List.copyOf(args);
        }

        public String message(Locale locale) {
            return Messages.format(locale, key, args.toArray());
        }

        public String message() {
            return message(Locale.ENGLISH);
        }
    }

    static <T> Result<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Result<T> refused(String key, Object... args) {
        return new Refused<>(key, List.of(args));
    }

    default boolean isDone() {
        return this instanceof Done;
    }

    default T value() {
        if (this instanceof Done<T> d) {
            return d.value();
        }
        throw new IllegalStateException("Refused: " + ((Refused<T>) this).message());
    }

    default <U> Result<U> map(Function<T, U> f) {
        if (this instanceof Done<T> d) {
            return new Done<>(f.apply(d.value()));
        }
        Refused<T> r = (Refused<T>) this;
        return new Refused<>(r.key(), r.args());
    }
}
