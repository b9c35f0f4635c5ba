package io.auditwarehouse.digest;

import io.auditwarehouse.config.MailSettings;
import io.auditwarehouse.errors.ErrorMessages;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.util.MailConnectException;

import java.io.IOException;
import java.util.Properties;

/**
 * Sends through the configured SMTP server with Jakarta Mail (Eclipse Angus). The password goes to the transport and
 * nowhere else: not into the session properties, messages or the ledger. A connection that cannot be opened is tried
 * again twice (1 s, then 2 s later); once the message has been handed over it is never sent again, so a mail server
 * that fails mid-transfer cannot make it arrive twice.
 */
public final class SmtpMailer {

    static final int CONNECT_TIMEOUT_MS = 20_000;
    static final int IO_TIMEOUT_MS = 60_000;
    private static final long[] CONNECT_BACKOFF_MS = {1_000, 2_000};

    private final MailSettings settings;

    public SmtpMailer(MailSettings settings) {
        this.settings = settings;
    }

    /** Why a send failed, which the command turns into an exit code. */
    public enum Failure { UNREACHABLE, AUTHENTICATION, REFUSED }

    /** A send that failed; the message names the server, never the password. */
    public static final class MailFailedException extends RuntimeException {
        private final Failure failure;
        private final boolean deliveryUnknown;

        MailFailedException(Failure failure, String message, Throwable cause, boolean deliveryUnknown) {
            super(message, cause);
            this.failure = failure;
            this.deliveryUnknown = deliveryUnknown;
        }

        public Failure failure() {
            return failure;
        }

        /** The connection broke while the message was being handed over: the server may have accepted it. */
        public boolean deliveryUnknown() {
            return deliveryUnknown;
        }
    }

    public Session session() {
        return Session.getInstance(sessionProperties(settings));
    }

    /** Session properties for {@code mail.smtp.security}: none, starttls (required) or tls (implicit). */
    static Properties sessionProperties(MailSettings s) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", s.host());
        p.setProperty("mail.smtp.port", Integer.toString(s.port()));
        p.setProperty("mail.smtp.auth", Boolean.toString(s.authenticates()));
        p.setProperty("mail.smtp.connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        p.setProperty("mail.smtp.timeout", Integer.toString(IO_TIMEOUT_MS));
        p.setProperty("mail.smtp.writetimeout", Integer.toString(IO_TIMEOUT_MS));
        // the whole message is refused if one recipient is: never a digest that reached only some of them
        p.setProperty("mail.smtp.sendpartial", "false");
        switch (s.security()) {
            case MailSettings.STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case MailSettings.TLS -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            default -> {
                p.setProperty("mail.smtp.starttls.enable", "false");
                p.setProperty("mail.smtp.ssl.enable", "false");
            }
        }
        return p;
    }

    /** Connects (with retries), logs in when a user is configured, hands the message over once. */
    public void send(Session session, MimeMessage message) {
        Transport transport = connect(session);
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            MailFailedException failure = failed(e);
            if (failure.failure() != Failure.UNREACHABLE) throw failure;
            throw new MailFailedException(Failure.UNREACHABLE, "SMTP server " + settings.server()
                    + ": connection lost while sending, delivery unknown: " + ErrorMessages.firstLine(innermost(e)), e, true);
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the message was handed over, or the failure above is the one to report
            }
        }
    }

    private Transport connect(Session session) {
        for (int attempt = 0; ; attempt++) {
            Transport transport = null;
            try {
                transport = session.getTransport("smtp");
                if (settings.authenticates()) transport.connect(settings.host(), settings.port(), settings.user(), settings.password().reveal());
                else transport.connect();
                return transport;
            } catch (MessagingException e) {
                MailFailedException failure = failed(e);
                if (failure.failure() != Failure.UNREACHABLE || attempt == CONNECT_BACKOFF_MS.length) throw failure;
                sleep(CONNECT_BACKOFF_MS[attempt]);
            }
        }
    }

    private MailFailedException failed(MessagingException e) {
        String server = "SMTP server " + settings.server();
        if (e instanceof AuthenticationFailedException) {
            return new MailFailedException(Failure.AUTHENTICATION, server + " refused the login of " + settings.user() + ": " + ErrorMessages.firstLine(e), e, false);
        }
        if (e instanceof MailConnectException || causedByIo(e)) {
            return new MailFailedException(Failure.UNREACHABLE, server + " unreachable: " + ErrorMessages.firstLine(innermost(e)), e, false);
        }
        return new MailFailedException(Failure.REFUSED, server + " did not accept the digest: " + ErrorMessages.firstLine(e), e, false);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof IOException) return true;
        return false;
    }

    private static Throwable innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
