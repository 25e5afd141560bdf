package com.conversation24.exports.deliveries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mail through the SMTP server of {@code EXPORTS_SMTP_*} (Jakarta Mail, the container's). TLS as
 * configured: {@code starttls} (required, not opportunistic) or {@code tls} (SMTPS), the server's
 * name checked against its certificate; {@code none} for a relay on the same host or network.
 * Each message's Message-ID is the delivery's id, the same on every attempt, so that a mailbox or
 * a filter can tell a resent delivery from a new one.
 */
@ApplicationScoped
public class SmtpMail {

  @Inject
  @ConfigProperty(name = "EXPORTS_SMTP_HOST")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "EXPORTS_SMTP_PORT", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "EXPORTS_SMTP_USER")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "EXPORTS_SMTP_PASSWORD")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "EXPORTS_SMTP_TLS", defaultValue = "none")
  String tls;

  @Inject
  @ConfigProperty(name = "EXPORTS_SMTP_FROM", defaultValue = "exports@localhost")
  String from;

  private static final Pattern REPLY_CODE = Pattern.compile("^(\\d{3})");

  /** One message: a plain text and, if given, the file attached. */
  record Outgoing(
      List<String> to, String subject, String text, Optional<DeliveryFile.Written> attachment, String deliveryId) {}

  DeliveryAnswer send(Outgoing mail) {
    if (host.filter(h -> !h.isBlank()).isEmpty()) {
      return DeliveryAnswer.none("no SMTP server configured (EXPORTS_SMTP_HOST)");
    }
    boolean smtps = tls.strip().toLowerCase(Locale.ROOT).equals("tls");
    String protocol = smtps ? "smtps" : "smtp";
    Properties properties = new Properties();
    String prefix = "mail." + protocol + ".";
    properties.put(prefix + "host", host.get());
    properties.put(prefix + "port", Integer.toString(port));
    properties.put(prefix + "connectiontimeout", "10000");
    properties.put(prefix + "timeout", "30000");
    properties.put(prefix + "writetimeout", "30000");
    properties.put(prefix + "auth", Boolean.toString(user.isPresent()));
    if (tls.strip().equalsIgnoreCase("starttls")) {
      properties.put(prefix + "starttls.enable", "true");
      properties.put(prefix + "starttls.required", "true");
    }
    if (smtps || tls.strip().equalsIgnoreCase("starttls")) {
      properties.put(prefix + "ssl.checkserveridentity", "true");
    }
    Session session = Session.getInstance(properties);
    try {
      MimeMessage message = new IdentifiedMessage(session, mail.deliveryId());
      message.setFrom(new InternetAddress(from, true));
      for (String address : mail.to()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
      }
      message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      MimeMultipart parts = new MimeMultipart();
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), StandardCharsets.UTF_8.name());
      parts.addBodyPart(text);
      if (mail.attachment().isPresent()) {
        DeliveryFile.Written file = mail.attachment().get();
        MimeBodyPart attached = new MimeBodyPart();
        attached.setDataHandler(
            new jakarta.activation.DataHandler(new ByteArrayDataSource(file.bytes(), file.contentType())));
        attached.setFileName(file.name());
        attached.setDisposition(MimeBodyPart.ATTACHMENT);
        parts.addBodyPart(attached);
      }
      message.setContent(parts);
      message.saveChanges();
      try (Transport transport = session.getTransport(protocol)) {
        transport.connect(host.get(), port, user.orElse(null), password.orElse(null));
        transport.sendMessage(message, message.getAllRecipients());
        String reply = lastReply(transport);
        return new DeliveryAnswer(true, code(reply), Optional.of(reply));
      }
    } catch (MessagingException e) {
      String reply = String.valueOf(e.getMessage()).strip();
      return new DeliveryAnswer(false, code(reply), Optional.of(reply));
    }
  }

  /**
   * The server's reply to the message's end of data ("250 2.0.0 Ok: queued as ..."). Jakarta
   * Mail's API has no accessor for it; the SMTP transport of its implementation (Angus Mail, the
   * container's) has {@code getLastServerResponse}, reached without compiling against it.
   */
  private static String lastReply(Transport transport) {
    try {
      Object reply = transport.getClass().getMethod("getLastServerResponse").invoke(transport);
      return reply == null ? "accepted" : reply.toString().strip();
    } catch (ReflectiveOperationException e) {
      return "accepted";
    }
  }

  private static OptionalInt code(String reply) {
    Matcher m = REPLY_CODE.matcher(reply);
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** A message whose Message-ID is the delivery's, kept through {@code saveChanges}. */
  private static final class IdentifiedMessage extends MimeMessage {
    private final String deliveryId;

    IdentifiedMessage(Session session, String deliveryId) {
      super(session);
      this.deliveryId = deliveryId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + deliveryId + "@deliveries.conversation24>");
    }
  }
}
