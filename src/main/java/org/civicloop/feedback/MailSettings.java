package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail session configured in server.xml ({@code mail/civicloop}: SMTP host, port and sender from the
 * civicloop.smtp.* variables). Mail is off when no host is configured; nothing else changes then.
 */
@ApplicationScoped
public class MailSettings {

    private static final Logger LOG = Logger.getLogger(MailSettings.class.getName());
    static final String JNDI = "mail/civicloop";

    @Inject
    @ConfigProperty(name = "civicloop.mail.maxAttempts", defaultValue = "3")
    int maxAttempts;
    @Inject
    @ConfigProperty(name = "civicloop.mail.retrySeconds", defaultValue = "60")
    int retrySeconds;
    @Inject
    @ConfigProperty(name = "civicloop.public.url", defaultValue = "http://localhost:9080")
    String publicUrl;

    private volatile Optional<Session> session;

    /** The configured session, or empty when mail is off (no host). */
    public Optional<Session> session() {
        Optional<Session> s = session;
        if (s == null) {
            s = lookup();
            session = s;
        }
        return s;
    }

    private static Optional<Session> lookup() {
        try {
            Session s = (Session) new InitialContext().lookup(JNDI);
            String host = s.getProperty("mail.smtp.host");
            if (host == null || host.isBlank()) {
                host = s.getProperty("mail.host");
            }
            if (host == null || host.isBlank()) {
                LOG.info("No SMTP host configured (civicloop.smtp.host): report e-mails are off.");
                return Optional.empty();
            }
            LOG.info(() -> "Report e-mails go through SMTP host " + s.getProperty("mail.smtp.host") + ":"
                    + s.getProperty("mail.smtp.port"));
            return Optional.of(s);
        } catch (NamingException | ClassCastException e) {
            LOG.info("No mail session " + JNDI + ": report e-mails are off (" + e + ")");
            return Optional.empty();
        }
    }

    public boolean enabled() {
        return session().isPresent();
    }

    public int maxAttempts() {
        return Math.max(1, Math.min(maxAttempts, 10));
    }

    public int retrySeconds() {
        return Math.max(1, retrySeconds);
    }

    public String publicUrl() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String from() {
        return session().map(s -> s.getProperty("mail.from")).filter(f -> !f.isBlank())
                .orElse("no-reply@civicloop.invalid");
    }
}
