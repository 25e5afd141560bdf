package com.conversation24.app.runner;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A real SMTP and IMAP server (GreenMail) on free loopback ports, with one mailbox: where the run
 * command's deliveries go when no {@code EXPORTS_SMTP_HOST} is set, and the tests' mail server.
 * The console reads the mailbox over IMAP ({@code EXPORTS_DEMO_MAILBOX}), as a mail client would.
 * It accepts mail for any address; the mailbox of {@link #ADDRESS} is the one the console shows.
 */
public final class EmbeddedMailbox implements AutoCloseable {

  /** The demo's recipient. */
  public static final String ADDRESS = "reports@acme.example";

  private static final String PASSWORD = "embedded-mailbox";

  private final GreenMail mail;

  private EmbeddedMailbox(GreenMail mail) {
    this.mail = mail;
  }

  public static EmbeddedMailbox start() {
    GreenMail mail =
        new GreenMail(
                new ServerSetup[] {
                  new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                  new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
                })
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(ADDRESS, ADDRESS, PASSWORD));
    mail.start();
    return new EmbeddedMailbox(mail);
  }

  public int smtpPort() {
    return mail.getSmtp().getPort();
  }

  /** The mailbox of {@link #ADDRESS}, as {@code EXPORTS_DEMO_MAILBOX} takes it. */
  public String imapUrl() {
    return "imap://"
        + URLEncoder.encode(ADDRESS, StandardCharsets.UTF_8)
        + ":"
        + PASSWORD
        + "@127.0.0.1:"
        + mail.getImap().getPort()
        + "/INBOX";
  }

  /** Every message received, for any address, oldest first. */
  public MimeMessage[] received() {
    return mail.getReceivedMessages();
  }

  @Override
  public void close() {
    mail.stop();
  }
}
