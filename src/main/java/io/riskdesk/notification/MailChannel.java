package io.riskdesk.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail (and the live-call invite, as an .ics attachment; a report's file attached): multipart plain text and HTML, to the SMTP server of {@code spring.mail.*}; with no
 * {@code spring.mail.host}, written to the outbox folder as one {@code .eml} per message instead,
 * named by the message's id, so writing it twice leaves one file. Every message carries a
 * Message-ID made from its outbox id: a receiver that deduplicates by it sees a resend as the same mail.
 */
@Component
class MailChannel {

	private final JavaMailSender smtp;

	private final Path outboxDirectory;

	private final InternetAddress from;

	MailChannel(ObjectProvider<JavaMailSender> smtp, NotificationProperties properties) {
		this.smtp = smtp.getIfAvailable();
		this.outboxDirectory = properties.outboxDirectory();
		try {
			this.from = new InternetAddress(properties.from(), true);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("riskdesk.notifications.from is not an e-mail address: " + properties.from(), ex);
		}
	}

	/** Where mail goes: the SMTP server, or the outbox folder. */
	String destination() {
		return smtp != null ? "SMTP" : "the outbox folder " + outboxDirectory.toAbsolutePath().normalize();
	}

	void send(NotificationOutbox.Outgoing message) {
		try {
			MimeMessage mime = compose(message);
			if (smtp != null) {
				smtp.send(mime);
			}
			else {
				write(mime, message.id());
			}
		}
		catch (MessagingException | MailException | IOException ex) {
			throw new NotificationDeliveryException(describe(ex), ex);
		}
	}

	private MimeMessage compose(NotificationOutbox.Outgoing message) throws MessagingException, IOException {
		MimeMessage mime = new IdentifiedMessage(smtp != null ? smtp.createMimeMessage()
				: new MimeMessage(Session.getInstance(new Properties())), message.id(), from.getAddress());
		MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
		helper.setFrom(from);
		helper.setTo(new InternetAddress(message.address(), message.recipientName(), "UTF-8"));
		helper.setSubject(message.subject());
		helper.setSentDate(Date.from(message.createdAt()));
		if (message.html() != null) {
			helper.setText(message.text(), message.html());
		}
		else {
			helper.setText(message.text());
		}
		if (message.calendar() != null) {
			helper.addAttachment("invite.ics", new ByteArrayResource(message.calendar().getBytes(StandardCharsets.UTF_8)),
					"text/calendar; charset=UTF-8; method=REQUEST");
		}
		if (message.attachment() != null) {
			helper.addAttachment(message.attachment().filename(), new ByteArrayResource(message.attachment().content()),
					message.attachment().contentType());
		}
		return mime;
	}

	/** Written under a temporary name and moved into place, so the folder never holds half a message. */
	private void write(MimeMessage mime, long id) throws IOException, MessagingException {
		Files.createDirectories(outboxDirectory);
		Path target = outboxDirectory.resolve(String.format("%010d.eml", id));
		Path partial = outboxDirectory.resolve(target.getFileName() + ".part");
		try (OutputStream out = Files.newOutputStream(partial)) {
			mime.writeTo(out);
		}
		Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static String describe(Exception ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		return root == ex ? message : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
	}

	/** Keeps the Message-ID it is given: JavaMail would otherwise make a new one on every save. */
	private static final class IdentifiedMessage extends MimeMessage {

		private final String messageId;

		IdentifiedMessage(MimeMessage base, long id, String fromAddress) throws MessagingException {
			super(base.getSession());
			this.messageId = "<notification-" + id + "." + fromAddress.replaceFirst("^[^@]*@", "riskdesk@") + ">";
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}

	}

}
