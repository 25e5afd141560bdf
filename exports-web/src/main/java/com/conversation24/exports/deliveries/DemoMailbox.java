package com.conversation24.exports.deliveries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.URLName;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mailbox of the run command's embedded mail server ({@code EXPORTS_DEMO_MAILBOX}, an IMAP
 * URL), read as any mail client reads it, so that the console shows the messages the demo's
 * deliveries made. Unset in production: then there is no mailbox to show.
 */
@ApplicationScoped
public class DemoMailbox {

  private static final Logger LOG = Logger.getLogger(DemoMailbox.class.getName());

  @Inject
  @ConfigProperty(name = "EXPORTS_DEMO_MAILBOX")
  Optional<String> url;

  /** A message as the console lists it. */
  public record Mail(String subject, String to, Instant sentAt, String attachments, String messageId) {}

  public boolean configured() {
    return url.filter(u -> !u.isBlank()).isPresent();
  }

  /** The newest messages, newest first; none when unset or unreachable (logged). */
  public List<Mail> newest(int limit) {
    if (!configured()) {
      return List.of();
    }
    Properties properties = new Properties();
    properties.put("mail.imap.connectiontimeout", "5000");
    properties.put("mail.imap.timeout", "5000");
    URLName name = new URLName(url.get());
    try (Store store = Session.getInstance(properties).getStore(name)) {
      store.connect();
      try (Folder inbox = store.getFolder(name.getFile() == null ? "INBOX" : name.getFile())) {
        inbox.open(Folder.READ_ONLY);
        int count = inbox.getMessageCount();
        List<Mail> mails = new ArrayList<>();
        for (int n = count; n >= 1 && mails.size() < limit; n--) {
          Message message = inbox.getMessage(n);
          mails.add(
              new Mail(
                  String.valueOf(message.getSubject()),
                  addresses(message.getRecipients(Message.RecipientType.TO)),
                  message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                  attachments(message),
                  String.join(" ", Optional.ofNullable(message.getHeader("Message-ID")).orElse(new String[0]))));
        }
        return mails;
      }
    } catch (MessagingException | IOException e) {
      LOG.log(Level.WARNING, "the demo mailbox could not be read", e);
      return List.of();
    }
  }

  private static String addresses(Address[] addresses) {
    return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  private static String attachments(Message message) throws MessagingException, IOException {
    if (!(message.getContent() instanceof Multipart parts)) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parts.getCount(); i++) {
      Part part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        names.add(part.getFileName());
      }
    }
    return String.join(", ", names);
  }
}
