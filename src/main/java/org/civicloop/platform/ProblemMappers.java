package org.civicloop.platform;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

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
                case 401 -> "Sign in to do this.";
                case 403 -> "Your account may not do this.";
                case 404 -> "There is nothing here.";
                case 405 -> "This method is not allowed here.";
                case 406 -> "This resource cannot answer in the requested media type.";
                case 415 -> "Send JSON (Content-Type: application/json).";
                default -> status >= 500 ? "Something went wrong on our side." : "The request could not be processed.";
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
                        return (dot >= 0 ? path.substring(dot + 1) : path) + ": " + v.getMessage();
                    })
                    .sorted().collect(Collectors.joining("; "));
            return Problem.response(400, "Invalid input", detail);
        }
    }

    @Provider
    public static class Json implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problem.response(400, "Malformed JSON", "The request body is not valid JSON of the expected shape.");
        }
    }

    @Provider
    public static class JsonParsing implements ExceptionMapper<JsonParsingException> {
        @Override
        public Response toResponse(JsonParsingException e) {
            return Problem.response(400, "Malformed JSON", "The request body is not valid JSON.");
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return Problem.response(409, "Conflict", "Someone else changed this at the same time; reload and retry.");
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
                return Problem.response(409, "Conflict",
                        "This was already recorded (for a ballot: one person, one ballot per channel).");
            }
            LOG.log(Level.SEVERE, "Unexpected error in the REST API", e);
            return Problem.response(500, "Internal Server Error", "Something went wrong on our side.");
        }
    }
}
