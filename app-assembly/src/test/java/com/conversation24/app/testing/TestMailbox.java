package com.conversation24.app.testing;

import com.conversation24.app.runner.EmbeddedMailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * The container tests' SMTP server: the run command's embedded mailbox (GreenMail), started once
 * per test JVM with the database, before Payara Micro, which is told its port.
 */
public final class TestMailbox {

  private static EmbeddedMailbox mailbox;

  private TestMailbox() {}

  static synchronized void start() {
    if (mailbox == null) {
      mailbox = EmbeddedMailbox.start();
      Runtime.getRuntime().addShutdownHook(new Thread(mailbox::close));
    }
  }

  static int smtpPort() {
    return mailbox.smtpPort();
  }

  static String imapUrl() {
    return mailbox.imapUrl();
  }

  /** Every message received so far, oldest first. */
  public static List<MimeMessage> received() {
    return Arrays.asList(mailbox.received());
  }

  /** The messages whose Message-ID names this delivery id. */
  public static List<MimeMessage> ofDelivery(String deliveryId) {
    return received().stream()
        .filter(
            m -> {
              try {
                return m.getMessageID() != null && m.getMessageID().contains(deliveryId);
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
