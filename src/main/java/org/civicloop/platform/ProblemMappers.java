package org.civicloop.platform;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidationException;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.civicloop.kernel.Messages;

/** Every error leaves the API as problem details; unexpected ones are logged and never leak internals. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response r = e.getResponse();
            if (r.hasEntity() && r.getMediaType() != null
                    && Problem.MEDIA_TYPE.equals(r.getMediaType().toString())) {
                return r;
            }
            int status = r.getStatus();
            String title = Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
            String detail = switch (status) {
                case 401, 403, 404, 405, 406, 415 -> Messages.format(ApiLanguage.current(), "problem.detail." + status);
                default -> Messages.format(ApiLanguage.current(), status >= 500 ? "problem.detail.500"
                        : "problem.detail.other");
            };
            if (status >= 500) {
                LOG.log(Level.WARNING, "REST error " + status, e);
            }
            return Problem.response(status, title, detail);
        }
    }

    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            String detail = e.getConstraintViolations().stream()
                    .map(v -> {
                        String path = v.getPropertyPath().toString();
                        int dot = path.lastIndexOf('.');
                        return (dot >= 0 ? path.substring(dot + 1) : path) + ": " + inReadersLanguage(v);
                    })
                    .sorted().collect(Collectors.joining("; "));
            return Problem.response(400, "Invalid input", detail);
        }

        /** The constraint's message interpolated again in the request's language (as given when that fails). */
        static String inReadersLanguage(ConstraintViolation<?> v) {
            if (ApiLanguage.current().equals(Locale.ENGLISH)) {
                return v.getMessage();
            }
            try {
                return interpolator().interpolate(v.getMessageTemplate(), new MessageInterpolator.Context() {
                    @Override
                    public ConstraintDescriptor<?> getConstraintDescriptor() {
                        return v.getConstraintDescriptor();
                    }

                    @Override
                    public Object getValidatedValue() {
                        return v.getInvalidValue();
                    }

                    @Override
                    public <T> T unwrap(Class<T> type) {
                        throw new ValidationException("no provider-specific context");
                    }
                }, ApiLanguage.current());
            } catch (RuntimeException e) {
                return v.getMessage();
            }
        }

        private static volatile MessageInterpolator interpolator;

        private static MessageInterpolator interpolator() {
            MessageInterpolator i = interpolator;
            if (i == null) {
                // kept for the application's life: the interpolator is the factory's
                ValidatorFactory factory = jakarta.validation.Validation.buildDefaultValidatorFactory();
                i = factory.getMessageInterpolator();
                interpolator = i;
            }
            return i;
        }
    }

    @Provider
    public static class Json implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problem.of(400, "Malformed JSON", "problem.detail.jsonShape");
        }
    }

    @Provider
    public static class JsonParsing implements ExceptionMapper<JsonParsingException> {
        @Override
        public Response toResponse(JsonParsingException e) {
            return Problem.of(400, "Malformed JSON", "problem.detail.json");
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return Problem.of(409, "Conflict", "problem.detail.concurrent");
        }
    }

    /** True when the failure (anywhere in its causes) is the database refusing a duplicate (SQLState 23xxx). */
    public static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException w) {
                return new WebApplication().toResponse(w);
            }
            if (isConstraintViolation(e)) {
                return Problem.of(409, "Conflict", "problem.detail.duplicate");
            }
            LOG.log(Level.SEVERE, "Unexpected error in the REST API", e);
            return Problem.of(500, "Internal Server Error", "problem.detail.500");
        }
    }
}
